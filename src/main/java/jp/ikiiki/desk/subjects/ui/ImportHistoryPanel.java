package jp.ikiiki.desk.subjects.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.function.Consumer;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;

/**
 * The import history as a grid that pages and sorts on the server (newest first), with the history as CSV or XLSX.
 * Columns fit 1280 px with the menu open: the kind as its 別紙, short state labels (the full label as tooltip),
 * numbers right-aligned at the header's type size. Selecting a row hands the import to the screen.
 */
class ImportHistoryPanel extends Composite<VerticalLayout> {

	private final SubjectImportHistory history;
	private final String channel;
	private final Consumer<SubjectImportSummary> onSelect;
	private final Grid<SubjectImportSummary> historyGrid = new Grid<>(SubjectImportSummary.class, false);

	ImportHistoryPanel(SubjectImportHistory history, String channel, Consumer<SubjectImportSummary> onSelect) {
		this.history = history;
		this.channel = channel;
		this.onSelect = onSelect;
		configureHistory();
		VerticalLayout root = getContent();
		root.setPadding(false);
		root.setSpacing(false);
		root.setSizeFull();
		VerticalLayout inner = panel();
		root.add(inner);
		root.setFlexGrow(1, inner);
	}

	/** Reads the history again (after an import). */
	void refresh() {
		historyGrid.getDataProvider().refreshAll();
	}

	private void configureHistory() {
		historyGrid.setId("import-history");
		historyGrid.addColumn(s -> String.valueOf(s.id())).setHeader(getTranslation("subjects.import.history.id"))
				.setWidth("3.2rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
		historyGrid.addColumn(s -> JapaneseDates.toWesternDateTime(s.startedAt()))
				.setHeader(getTranslation("subjects.import.history.started")).setWidth("7.5rem").setFlexGrow(0)
				.setKey(SubjectImportHistory.Order.OLDEST_FIRST.name()).setSortable(true);
		historyGrid.addColumn(s -> s.kind().annex()).setHeader(getTranslation("subjects.import.history.kind"))
				.setKey(SubjectImportHistory.Order.KIND.name()).setSortable(true).setWidth("4.5rem").setFlexGrow(0)
				.setTooltipGenerator(s -> s.kind().title());
		historyGrid.addColumn(SubjectImportSummary::fileName).setHeader(getTranslation("subjects.import.history.file"))
				.setKey(SubjectImportHistory.Order.FILE_NAME.name()).setSortable(true).setFlexGrow(1).setWidth("5rem")
				.setTooltipGenerator(SubjectImportSummary::fileName);
		historyGrid.addColumn(s -> shortLabel(s.status())).setHeader(getTranslation("subjects.import.history.status"))
				.setKey(SubjectImportHistory.Order.STATUS.name()).setSortable(true).setWidth("6.5rem").setFlexGrow(0)
				.setTooltipGenerator(s -> s.status().label());
		number(SubjectImportHistory.Order.ROWS, "subjects.import.history.rows", SubjectImportSummary::rows);
		number(SubjectImportHistory.Order.ADDED, "subjects.import.history.added", SubjectImportSummary::added);
		number(SubjectImportHistory.Order.CHANGED, "subjects.import.history.changed", SubjectImportSummary::changed);
		number(SubjectImportHistory.Order.ENDED, "subjects.import.history.ended", SubjectImportSummary::ended);
		number(SubjectImportHistory.Order.REJECTED, "subjects.import.history.rejected", SubjectImportSummary::rejected);
		number(SubjectImportHistory.Order.FLAGGED, "subjects.import.history.flagged", SubjectImportSummary::flagged);
		historyGrid.addColumn(SubjectImportSummary::importedBy).setHeader(getTranslation("subjects.import.history.user"))
				.setKey(SubjectImportHistory.Order.IMPORTED_BY.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0)
				.setTooltipGenerator(SubjectImportSummary::importedBy);
		historyGrid.setItems(q -> {
			SubjectImportHistory.Order order = SubjectImportHistory.Order.NEWEST_FIRST;
			boolean descending = false;
			if (!q.getSortOrders().isEmpty()) {
				var sort = q.getSortOrders().get(0);
				order = SubjectImportHistory.Order.valueOf(sort.getSorted());
				descending = sort.getDirection() == SortDirection.DESCENDING;
			}
			return history.list(q.getOffset(), q.getLimit(), order, descending).stream();
		}, q -> history.count());
		historyGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		dense(historyGrid);
		historyGrid.setEmptyStateText(getTranslation("subjects.import.history.empty"));
		historyGrid.asSingleSelect().addValueChangeListener(e -> {
			if (e.getValue() != null) {
				onSelect.accept(e.getValue());
			}
		});
		historyGrid.setSizeFull();
	}

	/** Body text at the header's size, so that a dozen columns and numbers up to 190,000 fit at 1280 px. */
	static void dense(Grid<?> grid) {
		grid.getStyle().set("--lumo-font-size-m", "var(--lumo-font-size-s)");
	}

	private String shortLabel(SubjectImportSummary.State state) {
		return switch (state) {
			case RUNNING -> getTranslation("subjects.import.state-short.RUNNING");
			case APPLIED -> getTranslation("subjects.import.state-short.APPLIED");
			case DRY_RUN -> getTranslation("subjects.import.state-short.DRY_RUN");
			case BLOCKED -> getTranslation("subjects.import.state-short.BLOCKED");
			case WRONG_KIND -> getTranslation("subjects.import.state-short.WRONG_KIND");
			case HELD -> getTranslation("subjects.import.state-short.HELD");
			case WITHDRAWN -> getTranslation("subjects.import.state-short.WITHDRAWN");
			case SUPERSEDED -> getTranslation("subjects.import.state-short.SUPERSEDED");
			case FAILED -> getTranslation("subjects.import.state-short.FAILED");
		};
	}

	private void number(SubjectImportHistory.Order order, String headerKey,
			java.util.function.ToIntFunction<SubjectImportSummary> value) {
		historyGrid.addColumn(s -> String.format("%,d", value.applyAsInt(s))).setHeader(getTranslation(headerKey))
				.setKey(order.name()).setSortable(true).setWidth("4.3rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
	}

	private VerticalLayout panel() {
		var hint = new Span(getTranslation("subjects.import.history.hint"));
		hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		var csv = ImportResultPanel.link(getTranslation("subjects.import.history.export-csv"),
				() -> history.historyFile(false, channel));
		var xlsx = ImportResultPanel.link(getTranslation("subjects.import.history.export-xlsx"),
				() -> history.historyFile(true, channel));
		csv.setId("import-history-csv");
		xlsx.setId("import-history-xlsx");
		var bar = new HorizontalLayout(hint, csv, xlsx);
		bar.setWidthFull();
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.expand(hint);
		var panel = new VerticalLayout(bar, historyGrid);
		panel.setPadding(false);
		panel.setSpacing(false);
		panel.setSizeFull();
		panel.setFlexGrow(1, historyGrid);
		return panel;
	}
}
