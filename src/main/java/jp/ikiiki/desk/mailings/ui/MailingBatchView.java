package jp.ikiiki.desk.mailings.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MissingBarcodeEnvelope;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * One mailing batch: its enclosure checklist, selection (in the background, with progress over push, cancellable),
 * the subjects left out with their reasons, the envelopes by bundle, the characters awaiting a decision, the print
 * files (cancel and restart without duplicates), the envelopes printed without a customer barcode, the post-office figures and 引受番号 list, and dispatch.
 */
@Route("mailings/batch")
@PageTitle("郵送バッチ詳細 | いきいきデスク")
@RolesAllowed({ "OPERATOR", "FLOOR_MANAGER" })
class MailingBatchView extends VerticalLayout implements HasUrlParameter<Long> {

	private static final String CHANNEL = "画面:郵送バッチ詳細";
	/** The printing layouts' names as the contract calls the forms (第2章, 第3章). */
	private static final java.util.Map<String, String> FORM_NAMES = java.util.Map.of(
			"booklet-cover", "ポイント手帳表紙", "cover-letter", "同封通知書（添書）",
			"booklet-issue-notice", "ポイント手帳交付通知書", "subsidy-application", "交通費助成申請書",
			"grant-notice", "交付決定通知書", "non-grant-notice", "不交付決定通知書",
			"group-registration-notice", "活動団体登録通知書");

	private final Mailings mailings;
	private final MailingJobs jobs;
	private final boolean operator;

	private long batchId;
	private MailingKind kind;
	private final H2 title = new H2();
	private final Span summary = new Span();
	private final OrderedList checklist = new OrderedList();
	private final Span forms = new Span();
	private final ProgressBar progress = new ProgressBar();
	private final Span jobMessage = new Span();
	private final Button select = new Button("対象者を抽出");
	private final Button print = new Button("印刷ファイル作成（再開）");
	private final Button cancel = new Button("中止");
	private final Button checkUndecided = new Button("印字不可文字を確認");
	private final Grid<Exclusion> exclusions = new Grid<>(Exclusion.class, false);
	private final Grid<Envelope> envelopes = new Grid<>(Envelope.class, false);
	private final Grid<UnprintableText> undecided = new Grid<>(UnprintableText.class, false);
	private final Grid<PostageLine> postage = new Grid<>(PostageLine.class, false);
	private final Span missingCount = new Span();
	private final Grid<MissingBarcodeEnvelope> missing = new Grid<>(MissingBarcodeEnvelope.class, false);
	private final HorizontalLayout downloads = new HorizontalLayout();
	private final DatePicker dispatchDate = new DatePicker("発送日");
	private final Button dispatch = new Button("郵便局へ引渡し（発送）");
	private Runnable unsubscribe;

