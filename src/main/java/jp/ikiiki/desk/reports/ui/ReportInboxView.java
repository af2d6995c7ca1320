package jp.ikiiki.desk.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.InboxQuery;
import jp.ikiiki.desk.reports.ReportDates;
import jp.ikiiki.desk.reports.ReportFile;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;

/**
 * 報告書: the city staff's inbox of daily reports and monthly summaries (第6章1(4)), every version, unread ones
 * marked; sortable by every column but the links, filtered to unread ones or one kind, with the count and a
 * sentence when nothing matches; PDF and XLSX downloads (audited, and marking the report read); whether reports are
 * e-mailed and how each mail went; and, for floor managers, a report made on demand for any past day or month.
 * Dates as the city reads them: 和暦.
 */
@Route("reports")
@Menu(order = 40, title = "報告書")
@RolesAllowed({ "CITY_STAFF", "FLOOR_MANAGER" })
class ReportInboxView extends VerticalLayout implements HasDynamicTitle {

	private static final String CHANNEL = "画面:報告書";

	private final CityReports reports;
	private final Span unread = new Span();
	private final Span count = new Span();
	private final Checkbox unreadOnly = new Checkbox();
	private final Select<ReportKind> kind = new Select<>();
	private final Grid<StoredReport> grid = new Grid<>(StoredReport.class, false);

	ReportInboxView(CityReports reports) {
		this.reports = reports;
		setSizeFull();
		setSpacing(false);
		H2 title = new H2(getTranslation("reports.inbox.title"));
		title.getStyle().set("margin", "0");
		Span mail = new Span(reports.mailConfigured() ? getTranslation("reports.mail.configured")
				: getTranslation("reports.mail.not-configured"));
		mail.setId("reports-mail");
		mail.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		unread.setId("reports-unread");
		unread.getStyle().set("font-weight", "bold");
		// One row of controls, so that the list keeps the height of the screen: the filters and counts, then (for
		// floor managers) a report made on demand. City staff receive the reports; making a version is the
		// contractor's work.
		FlexLayout controls = new FlexLayout(filters());
		controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		controls.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
		controls.setWidthFull();
		controls.getStyle().set("column-gap", "var(--lumo-space-l)");
		if (CurrentUser.hasRole("FLOOR_MANAGER")) {
			controls.add(onDemand());
		}
		add(title, mail, controls);
		grid();
		add(grid);
		setFlexGrow(1, grid);
		refresh();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("reports.title");
	}

	private HorizontalLayout onDemand() {
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		DatePicker day = new DatePicker(getTranslation("reports.generate.day"));
		day.setId("reports-day");
		day.setWidth("16em");
		day.setMax(today);
		day.setMin(LocalDate.of(2000, 1, 1));
		day.addValueChangeListener(e -> day.setHelperText(e.getValue() == null ? null
				: getTranslation("reports.generate.day.helper", ReportDates.day(e.getValue()))));
		day.setValue(today.minusDays(1));
		Button daily = new Button(getTranslation("reports.generate.daily"),
				e -> generate(day, () -> reports.generateDaily(day.getValue())));
		daily.setId("reports-generate-daily");
		daily.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button monthly = new Button(getTranslation("reports.generate.monthly"),
				e -> generate(day, () -> reports.generateMonthly(YearMonth.from(day.getValue()))));
		monthly.setId("reports-generate-monthly");
		HorizontalLayout row = new HorizontalLayout(day, daily, monthly);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.setId("reports-on-demand");
		return row;
	}

	private void generate(DatePicker day, Supplier<StoredReport> action) {
		if (day.getValue() == null) {
			Notices.error(getTranslation("reports.generate.pick-day"));
			return;
		}
		Notices.attempt(action).ifPresent(r -> {
			Notices.success(getTranslation("reports.generate.done", r.name()));
			refresh();
		});
	}

