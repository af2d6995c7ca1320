package jp.ikiiki.desk.subjects.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;

/**
 * One subject, in the sections a caller asks about: identity, addresses, care level, subsidy, booklet and
 * points. Bank details appear only when the service returns them (operators).
 */
@Route("subjects/:addressNumber")
@PageTitle("対象者詳細 | いきいきデスク")
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER, Roles.OPERATOR, Roles.CITY_STAFF })
class SubjectView extends VerticalLayout implements BeforeEnterObserver {

	static final String CHANNEL = "画面:対象者詳細";
	private static final String NONE = "―";
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/M/d H:mm");

	private final SubjectLookup lookup;

	SubjectView(SubjectLookup lookup) {
		this.lookup = lookup;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		var back = new Button(getTranslation("subjects.detail.back"), VaadinIcon.ARROW_LEFT.create(),
				e -> getUI().ifPresent(ui -> ui.navigate(SubjectSearchView.class)));
		back.setId("back-to-search");
		back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		add(back);
		String number = event.getRouteParameters().get("addressNumber").orElse("");
		lookup.find(number, CHANNEL).ifPresentOrElse(this::show, () -> {
			var missing = new Paragraph(getTranslation("subjects.detail.not-found", number));
			missing.setId("subject-not-found");
			add(missing);
		});
	}

	private void show(SubjectDetail s) {
		var name = new H2(s.nameKanji() + "（" + s.nameKana() + "）");
		name.setId("subject-name");
		var header = new HorizontalLayout(name);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		if (s.ended()) {
			var ended = new Span(getTranslation("subjects.ended"));
			ended.setId("subject-ended");
			ended.getElement().getThemeList().add("badge contrast");
			header.add(ended);
		}
		if (Boolean.TRUE.equals(s.booklet().emergencyStop())) {
			var stop = new Span("緊急停止");
			stop.setId("subject-emergency-stop");
			stop.getElement().getThemeList().add("badge error");
			header.add(stop);
		}
		if (s.booklet().deathDate() != null) {
			var death = new Span("死亡 " + date(s.booklet().deathDate()));
			death.getElement().getThemeList().add("badge error");
			header.add(death);
		}
		add(header);

		section("subject-identity", "subjects.detail.identity")
				.item("宛名番号", s.addressNumber(), "subject-address-number")
				.item("申請書管理番号", s.managementNumber(), "subject-management-number")
				.item("氏名カナ", s.nameKana(), null)
				.item("氏名漢字", s.nameKanji(), null)
				.item("通称名漢字", s.aliasKanji(), null)
				.item("性別", s.sex(), null)
				.item("生年月日", date(s.birthDate()), "subject-birth-date")
				.item("年齢", s.age() + "歳", null)
				.item("区", s.wardName(), null);

		var residence = s.residence();
		var addresses = section("subject-addresses", "subjects.detail.addresses")
				.item("郵便番号", residence.postalCodeDisplay(), null)
				.item("住所", residence.address(), "subject-residence")
				.item("方書", residence.extra(), null);
		if (s.mailing() == null) {
			addresses.item("送付先", "住所と同じ", "subject-mailing");
		} else {
			addresses.item("送付先郵便番号", s.mailing().postalCodeDisplay(), null)
					.item("送付先住所", s.mailing().address(), "subject-mailing")
					.item("送付先方書", s.mailing().extra(), null);
		}

		var care = s.care();
		section("subject-care", "subjects.detail.care")
				.item("要介護認定状態", care.level(), "subject-care-level")
				.item("認定有効期間", period(care.validFrom(), care.validTo())
						+ (care.expiredOn(LocalDate.now(JapanTime.ZONE)) ? "（期限切れ）" : ""), null)
				.item("認定日", date(care.certifiedOn()), null)
				.item("認定申請日", date(care.applicationDate()), null)
				.item("認定申請事由", care.applicationReason(), null)
				.item("被保険者番号", care.insuredNumber(), null)
				.item("障害種別", care.disabilityKind(), null);

		var sub = s.subsidy();
		section("subject-subsidy", "subjects.detail.subsidy")
				.item("交通助成", flag(sub.transportSubsidy()), null)
				.item("利用券種", sub.ticketType(), "subject-ticket-type")
				.item("決定事由", sub.decisionReason(), null)
				.item("受給状況", sub.receiptStatus(), null)
				.item("処理状況", sub.processingStatus(), null)
				.item("判定回数", number(sub.judgementCount()), null)
				.item("継続者フラグ", flag(sub.continuing()), null)
				.item("整理番号", sub.referenceNumber(), null)
				.item("転入区分", sub.movedInKind(), null)
				.item("転入日（住民年月日）", date(sub.movedInDate()), null)
				.item("住民となった日", date(sub.residentSince()), null)
				.item("住登区分", sub.registrationKind(), null)
				.item("障害者交通助成", flag(sub.disabledTransportSubsidy()), null)
				.item("障害者利用券種", sub.disabledTicketType(), null)
				.item("本人パスピーID", sub.paspyId(), null)
				.item("市民区分", sub.citizenKind(), null);

		var b = s.booklet();
		section("subject-booklet", "subjects.detail.booklet")
				.item("ステータス", b.status(), "subject-booklet-status")
				.item("追加交付ステータス", b.additionalStatus(), null)
				.item("処理状況", b.processingStatus(), null)
				.item("手帳作成日", date(b.createdOn()), null)
				.item("手帳受付日", date(b.receivedOn()), null)
				.item("ポイント助成対象外", flag(b.pointsExcluded()), null)
				.item("交付申出", flag(b.issueRequested()) + dated(b.issueRequestReceivedOn()), null)
				.item("交付希望", flag(b.issueWanted()) + dated(b.issueWantedOn()), null)
				.item("障害・精神ポイント手帳希望", flag(b.disabledBookletWanted()), null)
				.item("原爆入所者", flag(b.atomicBombFacility()), null)
				.item("不交付", flag(b.notIssued()) + dated(b.notIssuedReceivedOn()), null)
				.item("交付停止", flag(b.stopped()) + (b.stoppedYear() == null ? "" : "（" + b.stoppedYear() + "年度）"), null)
				.item("交付停止理由", b.stoppedReason(), null)
				.item("緊急停止", flag(b.emergencyStop()), null)
				.item("死亡日", date(b.deathDate()), null)
				.item("データ使用不同意", flag(b.dataUseRefused()), null)
				.item("転入区分", b.movedInKind(), null)
				.item("口座受付日", date(b.accountReceivedOn()), null)
				.item("不備状送付日", date(b.deficiencyNoticeSentOn()), null)
				.item("支払予定日", date(b.paymentDueOn()), null)
				.item("振込有無", flag(b.transferred()), null)
				.item("郵便引受番号", b.registeredMailNumber(), null)
				.item("手帳スキャンイメージ", b.scanFile(), null)
				.item("追加手帳スキャンイメージ", b.additionalScanFile(), null)
				.item("抽出日", date(b.extractedOn()), null)
				.item("メモ", b.memo(), null)
				.item("備考", b.remarks(), null);

		var p = s.points();
		var points = section("subject-points", "subjects.detail.points")
				.item("ポイント合計", number(p.total()), "subject-points-total")
				.item("上限ポイント", number(p.cap()), null)
				.item("支払金額", p.paymentAmount() == null ? null : String.format("%,d円", p.paymentAmount()), null)
				.item("活動4P", number(p.activity4P()), null)
				.item("活動2P", number(p.activity2P()), null)
				.item("健康1P", number(p.health1P()), null)
				.item("受診2P小計", number(p.checkupSubtotal()), null);
		for (int i = 0; i < p.checkups().size(); i++) {
			if (p.checkups().get(i) != null) {
				points.item("受診2P_" + (i + 1), number(p.checkups().get(i)), null);
			}
		}

		if (s.bankAccount() != null) {
			var bank = s.bankAccount();
			section("subject-bank", "subjects.detail.bank")
					.item("金融機関コード", bank.bankCode(), null)
					.item("金融機関名", bank.bankName(), null)
					.item("店舗コード", bank.branchCode(), null)
					.item("口座名義人", bank.holder(), null);
		}

		if (!s.gaiji().isEmpty()) {
			var gaiji = section("subject-gaiji", "subjects.detail.gaiji");
			s.gaiji().forEach(g -> gaiji.item(g.column(), g.value() + "（確認対象: " + g.chars() + "）", null));
		}

		var r = s.records();
		section("subject-records", "subjects.detail.records")
				.item("交通費助成索引簿", state(r.inIndex(), r.indexEndedAt()), null)
				.item("対象者別進捗状況一覧", state(r.inProgress(), r.progressEndedAt()), null)
				.item("最終更新", timestamp(r.updatedAt()), null);
	}

