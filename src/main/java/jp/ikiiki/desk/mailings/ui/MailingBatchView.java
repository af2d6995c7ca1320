package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MissingBarcodeEnvelope;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * One mailing batch: its status and counts, the enclosure checklist, the long steps (selection and print files, in
 * the background with progress over push, stoppable), and in tabs the envelopes by bundle, the subjects left out, the
 * characters awaiting a decision, the envelopes printed without a customer barcode and the post-office figures with
 * the 引受番号 list. Dispatch and withdrawal are confirmed with their consequences.
 */
@Route("mailings/batch")
@RolesAllowed({ "OPERATOR", "FLOOR_MANAGER" })
class MailingBatchView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

	private static final String CHANNEL = "画面:郵送バッチ詳細";

	private final Mailings mailings;
	private final MailingJobs jobs;
	private final boolean operator;

	private long batchId;
	private MailingKind kind;
	private BatchSummary current;
	private Map<String, String> formTitles = Map.of();
	private final H2 title = new H2();
	private final Span summary = new Span();
	private final Div checklist = new Div();
	private final Span forms = new Span();
	private final ProgressBar progress = new ProgressBar();
	private final Span jobMessage = new Span();
	private final Button select = new Button();
	private final Button print = new Button();
	private final Button stop = new Button();
	private final Button checkUndecided = new Button();
	private final Button dispatch = new Button();
	private final Button cancelBatch = new Button();
	private final TabSheet tabs = new TabSheet();
	private Tab exclusionsTab;
	private final EnvelopeList envelopes;
	private final ExclusionList exclusions;
	private final Grid<UnprintableText> undecided = new Grid<>(UnprintableText.class, false);
	private final Span undecidedHint = new Span();
	private final Grid<MissingBarcodeEnvelope> missing = new Grid<>(MissingBarcodeEnvelope.class, false);
	private final Span missingCount = new Span();
	private final Grid<PostageLine> postage = new Grid<>(PostageLine.class, false);
	private final HorizontalLayout downloads = new HorizontalLayout();
	private Tab undecidedTab;
	private Runnable unsubscribe;

	MailingBatchView(Mailings mailings, MailingJobs jobs, AuthenticationContext authentication) {
		this.mailings = mailings;
		this.jobs = jobs;
		this.operator = authentication.hasRole("OPERATOR");
		this.envelopes = new EnvelopeList(mailings, CHANNEL);
		this.exclusions = new ExclusionList(mailings, CHANNEL);
		setSizeFull();
		setSpacing(false);
		getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
		title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
		title.setId("mailing-heading");
		summary.setId("mailing-summary");
		checklist.setId("mailing-checklist");
		forms.setId("mailing-forms");
		add(title, summary, actions(), jobRow(), tabs());
		setFlexGrow(1, tabs);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("mailings.batch.page-title");
	}

	private HorizontalLayout actions() {
		select.setId("mailing-select");
		print.setId("mailing-print");
		stop.setId("mailing-cancel");
		stop.setText(getTranslation("mailings.batch.stop"));
		checkUndecided.setId("mailing-check-undecided");
		checkUndecided.setText(getTranslation("mailings.batch.check-undecided"));
		dispatch.setId("mailing-dispatch");
		dispatch.setText(getTranslation("mailings.batch.dispatch"));
		cancelBatch.setId("mailing-withdraw");
		cancelBatch.setText(getTranslation("mailings.batch.withdraw"));
		for (Button b : List.of(select, print, stop, checkUndecided, dispatch, cancelBatch)) {
			b.addThemeVariants(ButtonVariant.LUMO_SMALL);
		}
		print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
		cancelBatch.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		stop.setEnabled(false);
		select.addClickListener(e -> start(MailingJobs.Step.SELECT));
		print.addClickListener(e -> start(MailingJobs.Step.PRINT));
		stop.addClickListener(e -> jobs.status(batchId).filter(s -> s.state() == MailingJobs.State.RUNNING)
				.ifPresent(s -> BatchDialogs.stopJob(this, s.step(), (int) s.done(), () -> jobs.cancel(batchId))));
		checkUndecided.addClickListener(e -> Notices.attempt(() -> mailings.undecided(batchId, CHANNEL))
				.ifPresent(list -> {
					showUndecided(list);
					if (list.isEmpty()) {
						Notices.info(getTranslation("mailings.batch.no-undecided"));
					}
				}));
		dispatch.addClickListener(e -> BatchDialogs.dispatch(this, current, date -> Notices.attempt(() -> {
			mailings.dispatch(batchId, date, CHANNEL);
			refresh();
		}, getTranslation("mailings.dispatch.done"))));
		cancelBatch.addClickListener(e -> BatchDialogs.cancelBatch(this, current, reason -> Notices.attempt(() -> {
			mailings.cancel(batchId, reason, CHANNEL);
			refresh();
		}, getTranslation("mailings.cancel.done"))));
		var row = new HorizontalLayout(select, print, stop, checkUndecided, dispatch, cancelBatch);
		row.setVisible(operator);
		row.setSpacing(false);
		row.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)").set("margin", "var(--lumo-space-xs) 0");
		return row;
	}

	private HorizontalLayout jobRow() {
		progress.setId("mailing-progress");
		progress.setWidth("12em");
		jobMessage.setId("mailing-job");
		var row = new HorizontalLayout(progress, jobMessage);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		row.setVisible(false);
		row.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return row;
	}

	private TabSheet tabs() {
		tabs.setId("mailing-tabs");
		tabs.setWidthFull();
		tabs.getStyle().set("min-height", "0");
		tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
		tabs.getStyle().set("--lumo-space-m", "var(--lumo-space-s)");
		tabs.add(getTranslation("mailings.tab.envelopes"), envelopes);
		exclusionsTab = tabs.add(getTranslation("mailings.tab.exclusions"), exclusions);

		undecided.setId("mailing-undecided");
		undecided.addThemeVariants(GridVariant.LUMO_COMPACT);
		undecided.addColumn(UnprintableText::subjectId).setHeader(getTranslation("mailings.undecided.col.subject"))
				.setWidth("9rem").setFlexGrow(0);
		undecided.addColumn(u -> PrintFields.label(u.field())).setHeader(getTranslation("mailings.undecided.col.field"))
				.setWidth("9rem").setFlexGrow(0);
		undecided.addColumn(UnprintableText::text).setHeader(getTranslation("mailings.undecided.col.text"))
				.setFlexGrow(1);
		undecided.addColumn(u -> String.join(" ", u.characters()))
				.setHeader(getTranslation("mailings.undecided.col.characters")).setWidth("9rem").setFlexGrow(0);
		undecided.setEmptyStateText(getTranslation("mailings.undecided.empty"));
		undecided.setSizeFull();
		undecidedHint.setId("mailing-undecided-hint");
		var toDecisions = new Anchor("printing/characters", getTranslation("mailings.undecided.link"));
		var undecidedBox = box(new HorizontalLayout(undecidedHint, toDecisions), undecided);
		undecidedTab = tabs.add(getTranslation("mailings.tab.undecided"), undecidedBox);

		missingCount.setId("mailing-missing-barcode-count");
		missing.setId("mailing-missing-barcode");
		missing.addThemeVariants(GridVariant.LUMO_COMPACT);
		missing.addColumn(MissingBarcodeEnvelope::subjectId).setHeader(getTranslation("mailings.missing.col.subject"))
				.setWidth("9rem").setFlexGrow(0);
		missing.addColumn(m -> m.bundleNo() + "-" + m.bundleSeq()).setHeader(getTranslation("mailings.missing.col.place"))
				.setWidth("7rem").setFlexGrow(0);
		missing.addColumn(m -> m.pulled() ? getTranslation("mailings.missing.pulled") : "")
				.setHeader(getTranslation("mailings.missing.col.pulled")).setWidth("5rem").setFlexGrow(0);
		missing.addColumn(MissingBarcodeEnvelope::reason).setHeader(getTranslation("mailings.missing.col.reason"))
				.setFlexGrow(1);
		missing.setEmptyStateText(getTranslation("mailings.missing.empty"));
		missing.setSizeFull();
		tabs.add(getTranslation("mailings.tab.missing-barcode"), box(missingCount, missing));

		postage.setId("mailing-postage");
		postage.addThemeVariants(GridVariant.LUMO_COMPACT);
		postage.addColumn(PostageLine::envelope).setHeader(getTranslation("mailings.postage.col.envelope")).setWidth("10rem").setFlexGrow(0);
		postage.addColumn(PostageLine::sizeClass).setHeader(getTranslation("mailings.postage.col.size")).setWidth("10rem").setFlexGrow(0);
		postage.addColumn(PostageLine::weightClass).setHeader(getTranslation("mailings.postage.col.weight")).setWidth("8rem").setFlexGrow(0);
		postage.addColumn(PostageLine::handling).setHeader(getTranslation("mailings.postage.col.handling")).setWidth("8rem").setFlexGrow(0);
		postage.addColumn(PostageLine::count).setHeader(getTranslation("mailings.postage.col.count")).setWidth("6rem").setFlexGrow(0);
		postage.setEmptyStateText(getTranslation("mailings.postage.empty"));
		postage.setAllRowsVisible(true);
		var postOffice = new VerticalLayout(new Span(getTranslation("mailings.postage.note")), postage, downloads);
		postOffice.setPadding(false);
		tabs.add(getTranslation("mailings.tab.post-office"), postOffice);
		checklist.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
		var enclosures = new VerticalLayout(new Span(getTranslation("mailings.batch.checklist")), checklist, forms);
		enclosures.setPadding(false);
		tabs.add(getTranslation("mailings.tab.enclosures"), enclosures);
		return tabs;
	}

	private static VerticalLayout box(com.vaadin.flow.component.Component top, Grid<?> grid) {
		var box = new VerticalLayout(top, grid);
		box.setPadding(false);
		box.setSizeFull();
		box.setFlexGrow(1, grid);
		return box;
	}

	@Override
	public void setParameter(BeforeEvent event, Long id) {
		batchId = id;
		BatchSummary b = mailings.batch(id).orElse(null);
		if (b == null) {
			title.setText(getTranslation("mailings.batch.not-found", id));
			removeAll();
			add(title);
			return;
		}
		kind = mailings.kinds().stream().filter(k -> k.code().equals(b.kind())).findFirst().orElse(null);
		formTitles = mailings.formTitles();
		title.setText(getTranslation("mailings.batch.heading", id, b.title(), b.kindLabel(),
				kind == null ? "" : kind.clause()));
		checklist.removeAll();
		if (kind != null) {
			kind.enclosures().forEach(e -> checklist.add(new Span("□ " + e)));
			forms.setText(getTranslation(kind.registeredMail() ? "mailings.batch.forms-registered" : "mailings.batch.forms",
					String.join("、", kind.forms().stream().map(f -> formTitles.getOrDefault(f, f)).toList())));
		}
		boolean subjects = kind == null || kind.audience().subjects();
		envelopes.show(batchId, kind == null ? 0 : kind.enclosures().size(), subjects);
		exclusions.show(batchId, subjects);
		exclusionsTab.setLabel(getTranslation(subjects ? "mailings.tab.exclusions" : "mailings.tab.exclusions.recipients"));
		downloads.removeAll();
		downloads.add(Downloads.link(getTranslation("mailings.postage.xlsx"), "mailing-postage-xlsx",
				() -> mailings.postageXlsx(batchId, CHANNEL)));
		if (kind != null && kind.registeredMail() && operator) {
			downloads.add(Downloads.link(getTranslation("mailings.postage.registered-xlsx"), "mailing-registered-xlsx",
					() -> mailings.registeredNumbersXlsx(batchId, CHANNEL)));
		}
		refresh();
		jobs.status(batchId).ifPresent(this::show);
	}

	/** Reads the batch again and sets what may be done now. */
	private void refresh() {
		current = mailings.batch(batchId).orElse(null);
		if (current == null) {
			return;
		}
		BatchSummary b = current;
		summary.setText(getTranslation("mailings.batch.summary", b.status().label(), b.envelopes(), b.pulled(),
				b.excluded(), b.bundles(), b.bundleSize(), b.bundlesWritten())
				+ (b.dispatchedOn() == null ? "" : getTranslation("mailings.batch.summary-dispatched",
						JapaneseDates.toWesternWithWeekday(b.dispatchedOn())))
				+ (b.cancelReason() == null ? "" : getTranslation("mailings.batch.summary-cancelled", b.cancelReason())));
		boolean running = jobs.status(batchId).map(s -> s.state() == MailingJobs.State.RUNNING).orElse(false);
		select.setText(getTranslation(b.status() == BatchStatus.SELECTED ? "mailings.batch.reselect" : "mailings.batch.select"));
		select.setEnabled(!running && b.status().allows(BatchStatus.Action.SELECT) && b.bundlesWritten() == 0);
		print.setText(getTranslation(b.printInterrupted() ? "mailings.batch.print-resume" : "mailings.batch.print"));
		print.setEnabled(!running && b.status() == BatchStatus.SELECTED);
		dispatch.setEnabled(!running && b.status().allows(BatchStatus.Action.DISPATCH));
		cancelBatch.setEnabled(!running && b.status().allows(BatchStatus.Action.CANCEL));
		checkUndecided.setEnabled(b.bundles() > 0 && !b.status().closed());
		stop.setEnabled(running);
		undecidedHint.setText(b.awaitingCharacterDecisions()
				? getTranslation("mailings.undecided.waiting", b.undecided()) : getTranslation("mailings.undecided.hint"));
		envelopes.refresh();
		exclusions.refresh();
		postage.setItems(mailings.postage(batchId));
		List<MissingBarcodeEnvelope> without = mailings.missingCustomerBarcodes(batchId, CHANNEL);
		missing.setItems(without);
		missingCount.setText(b.bundlesWritten() > 0 ? getTranslation("mailings.missing.count", without.size())
				: getTranslation("mailings.missing.before-print"));
	}

	private void start(MailingJobs.Step step) {
		Notices.attempt(() -> jobs.start(batchId, step, CHANNEL)).ifPresent(this::show);
	}

	private void show(MailingJobs.Status s) {
		boolean running = s.state() == MailingJobs.State.RUNNING;
		progress.getParent().ifPresent(p -> p.setVisible(true));
		progress.setIndeterminate(running && s.fraction() < 0);
		progress.setValue(s.state() == MailingJobs.State.DONE ? 1.0 : Math.max(0, s.fraction()));
		jobMessage.setText(s.step().label() + ": " + s.message());
		stop.setEnabled(running);
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
		undecidedHint.setText(list.isEmpty() ? getTranslation("mailings.batch.no-undecided")
				: getTranslation("mailings.undecided.waiting", list.size()));
		if (!list.isEmpty()) {
			tabs.setSelectedTab(undecidedTab);
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
}