	private HorizontalLayout filters() {
		unreadOnly.setLabel(getTranslation("reports.filter.unread-only"));
		unreadOnly.setId("reports-unread-only");
		unreadOnly.addValueChangeListener(e -> refresh());
		kind.setLabel(getTranslation("reports.filter.kind"));
		kind.setId("reports-kind");
		kind.setItems(ReportKind.values());
		kind.setEmptySelectionAllowed(true);
		kind.setEmptySelectionCaption(getTranslation("reports.filter.kind.all"));
		kind.setItemLabelGenerator(k -> k == null ? getTranslation("reports.filter.kind.all") : k.title());
		kind.setWidth("9em");
		kind.addValueChangeListener(e -> refresh());
		count.setId("reports-count");
		HorizontalLayout row = new HorizontalLayout(unreadOnly, kind, count, unread);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private void grid() {
		grid.setId("reports-grid");
		// Seven columns that fit 1280 pixels beside the menu: the state with the report's notes, what the report is,
		// the contract's three figures, the mail, the files. Who made it and when is the period's tooltip.
		grid.addComponentColumn(this::state).setHeader(getTranslation("reports.column.state")).setAutoWidth(true)
				.setFlexGrow(0).setKey(InboxQuery.Sort.READ.name()).setSortable(true);
		grid.addColumn(r -> r.kind().title() + " " + r.periodLabel() + " " + getTranslation("reports.version", r.version()))
				.setTooltipGenerator(r -> getTranslation("reports.generated", ReportDates.dateTime(r.generatedAt()),
						r.scheduled() ? getTranslation("reports.generated.by-schedule") : r.generatedBy()))
				.setHeader(getTranslation("reports.column.period")).setAutoWidth(true).setFlexGrow(0)
				.setKey(InboxQuery.Sort.PERIOD.name()).setSortable(true);
		grid.addColumn(r -> String.format("%,d", r.received())).setHeader(getTranslation("reports.column.received"))
				.setWidth("6em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
				.setKey(InboxQuery.Sort.RECEIVED.name()).setSortable(true);
		grid.addColumn(r -> String.format("%,d", r.answered())).setHeader(getTranslation("reports.column.answered"))
				.setWidth("6em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
				.setKey(InboxQuery.Sort.ANSWERED.name()).setSortable(true);
		grid.addColumn(r -> r.answerRate() == null ? "—" : String.format("%.1f%%", r.answerRate() * 100))
				.setHeader(getTranslation("reports.column.rate")).setWidth("7em").setFlexGrow(0)
				.setTextAlign(ColumnTextAlign.END).setKey(InboxQuery.Sort.ANSWER_RATE.name()).setSortable(true);
		// A failure's reason can be long: the cell holds what fits, the tooltip all of it.
		grid.addComponentColumn(this::mailCell).setTooltipGenerator(this::mail).setHeader(getTranslation("reports.column.mail"))
				.setWidth("8em").setFlexGrow(1).setKey(InboxQuery.Sort.MAIL.name()).setSortable(true);
		grid.addComponentColumn(r -> new HorizontalLayout(link(r, ReportFormat.PDF), link(r, ReportFormat.XLSX)))
				.setHeader(getTranslation("reports.column.download")).setWidth("7em").setFlexGrow(0)
				.setFrozenToEnd(true);
		grid.setMultiSort(false);
		grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(InboxQuery.Sort.PERIOD.name()),
				SortDirection.DESCENDING)));
		grid.setSizeFull();
	}

	/** 未読 or 既読, and the report's notes as badges: 途中集計, データ欠落あり. */
	private Component state(StoredReport r) {
		Span s = new Span(getTranslation(r.read() ? "reports.state.read" : "reports.state.unread"));
		s.getStyle().set("font-weight", r.read() ? "normal" : "bold")
				.set("color", r.read() ? "var(--lumo-secondary-text-color)" : "var(--lumo-primary-text-color)");
		HorizontalLayout cell = new HorizontalLayout(s);
		cell.setSpacing(false);
		cell.getStyle().set("gap", "var(--lumo-space-xs)");
		if (!r.complete()) {
			cell.add(badge(getTranslation("reports.note.incomplete"), "badge contrast small"));
		}
		if (r.gap()) {
			cell.add(badge(getTranslation("reports.note.gap"), "badge error small"));
		}
		return cell;
	}

	private static Span badge(String text, String theme) {
		Span badge = new Span(text);
		badge.getElement().getThemeList().add(theme);
		return badge;
	}

