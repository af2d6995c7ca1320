package jp.ikiiki.desk.notices.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import jp.ikiiki.desk.notices.DueNotice;
import jp.ikiiki.desk.notices.Half;
import jp.ikiiki.desk.notices.NoticeRunPhase;
import jp.ikiiki.desk.notices.NoticeRunRequest;
import jp.ikiiki.desk.notices.NoticeRunSummary;
import jp.ikiiki.desk.notices.NoticeRuns;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;

/**
 * 通知: the points notice runs (第8章1–4) with what each produced, the 獲得ポイント通知一覧 of each for the city, a new run
 * (year, month, 中旬/下旬; operators only) and the notices late or due within the configured days (第8章2: within a
 * month of the city's receipt). A run works in the background: its phase and counts show live (pushed by the run, read
 * again after a reload), and its end is announced.
 */
@Route("notices")
@PageTitle("獲得ポイント通知 | いきいきデスク")
@Menu(order = 56, title = "獲得ポイント通知")
@RolesAllowed({ Roles.OPERATOR, Roles.FLOOR_MANAGER })
class NoticesView extends VerticalLayout {

	static final String CHANNEL = "画面:獲得ポイント通知";
	static final int POLL_MILLIS = 3_000;

	private final NoticeRuns runs;
	private final Grid<NoticeRunSummary> grid = new Grid<>(NoticeRunSummary.class, false);
	private final Grid<DueNotice> due = new Grid<>(DueNotice.class, false);
	private final Span dueTitle = new Span();
	/** One line per run working now: its phase, counts and a bar (pushed by the run, polled as a fallback). */
	private final VerticalLayout progress = new VerticalLayout();
	private final Map<Long, ProgressLine> lines = new HashMap<>();
	private Runnable unsubscribe;
	private Registration polling;

	private record ProgressLine(HorizontalLayout row, ProgressBar bar, Span text) {
	}

