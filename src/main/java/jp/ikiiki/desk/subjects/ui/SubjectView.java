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
import jp.ikiiki.desk.subjects.SubjectPageSection;
import org.springframework.beans.factory.ObjectProvider;

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
	private final ObjectProvider<SubjectPageSection> sections;

	SubjectView(SubjectLookup lookup, ObjectProvider<SubjectPageSection> sections) {
		this.lookup = lookup;
		this.sections = sections;
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
		if (s.booklet() != null && Boolean.TRUE.equals(s.booklet().emergencyStop())) {
			var stop = new Span(getTranslation("subjects.detail.emergency-stop"));
			stop.setId("subject-emergency-stop");
			stop.getElement().getThemeList().add("badge error");
			header.add(stop);
		}
		if (s.booklet() != null && s.booklet().deathDate() != null) {
			var death = new Span(getTranslation("subjects.detail.death", date(s.booklet().deathDate())));
			death.getElement().getThemeList().add("badge error");
			header.add(death);
		}
		add(header);

		section("subject-identity", "subjects.detail.identity")
				.item(getTranslation("subjects.field.address-number"), s.addressNumber(), "subject-address-number")
				.item(getTranslation("subjects.field.management-number"), s.managementNumber(), "subject-management-number")
				.item(getTranslation("subjects.field.name-kana"), s.nameKana(), null)
				.item(getTranslation("subjects.field.name-kanji"), s.nameKanji(), null)
				.item(getTranslation("subjects.field.alias-kanji"), s.aliasKanji(), null)
				.item(getTranslation("subjects.field.sex"), s.sex(), null)
				.item(getTranslation("subjects.field.birth-date"), date(s.birthDate()), "subject-birth-date")
				.item(getTranslation("subjects.field.age"), getTranslation("subjects.detail.age", s.age()), null)
				.item(getTranslation("subjects.field.ward"), s.wardName(), null);

		var residence = s.residence();
		var addresses = section("subject-addresses", "subjects.detail.addresses")
				.item(getTranslation("subjects.field.postal-code"), residence.postalCodeDisplay(), null)
				.item(getTranslation("subjects.field.address"), residence.address(), "subject-residence")
				.item(getTranslation("subjects.field.address-extra"), residence.extra(), null);
		if (s.mailing() == null) {
			addresses.item(getTranslation("subjects.field.mailing"), getTranslation("subjects.detail.same-as-residence"), "subject-mailing");
		} else {
			addresses.item(getTranslation("subjects.field.mail-postal-code"), s.mailing().postalCodeDisplay(), null)
					.item(getTranslation("subjects.field.mail-address"), s.mailing().address(), "subject-mailing")
					.item(getTranslation("subjects.field.mail-address-extra"), s.mailing().extra(), null);
		}

		// A person only in one of the city's files has no record of the other's kind: its sections are left out.
		var care = s.care();
		if (care != null) {
			section("subject-care", "subjects.detail.care")
					.item(getTranslation("subjects.field.care-level"), care.level(), "subject-care-level")
					.item(getTranslation("subjects.field.care-valid"), careValid(care), null)
					.item(getTranslation("subjects.field.care-certified"), date(care.certifiedOn()), null)
					.item(getTranslation("subjects.field.care-applied"), date(care.applicationDate()), null)
					.item(getTranslation("subjects.field.care-reason"), care.applicationReason(), null)
					.item(getTranslation("subjects.field.insured-number"), care.insuredNumber(), null)
					.item(getTranslation("subjects.field.disability-kind"), care.disabilityKind(), null);
		}

		var sub = s.subsidy();
		if (sub != null) {
			section("subject-subsidy", "subjects.detail.subsidy")
					.item(getTranslation("subjects.field.transport-subsidy"), flag(sub.transportSubsidy()), null)
					.item(getTranslation("subjects.field.ticket-type"), sub.ticketType(), "subject-ticket-type")
					.item(getTranslation("subjects.field.decision-reason"), sub.decisionReason(), null)
					.item(getTranslation("subjects.field.receipt-status"), sub.receiptStatus(), null)
					.item(getTranslation("subjects.field.processing-status"), sub.processingStatus(), null)
					.item(getTranslation("subjects.field.judgement-count"), number(sub.judgementCount()), null)
					.item(getTranslation("subjects.field.continuing"), flag(sub.continuing()), null)
					.item(getTranslation("subjects.field.reference-number"), sub.referenceNumber(), null)
					.item(getTranslation("subjects.field.moved-in-kind"), sub.movedInKind(), null)
					.item(getTranslation("subjects.field.moved-in-date"), date(sub.movedInDate()), null)
					.item(getTranslation("subjects.field.resident-since"), date(sub.residentSince()), null)
					.item(getTranslation("subjects.field.registration-kind"), sub.registrationKind(), null)
					.item(getTranslation("subjects.field.disabled-transport-subsidy"), flag(sub.disabledTransportSubsidy()), null)
					.item(getTranslation("subjects.field.disabled-ticket-type"), sub.disabledTicketType(), null)
					.item(getTranslation("subjects.field.paspy-id"), sub.paspyId(), null)
					.item(getTranslation("subjects.field.citizen-kind"), sub.citizenKind(), null);
		}

		var b = s.booklet();
		if (b != null) {
			section("subject-booklet", "subjects.detail.booklet")
					.item(getTranslation("subjects.field.booklet-status"), b.status(), "subject-booklet-status")
					.item(getTranslation("subjects.field.booklet-additional-status"), b.additionalStatus(), null)
					.item(getTranslation("subjects.field.processing-status"), b.processingStatus(), null)
					.item(getTranslation("subjects.field.booklet-created"), date(b.createdOn()), null)
					.item(getTranslation("subjects.field.booklet-received"), date(b.receivedOn()), null)
					.item(getTranslation("subjects.field.points-excluded"), flag(b.pointsExcluded()), null)
					.item(getTranslation("subjects.field.issue-requested"), flag(b.issueRequested()) + dated(b.issueRequestReceivedOn()), null)
					.item(getTranslation("subjects.field.issue-wanted"), flag(b.issueWanted()) + dated(b.issueWantedOn()), null)
					.item(getTranslation("subjects.field.disabled-booklet-wanted"), flag(b.disabledBookletWanted()), null)
					.item(getTranslation("subjects.field.atomic-bomb-facility"), flag(b.atomicBombFacility()), null)
					.item(getTranslation("subjects.field.not-issued"), flag(b.notIssued()) + dated(b.notIssuedReceivedOn()), null)
					.item(getTranslation("subjects.field.stopped"), flag(b.stopped()) + (b.stoppedYear() == null ? "" : getTranslation("subjects.detail.stopped-year", String.valueOf(b.stoppedYear()))), null)
					.item(getTranslation("subjects.field.stopped-reason"), b.stoppedReason(), null)
					.item(getTranslation("subjects.field.emergency-stop"), flag(b.emergencyStop()), null)
					.item(getTranslation("subjects.field.death-date"), date(b.deathDate()), null)
					.item(getTranslation("subjects.field.data-use-refused"), flag(b.dataUseRefused()), null)
					.item(getTranslation("subjects.field.moved-in-kind"), b.movedInKind(), null)
					.item(getTranslation("subjects.field.account-received"), date(b.accountReceivedOn()), null)
					.item(getTranslation("subjects.field.deficiency-notice-sent"), date(b.deficiencyNoticeSentOn()), null)
					.item(getTranslation("subjects.field.payment-due"), date(b.paymentDueOn()), null)
					.item(getTranslation("subjects.field.transferred"), flag(b.transferred()), null)
					.item(getTranslation("subjects.field.registered-mail-number"), b.registeredMailNumber(), null)
					.item(getTranslation("subjects.field.scan-file"), b.scanFile(), null)
					.item(getTranslation("subjects.field.additional-scan-file"), b.additionalScanFile(), null)
					.item(getTranslation("subjects.field.extracted"), date(b.extractedOn()), null)
					.item(getTranslation("subjects.field.memo"), b.memo(), null)
					.item(getTranslation("subjects.field.remarks"), b.remarks(), null);
		}

		// Points and payment are shown per business year by the progress module's section below (第7章2: years never
		// mixed). The year-less points columns of the record (別紙3 cols 55–75) are no longer shown: they are never
		// taken from the city's file, were moved to the year they describe when years came in, and have not changed
		// since, so beside the per-year statement they could only show a stale second total without a year.
		sections.stream().sorted(java.util.Comparator.comparingInt(SubjectPageSection::order))
				.map(section -> section.create(s.addressNumber(), CHANNEL)).filter(java.util.Objects::nonNull)
				.forEach(this::add);

		if (s.bankAccount() != null) {
			var bank = s.bankAccount();
			section("subject-bank", "subjects.detail.bank")
					.item(getTranslation("subjects.field.bank-code"), bank.bankCode(), null)
					.item(getTranslation("subjects.field.bank-name"), bank.bankName(), null)
					.item(getTranslation("subjects.field.branch-code"), bank.branchCode(), null)
					.item(getTranslation("subjects.field.account-holder"), bank.holder(), null);
		}

		if (!s.gaiji().isEmpty()) {
			var gaiji = section("subject-gaiji", "subjects.detail.gaiji");
			s.gaiji().forEach(g -> gaiji.item(g.column(), getTranslation("subjects.detail.gaiji-value", g.value(), g.chars()), null));
		}

		var r = s.records();
		section("subject-records", "subjects.detail.records")
				.item(getTranslation("subjects.field.record-index"), state(r.inIndex(), r.indexEndedAt()), null)
				.item(getTranslation("subjects.field.record-progress"), state(r.inProgress(), r.progressEndedAt()), null)
				.item(getTranslation("subjects.field.updated"), timestamp(r.updatedAt()), null);
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

	/** The care level's period of validity, marked when it has expired; null when the file gives no dates. */
	private String careValid(SubjectDetail.Care care) {
		String period = period(care.validFrom(), care.validTo());
		if (period == null) {
			return null;
		}
		return period + (care.expiredOn(LocalDate.now(JapanTime.ZONE)) ? getTranslation("subjects.detail.expired") : "");
	}

	private static String period(LocalDate from, LocalDate to) {
		return from == null && to == null ? null
				: (from == null ? "" : JapaneseDates.toWestern(from)) + "〜" + (to == null ? "" : JapaneseDates.toWestern(to));
	}

	private String flag(Boolean b) {
		return b == null ? "" : getTranslation(b ? "subjects.detail.yes" : "subjects.detail.no");
	}

	private static String number(Integer n) {
		return n == null ? null : String.valueOf(n);
	}

	private String state(boolean present, OffsetDateTime endedAt) {
		return !present ? getTranslation("subjects.detail.record-none") : endedAt == null
				? getTranslation("subjects.detail.record-current")
				: getTranslation("subjects.detail.record-ended", timestamp(endedAt));
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