	private String mail(StoredReport r) {
		String status = switch (r.mail().status()) {
			case NOT_CONFIGURED -> getTranslation("reports.mail.status.not-configured");
			case PENDING -> getTranslation("reports.mail.status.pending");
			case SENDING -> getTranslation("reports.mail.status.sending");
			case UNCERTAIN -> getTranslation("reports.mail.status.uncertain");
			case SENT -> getTranslation("reports.mail.status.sent");
			case FAILED -> getTranslation("reports.mail.status.failed");
			case GAVE_UP -> getTranslation("reports.mail.status.gave-up");
		};
		if (r.mail().lastError() == null || r.mail().status() == StoredReport.MailStatus.SENT) {
			return status;
		}
		return getTranslation("reports.mail.error", status, r.mail().attempts(), r.mail().lastError());
	}

	/**
	 * The mail's state; 送信不明 in red; for floor managers a 再送 button on a mail whose delivery is unknown or was
	 * given up (asking first: the city may have the mail already).
	 */
	private Component mailCell(StoredReport r) {
		Span text = new Span(mail(r));
		text.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis");
		if (r.mail().status() == StoredReport.MailStatus.UNCERTAIN) {
			text.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "bold");
		}
		HorizontalLayout cell = new HorizontalLayout(text);
		cell.setSpacing(false);
		cell.setAlignItems(FlexComponent.Alignment.BASELINE);
		cell.getStyle().set("gap", "var(--lumo-space-xs)");
		if (r.mail().resendable() && CurrentUser.hasRole("FLOOR_MANAGER")) {
			Button resend = new Button(getTranslation("reports.mail.resend"), e -> confirmResend(r));
			resend.setId("report-" + r.id() + "-resend");
			resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
			cell.addComponentAsFirst(resend);
		}
		return cell;
	}

	private void confirmResend(StoredReport r) {
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setHeader(getTranslation("reports.mail.resend.title", r.name()));
		dialog.setText(getTranslation(r.mail().status() == StoredReport.MailStatus.UNCERTAIN
				? "reports.mail.resend.uncertain" : "reports.mail.resend.gave-up",
				r.mail().messageId() == null ? "—" : r.mail().messageId()));
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("reports.mail.resend.cancel"));
		dialog.setConfirmText(getTranslation("reports.mail.resend.confirm"));
		dialog.setConfirmButtonTheme("error primary");
		dialog.addConfirmListener(e -> Notices.attempt(() -> reports.resendMail(r.id(), CHANNEL)).ifPresent(done -> {
			Notices.success(getTranslation("reports.mail.resend.done", done.name()));
			refresh();
		}));
		dialog.open();
	}

	/** A download link: the stored file, audited and marking the report read; the grid updates afterwards. */
	private Anchor link(StoredReport r, ReportFormat format) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			UI ui = event.getUI();
			try {
				ReportFile f = reports.download(r.id(), format, CHANNEL);
				return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(),
						f.content().length);
			} catch (DomainException e) {
				return DownloadResponse.error(com.vaadin.flow.server.HttpStatusCode.NOT_FOUND);
			} finally {
				if (ui != null) {
					ui.access(this::refresh);
				}
			}
		});
		Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, format.name());
		a.setId("report-" + r.id() + "-" + format.extension());
		return a;
	}

	private InboxQuery query(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
		InboxQuery.Sort sort = InboxQuery.Sort.PERIOD;
		boolean descending = true;
		if (!orders.isEmpty()) {
			sort = InboxQuery.Sort.valueOf(orders.get(0).getSorted());
			descending = orders.get(0).getDirection() == SortDirection.DESCENDING;
		}
		return new InboxQuery(unreadOnly.getValue(), kind.getValue(), sort, descending);
	}

	private Stream<StoredReport> fetch(Query<StoredReport, Void> q) {
		return reports.inbox(query(q.getSortOrders()), q.getOffset(), q.getLimit()).stream();
	}

	private void refresh() {
		grid.setItems(this::fetch, q -> reports.count(query(q.getSortOrders())));
		grid.setEmptyStateText(unreadOnly.getValue() ? getTranslation("reports.empty.unread")
				: kind.getValue() != null ? getTranslation("reports.empty.kind") : getTranslation("reports.empty.all"));
		refreshCounts();
	}

	private void refreshCounts() {
		int n = reports.unread();
		unread.setText(n == 0 ? getTranslation("reports.unread.none") : getTranslation("reports.unread.count", n));
		int all = reports.count(InboxQuery.ALL);
		boolean filtered = unreadOnly.getValue() || kind.getValue() != null;
		count.setText(filtered ? getTranslation("reports.count.filtered", reports.count(query(List.of())), all)
				: getTranslation("reports.count", all));
	}
}