	MailingBatchView(Mailings mailings, MailingJobs jobs, AuthenticationContext authentication) {
		this.mailings = mailings;
		this.jobs = jobs;
		this.operator = authentication.hasRole("OPERATOR");
		setSizeFull();
		summary.setId("mailing-summary");
		progress.setId("mailing-progress");
		progress.setWidth("30em");
		progress.setVisible(false);
		jobMessage.setId("mailing-job");
		select.setId("mailing-select");
		print.setId("mailing-print");
		cancel.setId("mailing-cancel");
		checkUndecided.setId("mailing-check-undecided");
		print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
		cancel.setEnabled(false);
		select.addClickListener(e -> start(MailingJobs.Step.SELECT));
		print.addClickListener(e -> start(MailingJobs.Step.PRINT));
		cancel.addClickListener(e -> jobs.cancel(batchId));
		checkUndecided.addClickListener(e -> showUndecided(mailings.undecided(batchId, CHANNEL)));
		var actions = new HorizontalLayout(select, print, cancel, checkUndecided);
		actions.setVisible(operator);

		checklist.setId("mailing-checklist");
		add(title, summary, new H3("封入物チェックリスト（1通ごと）"), forms, checklist, actions, progress, jobMessage);

		undecided.setId("mailing-undecided");
		undecided.addColumn(UnprintableText::subjectId).setHeader("宛名番号").setAutoWidth(true);
		undecided.addColumn(UnprintableText::field).setHeader("項目").setAutoWidth(true);
		undecided.addColumn(UnprintableText::text).setHeader("印字内容").setAutoWidth(true);
		undecided.addColumn(u -> String.join(" ", u.characters())).setHeader("決定待ちの文字").setAutoWidth(true);
		undecided.setHeight("10em");
		undecided.setVisible(false);
		add(undecided);

		exclusions.setId("mailing-exclusions");
		exclusions.addColumn(Exclusion::subjectId).setHeader("宛名番号").setAutoWidth(true);
		exclusions.addColumn(x -> x.reason().label()).setHeader("除外理由").setAutoWidth(true);
		exclusions.addColumn(x -> x.detail() == null ? "" : x.detail()).setHeader("詳細").setFlexGrow(1);
		exclusions.setHeight("14em");
		add(new H3("除外した対象者と理由"), exclusions);

		envelopes.setId("mailing-envelopes");
		envelopes.addColumn(Envelope::bundleNo).setHeader("束").setAutoWidth(true).setFlexGrow(0);
		envelopes.addColumn(Envelope::bundleSeq).setHeader("束内順").setAutoWidth(true).setFlexGrow(0);
		envelopes.addColumn(Envelope::postalCode).setHeader("郵便番号").setAutoWidth(true);
		envelopes.addColumn(Envelope::subjectId).setHeader("宛名番号").setAutoWidth(true);
		envelopes.addColumn(e -> e.fields().getOrDefault(PrintFields.NAME, "")).setHeader("氏名").setAutoWidth(true);
		envelopes.addColumn(e -> e.fields().getOrDefault(PrintFields.MARK, "")).setHeader("表示").setAutoWidth(true);
		envelopes.addColumn(e -> e.reissueNo() == 0 ? "" : e.reissueNo() + "回目").setHeader("再交付").setAutoWidth(true);
		envelopes.addColumn(e -> e.registeredNumber() == null ? "" : e.registeredNumber()).setHeader("引受番号")
				.setAutoWidth(true);
		envelopes.addColumn(e -> e.pulled() ? "引抜: " + e.pullReason() : "封入 " + kind.enclosures().size() + " 点")
				.setHeader("封入・引抜").setAutoWidth(true);
		envelopes.setHeight("16em");
		add(new H3("封入一覧（郵便番号順・束ごと）"), envelopes);

		missingCount.setId("mailing-missing-barcode-count");
		missing.setId("mailing-missing-barcode");
		missing.addColumn(MissingBarcodeEnvelope::subjectId).setHeader("宛名番号").setAutoWidth(true);
		missing.addColumn(m -> m.bundleNo() + "-" + m.bundleSeq()).setHeader("束").setAutoWidth(true).setFlexGrow(0);
		missing.addColumn(m -> m.pulled() ? "引抜" : "").setHeader("引抜").setAutoWidth(true).setFlexGrow(0);
		missing.addColumn(MissingBarcodeEnvelope::reason).setHeader("理由").setFlexGrow(1);
		missing.setHeight("12em");
		add(new H3("カスタマバーコードなしで印刷した宛先"), missingCount, missing);

		postage.setId("mailing-postage");
		postage.addColumn(PostageLine::envelope).setHeader("封筒").setAutoWidth(true);
		postage.addColumn(PostageLine::sizeClass).setHeader("区分").setAutoWidth(true);
		postage.addColumn(PostageLine::weightClass).setHeader("重量").setAutoWidth(true);
		postage.addColumn(PostageLine::handling).setHeader("特殊取扱").setAutoWidth(true);
		postage.addColumn(PostageLine::count).setHeader("通数").setAutoWidth(true);
		postage.setAllRowsVisible(true);
		add(new H3("後納郵便差出票の数値（引抜分を除く）"), postage, downloads);

		dispatchDate.setId("mailing-dispatch-date");
		dispatchDate.setValue(LocalDate.now(JapanTime.ZONE));
		dispatch.setId("mailing-dispatch");
		dispatch.addClickListener(e -> {
			try {
				mailings.dispatch(batchId, dispatchDate.getValue(), CHANNEL);
				Notification.show("発送を記録しました", 3000, Notification.Position.BOTTOM_START)
						.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
				refresh();
			} catch (IllegalStateException | IllegalArgumentException ex) {
				error(ex.getMessage());
			}
		});
		var dispatchRow = new HorizontalLayout(dispatchDate, dispatch);
		dispatchRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		dispatchRow.setVisible(operator);
		add(dispatchRow);
	}

