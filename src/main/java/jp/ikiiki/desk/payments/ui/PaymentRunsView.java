package jp.ikiiki.desk.payments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.payments.PaymentRuns;
import jp.ikiiki.desk.payments.PaymentRuns.FileKind;
import jp.ikiiki.desk.payments.PaymentRuns.Run;
import jp.ikiiki.desk.payments.PaymentRuns.RunSummary;
import jp.ikiiki.desk.platform.ui.EnterMovesOn;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;

/**
 * The monthly payment runs (第7章1(5)): an operator makes a run for a business year and a transfer date, checks the
 * totals before sending anything (count, sum, the year; who is left out and why; what is late or at risk), downloads
 * the 全銀 file for the bank and the 支払データ for the city (each download audited by the service), marks the run
 * delivered (from then on it never changes) or cancels it while undelivered, and records the bank's 振込不能 returns.
 * A floor manager reads the runs and downloads.
 */
@Route("payments/runs")
@PageTitle("支払処理 | いきいきデスク")
@Menu(order = 63, title = "支払処理")
@RolesAllowed({ Roles.OPERATOR, Roles.FLOOR_MANAGER })
class PaymentRunsView extends VerticalLayout {

	private final PaymentRuns runs;
	private final boolean operator;
	private final Grid<RunSummary> grid = new Grid<>(RunSummary.class, false);
	private final VerticalLayout detail = new VerticalLayout();
	private final NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);

	PaymentRunsView(PaymentRuns runs, BusinessCalendar calendar,
			org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
		this.runs = runs;
		this.operator = CurrentUser.hasRole(Roles.OPERATOR);
		setPadding(true);
		add(new H2(getTranslation("payments.runs.title")));
		if (operator) {
			var year = new IntegerField(getTranslation("payments.runs.year"));
			year.setId("payments-run-year");
			year.setValue(calendar.businessYearOf(JapanTime.today(clock.getIfAvailable(java.time.Clock::systemUTC))));
			year.setHelperText(getTranslation("payments.runs.year.help"));
			var date = new DatePicker(getTranslation("payments.runs.transfer-date"));
			date.setId("payments-run-date");
			date.setI18n(japanese());
			date.setHelperText(getTranslation("payments.runs.transfer-date.help"));
			var create = new Button(getTranslation("payments.runs.create"));
			create.setId("payments-run-create");
			create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			create.addClickListener(e -> create(year.getValue(), date.getValue()));
			EnterMovesOn.to(year, "payments-run-date");
			var row = new HorizontalLayout(year, date, create);
			row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
			add(row);
		}
		grid.setId("payments-run-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn(RunSummary::id).setHeader(getTranslation("payments.runs.col.id")).setWidth("5em").setFlexGrow(0);
		grid.addColumn(r -> BusinessYear.labelOf(r.businessYear())).setHeader(getTranslation("payments.runs.col.year")).setWidth("9em").setFlexGrow(0);
		grid.addColumn(r -> JapaneseDates.toWesternWithWeekday(r.transferDate())).setHeader(getTranslation("payments.runs.col.date"))
				.setWidth("10em").setFlexGrow(0);
		grid.addColumn(r -> getTranslation(Labels.RUN_STATE + r.state())).setHeader(getTranslation("payments.runs.col.state"))
				.setWidth("7em").setFlexGrow(0);
		grid.addColumn(r -> yen.format(r.count())).setHeader(getTranslation("payments.runs.col.count")).setWidth("6em").setFlexGrow(0);
		grid.addColumn(r -> getTranslation("payments.yen", yen.format(r.totalYen()))).setHeader(getTranslation("payments.runs.col.total"))
				.setWidth("10em").setFlexGrow(0);
		grid.addColumn(r -> yen.format(r.excluded())).setHeader(getTranslation("payments.runs.col.excluded")).setWidth("6em").setFlexGrow(0);
		grid.addColumn(r -> yen.format(r.late())).setHeader(getTranslation("payments.runs.col.late")).setFlexGrow(1);
		grid.setHeight("12em");
		grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(r -> show(r.id()), () -> detail.removeAll()));
		detail.setPadding(false);
		add(grid, detail);
		refresh(null);
	}

	static DatePicker.DatePickerI18n japanese() {
		var i18n = new DatePicker.DatePickerI18n();
		i18n.setMonthNames(List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"));
		i18n.setWeekdays(List.of("日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"));
		i18n.setWeekdaysShort(List.of("日", "月", "火", "水", "木", "金", "土"));
		i18n.setFirstDayOfWeek(0);
		i18n.setToday("今日");
		i18n.setCancel("取消");
		i18n.setDateFormats("yyyy/M/d", "yyyy-MM-dd", "yyyyMMdd");
		return i18n;
	}

	private void refresh(Long select) {
		List<RunSummary> list;
		try {
			list = runs.runs(50);
		} catch (DomainException e) {
			Notices.error(e);
			list = List.of();
		}
		grid.setItems(list);
		list.stream().filter(r -> select == null || r.id() == select).findFirst().ifPresentOrElse(grid::select,
				detail::removeAll);
	}

	private void create(Integer year, java.time.LocalDate date) {
		if (year == null) {
			Notices.error(getTranslation("payments.runs.year.missing"));
			return;
		}
		if (date == null) {
			Notices.error(getTranslation("payments.runs.transfer-date.missing"));
			return;
		}
		Notices.attempt(() -> runs.create(year, date)).ifPresent(r -> {
			Notices.success(getTranslation("payments.runs.created", r.id()));
			refresh(r.id());
		});
	}

	private void show(long id) {
		detail.removeAll();
		Run run;
		try {
			run = runs.run(id);
		} catch (DomainException e) {
			Notices.error(e);
			return;
		}
		detail.add(new H3(getTranslation("payments.run.heading", run.id(), BusinessYear.labelOf(run.businessYear()),
				JapaneseDates.toWesternWithWeekday(run.transferDate()), getTranslation(Labels.RUN_STATE + run.state()))));
		var totals = new Span(getTranslation("payments.run.totals", BusinessYear.labelOf(run.businessYear()),
				yen.format(run.count()), yen.format(run.totalYen())));
		totals.setId("payments-run-totals");
		totals.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "bold");
		detail.add(totals);
		Map<String, long[]> byReason = new TreeMap<>();
		run.excluded().forEach(x -> {
			long[] a = byReason.computeIfAbsent(x.reason(), k -> new long[2]);
			a[0]++;
			a[1] += x.amountYen();
		});
		List<String> parts = new ArrayList<>();
		byReason.forEach((reason, a) -> parts.add(getTranslation("payments.run.excluded.part",
				getTranslation(Labels.EXCLUSION + reason), yen.format(a[0]), yen.format(a[1]))));
		var excludedLine = new Span(parts.isEmpty() ? getTranslation("payments.run.excluded.none")
				: getTranslation("payments.run.excluded", String.join("、", parts)));
		excludedLine.setId("payments-run-excluded");
		detail.add(excludedLine);
		detail.add(downloads(run));
		if (operator) {
			detail.add(actions(run));
		}
		if (run.state().equals("DELIVERED")) {
			detail.add(confirmation(run));
		}
		var lists = new HorizontalLayout(excludedGrid(run), lateGrid(run));
		lists.setWidthFull();
		detail.add(lists);
		if (operator && run.state().equals("DELIVERED")) {
			detail.add(returns(run));
		}
	}

	private Component downloads(Run run) {
		var row = new HorizontalLayout();
		row.add(new Span(getTranslation("payments.run.downloads")));
		row.add(download(run, FileKind.TRANSFER, "payments.run.download.transfer"));
		row.add(download(run, FileKind.DATA_XLSX, "payments.run.download.xlsx"));
		row.add(download(run, FileKind.DATA_CSV, "payments.run.download.csv"));
		var note = new Span(getTranslation("payments.run.downloads.audited"));
		note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		row.add(note);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private Anchor download(Run run, FileKind kind, String key) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			try {
				PaymentRuns.RunFile f = runs.file(run.id(), kind);
				return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
						f.content().length);
			} catch (DomainException e) {
				return DownloadResponse.error(com.vaadin.flow.server.HttpStatusCode.NOT_FOUND);
			}
		});
		var a = new Anchor(handler, com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, getTranslation(key));
		a.setId("payments-run-file-" + kind.name().toLowerCase());
		return a;
	}

	private Component actions(Run run) {
		var row = new HorizontalLayout();
		if (run.state().equals("DRAFT")) {
			var deliver = new Button(getTranslation("payments.run.deliver"));
			deliver.setId("payments-run-deliver");
			deliver.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			deliver.addClickListener(e -> confirmDeliver(run));
			var cancel = new Button(getTranslation("payments.run.cancel"));
			cancel.setId("payments-run-cancel");
			cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
			cancel.addClickListener(e -> confirmCancel(run));
			row.add(deliver, cancel);
		} else if (run.state().equals("DELIVERED")) {
			row.add(new Span(getTranslation("payments.run.immutable")));
		}
		return row;
	}

	/** 振込有無 (col 54) follows the bank's confirmation: shown, and confirmed by a floor manager where no result comes. */
	private Component confirmation(Run run) {
		var row = new HorizontalLayout();
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var how = runs.confirmation(run.id());
		var state = new Span(how.map(h -> getTranslation(Labels.CONFIRMED + h))
				.orElse(getTranslation("payments.run.unconfirmed")));
		state.setId("payments-run-confirmation");
		row.add(state);
		if (how.isEmpty() && CurrentUser.hasRole(Roles.FLOOR_MANAGER)) {
			var confirm = new Button(getTranslation("payments.run.confirm"));
			confirm.setId("payments-run-confirm");
			confirm.addClickListener(e -> Notices.attempt(() -> runs.confirm(run.id())).ifPresent(r -> {
				Notices.success(getTranslation("payments.run.confirm.done", r.id()));
				refresh(r.id());
			}));
			row.add(confirm);
		}
		return row;
	}

	private void confirmDeliver(Run run) {
		var dialog = new ConfirmDialog();
		dialog.setId("payments-run-deliver-confirm");
		dialog.setHeader(getTranslation("payments.run.deliver.header", run.id()));
		dialog.setText(getTranslation("payments.run.deliver.text", yen.format(run.count()), yen.format(run.totalYen()),
				JapaneseDates.toWesternWithWeekday(run.transferDate())));
		dialog.setConfirmText(getTranslation("payments.run.deliver.confirm"));
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("payments.run.back"));
		dialog.addConfirmListener(e -> Notices.attempt(() -> runs.deliver(run.id())).ifPresent(r -> {
			Notices.success(getTranslation("payments.run.delivered", r.id()));
			refresh(r.id());
		}));
		dialog.open();
	}

	private void confirmCancel(Run run) {
		var dialog = new ConfirmDialog();
		dialog.setId("payments-run-cancel-confirm");
		dialog.setHeader(getTranslation("payments.run.cancel.header", run.id()));
		dialog.setText(getTranslation("payments.run.cancel.text", yen.format(run.count())));
		dialog.setConfirmText(getTranslation("payments.run.cancel.confirm"));
		dialog.setConfirmButtonTheme("error primary");
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("payments.run.back"));
		dialog.addConfirmListener(e -> Notices.attempt(() -> runs.cancel(run.id())).ifPresent(r -> {
			Notices.success(getTranslation("payments.run.cancelled", r.id()));
			refresh(r.id());
		}));
		dialog.open();
	}

	private Component excludedGrid(Run run) {
		var g = new Grid<PaymentRuns.Exclusion>(PaymentRuns.Exclusion.class, false);
		g.setId("payments-run-excluded-grid");
		g.addThemeVariants(GridVariant.LUMO_COMPACT);
		g.addColumn(PaymentRuns.Exclusion::addressNumber).setHeader(getTranslation("payments.col.address")).setWidth("9em").setFlexGrow(0);
		g.addColumn(x -> getTranslation(Labels.EXCLUSION + x.reason())).setHeader(getTranslation("payments.run.col.reason")).setFlexGrow(1);
		g.addColumn(x -> getTranslation("payments.yen", yen.format(x.amountYen()))).setHeader(getTranslation("payments.run.col.due")).setWidth("8em").setFlexGrow(0);
		g.setItems(run.excluded());
		g.setHeight("14em");
		var box = new VerticalLayout(new Span(getTranslation("payments.run.excluded.title")), g);
		box.setPadding(false);
		box.setWidth("50%");
		return box;
	}

	private Component lateGrid(Run run) {
		var g = new Grid<PaymentRuns.Late>(PaymentRuns.Late.class, false);
		g.setId("payments-run-late-grid");
		g.addThemeVariants(GridVariant.LUMO_COMPACT);
		g.addColumn(PaymentRuns.Late::addressNumber).setHeader(getTranslation("payments.col.address")).setWidth("9em").setFlexGrow(0);
		g.addColumn(x -> getTranslation(Labels.LATE + x.kind())).setHeader(getTranslation("payments.run.col.kind")).setFlexGrow(1);
		g.addColumn(x -> JapaneseDates.toWestern(x.deadline())).setHeader(getTranslation("payments.run.col.deadline")).setWidth("8em").setFlexGrow(0);
		g.setItems(run.late());
		g.setHeight("14em");
		var box = new VerticalLayout(new Span(getTranslation("payments.run.late.title")), g);
		box.setPadding(false);
		box.setWidth("50%");
		return box;
	}

	/** The bank's 振込不能 list typed line by line: 宛名番号, then the reason (tab, comma or space between). */
	private Component returns(Run run) {
		var text = new TextArea(getTranslation("payments.run.returns"));
		text.setId("payments-run-returns");
		text.setHelperText(getTranslation("payments.run.returns.help"));
		text.setWidth("40em");
		var record = new Button(getTranslation("payments.run.returns.record"));
		record.setId("payments-run-returns-record");
		record.addClickListener(e -> recordReturns(run, text));
		var box = new VerticalLayout(new H3(getTranslation("payments.run.returns.title")), text, record, returnsFile(run));
		box.setPadding(false);
		return box;
	}

	/** The bank's result file: uploaded (held in memory, bounded), checked by a dry run, then imported. */
	private Component returnsFile(Run run) {
		byte[][] held = new byte[1][];
		String[] name = new String[1];
		var chosen = new Span();
		chosen.setId("payments-run-returns-file-name");
		var problems = new Grid<PaymentRuns.ReturnProblem>(PaymentRuns.ReturnProblem.class, false);
		problems.setId("payments-run-returns-problems");
		problems.addThemeVariants(GridVariant.LUMO_COMPACT);
		problems.addColumn(PaymentRuns.ReturnProblem::row).setHeader(getTranslation("payments.returns.col.row")).setWidth("5em").setFlexGrow(0);
		problems.addColumn(PaymentRuns.ReturnProblem::column).setHeader(getTranslation("payments.returns.col.column")).setWidth("9em").setFlexGrow(0);
		problems.addColumn(PaymentRuns.ReturnProblem::value).setHeader(getTranslation("payments.returns.col.value")).setWidth("12em").setFlexGrow(0);
		problems.addColumn(PaymentRuns.ReturnProblem::reason).setHeader(getTranslation("payments.returns.col.reason")).setFlexGrow(1);
		problems.setHeight("10em");
		problems.setVisible(false);
		var check = new Button(getTranslation("payments.returns.check"));
		check.setId("payments-run-returns-check");
		var load = new Button(getTranslation("payments.returns.load"));
		load.setId("payments-run-returns-load");
		load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		check.setEnabled(false);
		load.setEnabled(false);
		var upload = new com.vaadin.flow.component.upload.Upload(event -> {
			byte[] bytes;
			try (var in = event.getInputStream()) {
				bytes = in.readNBytes(5 * 1024 * 1024 + 1);
			}
			String fileName = event.getFileName();
			event.getUI().access(() -> {
				held[0] = bytes;
				name[0] = fileName;
				chosen.setText(fileName);
				check.setEnabled(true);
				load.setEnabled(false);
				problems.setVisible(false);
			});
		});
		upload.setId("payments-run-returns-upload");
		upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		upload.setMaxFiles(1);
		upload.setUploadButton(new Button(getTranslation("payments.returns.upload")));
		check.addClickListener(e -> Notices.attempt(() -> runs.importReturns(run.id(), name[0],
				new ByteArrayInputStream(held[0]), true)).ifPresent(r -> {
					problems.setItems(r.problems());
					problems.setVisible(!r.problems().isEmpty());
					load.setEnabled(r.problems().isEmpty());
					if (r.problems().isEmpty()) {
						Notices.info(getTranslation("payments.returns.checked", r.rows()));
					} else {
						Notices.error(getTranslation("payments.returns.refused", r.problems().size(), r.rows()));
					}
				}));
		load.addClickListener(e -> Notices.attempt(() -> runs.importReturns(run.id(), name[0],
				new ByteArrayInputStream(held[0]), false)).ifPresent(r -> {
					if (!r.problems().isEmpty()) {
						problems.setItems(r.problems());
						problems.setVisible(true);
						load.setEnabled(false);
						Notices.error(getTranslation("payments.returns.refused", r.problems().size(), r.rows()));
						return;
					}
					Notices.success(getTranslation("payments.run.returns.done", r.marked()));
					refresh(run.id());
				}));
		var help = new Span(getTranslation("payments.returns.help"));
		help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		var row = new HorizontalLayout(upload, chosen, check, load);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		var box = new VerticalLayout(new H3(getTranslation("payments.returns.file.title")), help, row, problems);
		box.setPadding(false);
		return box;
	}

	private void recordReturns(Run run, TextArea text) {
		List<PaymentRuns.ReturnItem> items = new ArrayList<>();
		String[] lines = (text.getValue() == null ? "" : text.getValue()).split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[\\t,、　 ]+", 2);
			var number = AddressNumber.tryParse(parts[0]).orElse(null);
			if (number == null) {
				Notices.error(getTranslation("payments.run.returns.bad-number", i + 1));
				return;
			}
			if (parts.length < 2 || parts[1].isBlank()) {
				Notices.error(getTranslation("payments.run.returns.no-reason", i + 1));
				return;
			}
			items.add(new PaymentRuns.ReturnItem(number.value(), parts[1].strip()));
		}
		if (items.isEmpty()) {
			Notices.error(getTranslation("payments.run.returns.empty"));
			return;
		}
		Notices.attempt(() -> runs.recordReturns(run.id(), items)).ifPresent(n -> {
			Notices.success(getTranslation("payments.run.returns.done", n));
			text.clear();
			UI.getCurrent().access(() -> refresh(run.id()));
		});
	}
}