	private Section section(String id, String titleKey) {
		var form = new FormLayout();
		form.setId(id);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
				new FormLayout.ResponsiveStep("60em", 3));
		add(new H3(getTranslation(titleKey)), form);
		return new Section(form);
	}

	private static String date(LocalDate d) {
		return d == null ? null : JapaneseDates.toWestern(d) + "（" + JapaneseDates.toEraKanji(d) + "）";
	}

	private static String dated(LocalDate d) {
		return d == null ? "" : "（" + JapaneseDates.toWestern(d) + "）";
	}

	private static String period(LocalDate from, LocalDate to) {
		return from == null && to == null ? null
				: (from == null ? "" : JapaneseDates.toWestern(from)) + "〜" + (to == null ? "" : JapaneseDates.toWestern(to));
	}

	private static String flag(Boolean b) {
		return b == null ? "" : b ? "あり" : "なし";
	}

	private static String number(Integer n) {
		return n == null ? null : String.valueOf(n);
	}

	private static String state(boolean present, OffsetDateTime endedAt) {
		return !present ? "なし" : endedAt == null ? "現行" : "終了（" + timestamp(endedAt) + "）";
	}

	private static String timestamp(OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(JapanTime.ZONE).format(TIMESTAMP);
	}

	/** Label–value pairs of one section; blank values show as ―. */
	private record Section(FormLayout form) {
		Section item(String label, String value, String id) {
			var v = new Span(value == null || value.isBlank() ? NONE : value);
			if (id != null) {
				v.setId(id);
			}
			form.addFormItem(v, label);
			return this;
		}
	}
}
