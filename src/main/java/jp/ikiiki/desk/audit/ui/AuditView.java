package jp.ikiiki.desk.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;
import jp.ikiiki.desk.audit.AuditQueries.Format;
import jp.ikiiki.desk.audit.AuditQueries.Sort;
import jp.ikiiki.desk.audit.AuditQueries.SortBy;
import jp.ikiiki.desk.platform.ui.JapaneseDateField;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The audit trail for the information-security manager (第11章): filters (宛名番号, user, action, period, text), the
 * number of matching entries, sorting by time, user, action, screen or source address, paged lazily from the
 * database; a row opens to show the whole 内容; the filtered list can be taken away as CSV or XLSX (the export is
 * itself audited).
 */
@Route("audit")
@Menu(order = 91, title = "監査ログ")
@RolesAllowed("SECURITY_ADMIN")
class AuditView extends VerticalLayout implements HasDynamicTitle {

	private final AuditQueries audit;
	private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
	private final TextField subject = new TextField();
	private final TextField user = new TextField();
	private final ComboBox<AuditAction> action = new ComboBox<>();
	private final DatePicker from = JapaneseDateField.japanese(new DatePicker());
	private final DatePicker to = JapaneseDateField.japanese(new DatePicker());
	private final TextField text = new TextField();
	private final Span total = new Span();
	private final Span empty = new Span();
	private AuditFilter filter = AuditFilter.ALL;

	AuditView(AuditQueries audit) {
		this.audit = audit;
		setSizeFull();
		subject.setLabel(getTranslation("audit.filter.subject"));
		user.setLabel(getTranslation("audit.filter.user"));
		action.setLabel(getTranslation("audit.filter.action"));
		from.setLabel(getTranslation("audit.filter.from"));
		to.setLabel(getTranslation("audit.filter.to"));
		text.setLabel(getTranslation("audit.filter.text"));
		action.setItems(AuditAction.values());
		action.setItemLabelGenerator(AuditAction::label);
		action.setClearButtonVisible(true);
		subject.setId("audit-subject");
		user.setId("audit-user");
		text.setId("audit-text");
		subject.setMaxLength(20);
		user.setMaxLength(64);
		text.setMaxLength(200);
		for (var field : List.of(subject, user, text)) {
			field.setClearButtonVisible(true);
			field.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> refresh());
		}
		var search = new Button(getTranslation("audit.filter.apply"), e -> refresh());
		search.setId("audit-search");
		search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var filters = new HorizontalLayout(subject, user, action, from, to, text, search);
		filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		filters.setWrap(true);

		total.getElement().setAttribute("data-testid", "audit-total");
		var csv = download(Format.CSV, getTranslation("audit.export.csv"));
		var xlsx = download(Format.XLSX, getTranslation("audit.export.xlsx"));
		var exports = new HorizontalLayout(total, csv, xlsx);
		exports.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		add(new H2(getTranslation("audit.title")), filters, exports);

		grid.setId("audit-grid");
		grid.addColumn(e -> JapaneseDates.toWesternTimestamp(e.occurredAt())).setHeader(getTranslation("audit.column.time"))
				.setKey(SortBy.OCCURRED_AT.name()).setSortProperty(SortBy.OCCURRED_AT.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(AuditEntry::username).setHeader(getTranslation("audit.column.user")).setKey(SortBy.USERNAME.name()).setSortProperty(SortBy.USERNAME.name())
				.setSortable(true).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(e -> e.action().label()).setHeader(getTranslation("audit.column.action")).setKey(SortBy.ACTION.name()).setSortProperty(SortBy.ACTION.name())
				.setSortable(true).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(AuditEntry::channel).setHeader(getTranslation("audit.column.channel")).setKey(SortBy.CHANNEL.name()).setSortProperty(SortBy.CHANNEL.name())
				.setSortable(true).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(AuditEntry::sourceAddress).setHeader(getTranslation("audit.column.source"))
				.setKey(SortBy.SOURCE_ADDRESS.name()).setSortProperty(SortBy.SOURCE_ADDRESS.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(this::subjects).setHeader(getTranslation("audit.column.subjects")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(AuditEntry::fileName).setHeader(getTranslation("audit.column.file")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.column.detail")).setFlexGrow(1)
				.setTooltipGenerator(e -> getTranslation("audit.detail.open"));
		grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
		grid.setDetailsVisibleOnClick(true);
		grid.setMultiSort(false);
		grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(SortBy.OCCURRED_AT.name()), SortDirection.DESCENDING)));
		grid.setSizeFull();
		empty.setText(getTranslation("audit.empty"));
		empty.getElement().setAttribute("data-testid", "audit-empty");
		empty.setVisible(false);
		add(empty, grid);
		refresh();
	}