	@Override
	public void setParameter(BeforeEvent event, Long id) {
		batchId = id;
		BatchSummary b = mailings.batch(id).orElse(null);
		if (b == null) {
			title.setText("バッチ " + id + " はありません");
			return;
		}
		kind = mailings.kinds().stream().filter(k -> k.code().equals(b.kind())).findFirst().orElseThrow();
		title.setText("バッチ " + id + "「" + b.title() + "」 " + kind.label() + "（" + kind.clause() + "）");
		checklist.removeAll();
		kind.enclosures().forEach(e -> checklist.add(new ListItem("□ " + e)));
		forms.setText("印刷する様式: " + String.join("、", kind.forms().stream().map(f -> FORM_NAMES.getOrDefault(f, f)).toList()) + (kind.registeredMail() ? "（簡易書留・引受番号付き）" : ""));
		exclusions.setItems(q -> mailings.exclusions(batchId, q.getOffset(), q.getLimit(), CHANNEL).stream());
		envelopes.setItems(q -> mailings.envelopes(batchId, q.getOffset(), q.getLimit(), CHANNEL).stream());
		downloads.removeAll();
		downloads.add(Downloads.link("後納郵便差出票の数値（XLSX）", "mailing-postage-xlsx",
				() -> mailings.postageXlsx(batchId, CHANNEL)));
		if (kind.registeredMail() && operator) {
			downloads.add(Downloads.link("引受番号一覧（XLSX）", "mailing-registered-xlsx",
					() -> mailings.registeredNumbersXlsx(batchId, CHANNEL)));
		}
		refresh();
		jobs.status(batchId).ifPresent(this::show);
	}

	private void refresh() {
		mailings.batch(batchId).ifPresent(b -> {
			summary.setText("状態: " + b.status().label() + " ／ 通数 " + b.envelopes() + "（引抜 " + b.pulled() + "）／ 除外 "
					+ b.excluded() + " ／ 束 " + b.bundles() + "（" + b.bundleSize() + " 通ごと、印刷済 " + b.bundlesWritten()
					+ "）" + (b.dispatchedOn() == null ? "" : " ／ 発送日 " + JapaneseDates.toEraKanji(b.dispatchedOn())));
			boolean running = jobs.status(batchId).map(s -> s.state() == MailingJobs.State.RUNNING).orElse(false);
			select.setEnabled(!running && (b.status() == BatchSummary.Status.NEW
					|| b.status() == BatchSummary.Status.SELECTED && b.bundlesWritten() == 0));
			print.setEnabled(!running && b.status() == BatchSummary.Status.SELECTED);
			dispatch.setEnabled(b.status() == BatchSummary.Status.PRINTED);
			cancel.setEnabled(running);
		});
		exclusions.getDataProvider().refreshAll();
		envelopes.getDataProvider().refreshAll();
		postage.setItems(mailings.postage(batchId));
		List<MissingBarcodeEnvelope> without = mailings.missingCustomerBarcodes(batchId, CHANNEL);
		missing.setItems(without);
		boolean printed = mailings.batch(batchId).map(b -> b.bundlesWritten() > 0).orElse(false);
		missingCount.setText(printed ? without.size() + " 通（印刷済の束）" : "印刷ファイルを作成すると表示します");
	}

	private void start(MailingJobs.Step step) {
		try {
			undecided.setVisible(false);
			show(jobs.start(batchId, step, CHANNEL));
		} catch (IllegalStateException e) {
			error(e.getMessage());
		}
	}

	private void show(MailingJobs.Status s) {
		boolean running = s.state() == MailingJobs.State.RUNNING;
		progress.setVisible(true);
		progress.setIndeterminate(running && s.fraction() < 0);
		progress.setValue(s.state() == MailingJobs.State.DONE ? 1.0 : Math.max(0, s.fraction()));
		jobMessage.setText(s.step().label() + ": " + s.message());
		cancel.setEnabled(running);
		select.setEnabled(!running);
		print.setEnabled(!running);
		if (!running) {
			if (s.print() != null && !s.print().undecided().isEmpty()) {
				showUndecided(s.print().undecided());
			}
			refresh();
		}
	}

	private void showUndecided(List<UnprintableText> list) {
		undecided.setItems(list);
		undecided.setVisible(true);
		if (list.isEmpty()) {
			Notification.show("決定待ちの文字はありません", 3000, Notification.Position.BOTTOM_START);
		}
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		UI ui = event.getUI();
		unsubscribe = jobs.subscribe(batchId, s -> ui.access(() -> show(s)));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (unsubscribe != null) {
			unsubscribe.run();
			unsubscribe = null;
		}
		super.onDetach(event);
	}

	private static void error(String message) {
		Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
	}
}