	NoticesView(NoticeRuns runs, BusinessYears years) {
		this.runs = runs;
		setSizeFull();
		add(new H2(getTranslation("notices.title")));

		if (CurrentUser.hasRole(Roles.OPERATOR)) {
			var year = new Select<BusinessYear>();
			year.setId("notices-year");
			year.setLabel(getTranslation("notices.run.year"));
			year.setItems(years.open());
			year.setItemLabelGenerator(y -> getTranslation("notices.run.year.item", y.labelWithStanding(),
					JapaneseDates.toEraYearMonth(y.noticesFrom())));
			year.setWidth("22em");
			years.open().stream().filter(y -> y.noticesOpenIn(YearMonth.from(years.today()))).reduce((a, b) -> b)
					.ifPresent(year::setValue);
			var month = new TextField(getTranslation("notices.run.month"));
			month.setId("notices-month");
			month.setValue(YearMonth.from(years.today()).toString());
			month.setPlaceholder("yyyy-MM");
			month.setAllowedCharPattern("[0-9-]");
			month.setMaxLength(7);
			month.setWidth("8em");
			var half = new ComboBox<Half>(getTranslation("notices.run.half"));
			half.setId("notices-half");
			half.setItems(Half.values());
			half.setItemLabelGenerator(Half::label);
			half.setValue(years.today().getDayOfMonth() <= 15 ? Half.MID : Half.LATE);
			half.setWidth("7em");
			var start = new Button(getTranslation("notices.run.start"));
			start.setId("notices-run");
			start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			start.addClickListener(e -> {
				if (year.getValue() == null || half.getValue() == null) {
					Notices.error(getTranslation("notices.run.missing"));
					return;
				}
				YearMonth m;
				try {
					m = YearMonth.parse(month.getValue().strip());
				} catch (DateTimeParseException ex) {
					Notices.error(getTranslation("notices.run.bad-month"));
					month.focus();
					return;
				}
				try {
					NoticeRunSummary r = runs.start(new NoticeRunRequest(year.getValue().year(), m, half.getValue()),
							CHANNEL);
					Notices.info(getTranslation("notices.run.started", r.id()));
					show(r);
				} catch (DomainException ex) {
					Notices.error(ex);
				}
				refreshRuns();
			});
			var form = new HorizontalLayout(year, month, half, start);
			form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
			add(form);
		}

		progress.setId("notices-progress");
		progress.setPadding(false);
		progress.setSpacing(false);
		add(progress);

		grid.setId("notices-runs");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(NoticeRunSummary::id).setHeader(getTranslation("notices.col.id")).setWidth("3.5rem").setFlexGrow(0);
		grid.addColumn(r -> BusinessYear.labelOf(r.businessYear())).setHeader(getTranslation("notices.col.year"))
				.setWidth("7rem").setFlexGrow(0);
		grid.addColumn(r -> JapaneseDates.toEraYearMonth(YearMonth.parse(r.month())) + r.half().label())
				.setHeader(getTranslation("notices.col.month")).setWidth("8.5rem").setFlexGrow(0);
		grid.addColumn(this::status)
				.setHeader(getTranslation("notices.col.status")).setWidth("4.5rem").setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::notified).setHeader(getTranslation("notices.col.notified")).setWidth("4rem").setTextAlign(ColumnTextAlign.END)
				.setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::withAccountForm).setHeader(getTranslation("notices.col.with-form"))
				.setWidth("6rem").setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::notNotified).setHeader(getTranslation("notices.col.not-notified"))
				.setWidth("4.5rem").setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
		grid.addColumn(NoticeRunSummary::overdue).setHeader(getTranslation("notices.col.overdue")).setWidth("5.5rem").setTextAlign(ColumnTextAlign.END)
				.setFlexGrow(0);
		grid.addColumn(r -> batches(r)).setHeader(getTranslation("notices.col.batches")).setWidth("7rem").setFlexGrow(0);
		grid.addColumn(r -> JapaneseDates.toWestern(r.runOn()) + " " + r.createdBy())
				.setHeader(getTranslation("notices.col.run-by")).setWidth("6rem").setFlexGrow(1);
		if (CurrentUser.hasRole(Roles.OPERATOR)) {
			grid.addComponentColumn(this::download).setHeader(getTranslation("notices.col.list")).setWidth("6rem")
					.setFlexGrow(0);
		}
		grid.setHeight("14em");
		add(new H3(getTranslation("notices.runs")), grid);

		dueTitle.setId("notices-due-title");
		due.setId("notices-due");
		due.addThemeVariants(GridVariant.LUMO_COMPACT);
		due.addColumn(DueNotice::addressNumber).setHeader(getTranslation("notices.due.col.address-number"))
				.setWidth("9rem").setFlexGrow(0);
		due.addColumn(d -> d.carriedOver() ? getTranslation("notices.due.carried-over") : d.managementNumber())
				.setHeader(getTranslation("notices.due.col.management-number")).setWidth("10rem").setFlexGrow(0);
		due.addColumn(d -> BusinessYear.labelOf(d.businessYear())).setHeader(getTranslation("notices.col.year"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> JapaneseDates.toWestern(d.receivedOn())).setHeader(getTranslation("notices.due.col.received"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> JapaneseDates.toWestern(d.dueBy())).setHeader(getTranslation("notices.due.col.due"))
				.setWidth("8rem").setFlexGrow(0);
		due.addColumn(d -> d.daysLeft() < 0 ? getTranslation("notices.due.late", -d.daysLeft())
				: getTranslation("notices.due.left", d.daysLeft())).setHeader(getTranslation("notices.due.col.state"))
				.setFlexGrow(1);
		var dueHeader = new HorizontalLayout(new H3(getTranslation("notices.due.title")), dueTitle);
		dueHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(dueHeader, due);
		setFlexGrow(1, due);
		due.setMinHeight("8em");
		refresh();
	}

	private String status(NoticeRunSummary r) {
		return switch (r.status()) {
			case "RUNNING" -> getTranslation("notices.status.running");
			case "DONE" -> getTranslation("notices.status.done");
			default -> getTranslation("notices.status.failed");
		};
	}

	private String phase(NoticeRunPhase p) {
		return switch (p) {
			case SELECTING -> getTranslation("notices.phase.SELECTING");
			case BATCHING -> getTranslation("notices.phase.BATCHING");
			case LISTING -> getTranslation("notices.phase.LISTING");
			case RECORDING -> getTranslation("notices.phase.RECORDING");
			case FINISHED -> getTranslation("notices.phase.FINISHED");
		};
	}

	private String batches(NoticeRunSummary r) {
		if (r.noticeBatchId() == 0 && r.formBatchId() == 0) {
			return "—";
		}
		return (r.noticeBatchId() == 0 ? "—" : "#" + r.noticeBatchId()) + " / "
				+ (r.formBatchId() == 0 ? "—" : "#" + r.formBatchId());
	}

	private Anchor download(NoticeRunSummary r) {
		if (!"DONE".equals(r.status())) {
			var none = new Anchor();
			none.setText("—");
			return none;
		}
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			byte[] xlsx = runs.listXlsx(r.id(), CHANNEL);
			return new DownloadResponse(new ByteArrayInputStream(xlsx), "獲得ポイント通知一覧_" + r.id() + ".xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
		});
		var a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
		a.add(VaadinIcon.DOWNLOAD_ALT.create());
		a.add(" " + getTranslation("notices.list.download"));
		a.setId("notices-list-" + r.id());
		return a;
	}

	/** Shows a run's progress, or its end (then the lists are read again). */
	private void show(NoticeRunSummary r) {
		ProgressLine line = lines.get(r.id());
		if (!r.running()) {
			if (line != null) {
				progress.remove(line.row());
				lines.remove(r.id());
				if ("DONE".equals(r.status())) {
					Notices.success(getTranslation("notices.run.done", r.notified(), r.withAccountForm(), r.notNotified(),
							r.overdue()));
				} else {
					Notices.error(getTranslation("notices.run.failed", r.id(), r.failure() == null ? "" : r.failure()));
				}
				refresh();
			}
			return;
		}
		if (line == null) {
			var bar = new ProgressBar();
			bar.setWidth("14em");
			bar.setId("notices-progress-bar-" + r.id());
			var text = new Span();
			text.setId("notices-progress-text-" + r.id());
			var row = new HorizontalLayout(bar, text);
			row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
			line = new ProgressLine(row, bar, text);
			lines.put(r.id(), line);
			progress.add(row);
		}
		line.bar().setValue(r.fraction());
		line.text().setText(getTranslation("notices.progress", r.id(), BusinessYear.labelOf(r.businessYear()),
				JapaneseDates.toEraYearMonth(YearMonth.parse(r.month())) + r.half().label(),
				phase(r.phase()), r.selected(), r.batched(), r.toBatch(), r.listed()));
	}

	/** The runs' list and the lines of those working (also after a reload, or for a run of another node). */
	private void refreshRuns() {
		var list = runs.runs(100);
		grid.setItems(list);
		for (NoticeRunSummary r : list) {
			if (r.running() || lines.containsKey(r.id())) {
				show(r);
			}
		}
		// a run on another node pushes nothing here: read its row every few seconds while one works
		getUI().ifPresent(ui -> ui.setPollInterval(lines.isEmpty() ? -1 : POLL_MILLIS));
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		UI ui = event.getUI();
		unsubscribe = runs.subscribe(s -> ui.access(() -> show(s)));
		polling = ui.addPollListener(e -> refreshRuns());
		refreshRuns();
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (unsubscribe != null) {
			unsubscribe.run();
			unsubscribe = null;
		}
		if (polling != null) {
			polling.remove();
			polling = null;
		}
		event.getUI().setPollInterval(-1);
		super.onDetach(event);
	}

	private void refresh() {
		refreshRuns();
		var list = runs.dueSoon();
		due.setItems(list);
		long late = list.stream().filter(d -> d.daysLeft() < 0).count();
		dueTitle.setText(getTranslation("notices.due.count", late, list.size() - late));
	}
}