	private String subjects(AuditEntry e) {
		var ids = e.subjectIds();
		return ids.size() <= 5 ? String.join(", ", ids)
				: getTranslation("audit.column.subjects.more", String.join(", ", ids.subList(0, 5)), ids.size() - 5);
	}

	private Div details(AuditEntry e) {
		var box = new Div();
		box.getElement().setAttribute("data-testid", "audit-detail");
		box.getStyle().set("white-space", "pre-wrap").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
				.set("overflow-wrap", "anywhere");
		var lines = new StringBuilder();
		lines.append(getTranslation("audit.column.detail")).append(": ").append(e.detail() == null ? "" : e.detail()).append('\n');
		if (!e.subjectIds().isEmpty()) {
			lines.append(getTranslation("audit.column.subjects")).append(": ").append(String.join(", ", e.subjectIds())).append('\n');
		}
		if (e.fileName() != null) {
			lines.append(getTranslation("audit.column.file")).append(": ").append(e.fileName()).append('\n');
		}
		if (e.sourceAddress() != null) {
			lines.append(getTranslation("audit.column.source")).append(": ").append(e.sourceAddress()).append('\n');
		}
		box.setText(lines.toString().strip());
		return box;
	}

	private Anchor download(Format format, String label) {
		DownloadHandler handler = event -> {
			String stamp = JapaneseDates.toWesternTimestamp(Instant.now()).replace("/", "").replace(":", "").replace(" ", "-");
			event.setFileName("監査ログ-" + stamp + (format == Format.CSV ? ".csv" : ".xlsx"));
			event.setContentType(format == Format.CSV ? "text/csv; charset=UTF-8"
					: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			try {
				audit.export(filter, sort(), format, event.getOutputStream(), "画面:監査ログ");
			} catch (DomainException refusal) {
				event.getUI().access(() -> Notices.error(refusal));
				event.getResponse().setStatus(422);
			}
		};
		var anchor = new Anchor(handler, label);
		anchor.getElement().setAttribute("download", true);
		anchor.getElement().setAttribute("data-testid", "audit-export-" + format.name().toLowerCase(java.util.Locale.ROOT));
		return anchor;
	}

	private Sort sort() {
		var orders = grid.getSortOrder();
		if (orders.isEmpty() || orders.get(0).getSorted().getKey() == null) {
			return Sort.NEWEST_FIRST;
		}
		var order = orders.get(0);
		return new Sort(SortBy.valueOf(order.getSorted().getKey()), order.getDirection() == SortDirection.ASCENDING);
	}

	private void refresh() {
		if (from.isInvalid() || to.isInvalid()) {
			Notices.error(getTranslation("audit.filter.badDate"));
			return;
		}
		LocalDate start = from.getValue();
		LocalDate end = to.getValue();
		if (start != null && end != null && end.isBefore(start)) {
			Notices.error(getTranslation("audit.filter.reversed"));
			return;
		}
		filter = new AuditFilter(subject.getValue(), user.getValue(), action.getValue(), startOf(start),
				end == null ? null : startOf(end.plusDays(1)), text.getValue());
		long count = audit.count(filter);
		total.setText(getTranslation("audit.total", count));
		empty.setVisible(count == 0);
		grid.setItems(query -> {
			Sort sort = query.getSortOrders().isEmpty() ? Sort.NEWEST_FIRST
					: new Sort(SortBy.valueOf(query.getSortOrders().get(0).getSorted()),
							query.getSortOrders().get(0).getDirection() == SortDirection.ASCENDING);
			return audit.find(filter, sort, query.getOffset(), Math.max(1, Math.min(query.getLimit(), 1000))).stream();
		});
	}

	private static Instant startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(JapanTime.ZONE).toInstant();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("audit.pageTitle");
	}
}
