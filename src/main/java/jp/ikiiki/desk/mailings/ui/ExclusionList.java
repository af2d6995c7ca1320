package jp.ikiiki.desk.mailings.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionFilter;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.Mailings;

/**
 * The subjects a batch leaves out, with their reasons (第4章3, 4): filters by reason and 宛名番号, the count, sorting by
 * 宛名番号 or reason, the list as XLSX for the city.
 */
class ExclusionList extends VerticalLayout {

	private final Mailings mailings;
	private final String channel;
	private final Grid<Exclusion> grid = new Grid<>(Exclusion.class, false);
	private final Grid.Column<Exclusion> subjectColumn;
	private final TextField subject = new TextField();
	private final Select<ExclusionReason> reason = new Select<>();
	private final Span count = new Span();
	private long batchId;
	private volatile String fileName;
	/** The filter as last applied, for the download (which runs outside the session's lock). */
	private volatile ExclusionFilter shown = ExclusionFilter.ALL;

	ExclusionList(Mailings mailings, String channel) {
		this.mailings = mailings;
		this.channel = channel;
		setPadding(false);
		setSizeFull();

		subject.setId("mailing-exclusions-search");
		subject.setPlaceholder(getTranslation("mailings.exclusions.search"));
		subject.setPrefixComponent(VaadinIcon.SEARCH.create());
		subject.setClearButtonVisible(true);
		subject.setValueChangeMode(ValueChangeMode.LAZY);
		reason.setId("mailing-exclusions-reason");
		reason.setItems(ExclusionReason.values());
		reason.setEmptySelectionAllowed(true);
		reason.setEmptySelectionCaption(getTranslation("mailings.exclusions.all-reasons"));
		reason.setItemLabelGenerator(r -> r == null ? getTranslation("mailings.exclusions.all-reasons") : r.label());
		count.setId("mailing-exclusions-count");
		subject.addValueChangeListener(e -> refresh());
		reason.addValueChangeListener(e -> refresh());

		grid.setId("mailing-exclusions");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		subjectColumn = grid.addColumn(Exclusion::subjectId).setHeader(getTranslation("mailings.exclusions.col.subject"))
				.setKey("subject").setSortProperty("subject").setWidth("9rem").setFlexGrow(0);
		grid.addColumn(x -> x.reason().label()).setHeader(getTranslation("mailings.exclusions.col.reason"))
				.setKey("reason").setSortProperty("reason").setWidth("12rem").setFlexGrow(0);
		grid.addColumn(x -> x.detail() == null ? "" : x.detail())
				.setHeader(getTranslation("mailings.exclusions.col.detail")).setFlexGrow(1)
				.setTooltipGenerator(Exclusion::detail);
		grid.setEmptyStateText(getTranslation("mailings.exclusions.empty"));
		grid.setSizeFull();

		var bar = new HorizontalLayout(subject, reason, count);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.setWidthFull();
		bar.setFlexGrow(1, count);
		bar.add(Downloads.xlsx(getTranslation("mailings.exclusions.xlsx"), "mailing-exclusions-xlsx",
				() -> fileName,
				out -> mailings.writeExclusionsXlsx(batchId, shown, out, channel)));
		add(bar, grid);
		setFlexGrow(1, grid);
	}

	/** Shows the batch's left-out; {@code subjects} false for recipients a module gave (their key, not 宛名番号). */
	void show(long batchId, boolean subjects) {
		subjectColumn.setHeader(getTranslation(subjects ? "mailings.exclusions.col.subject" : "mailings.exclusions.col.key"));
		subject.setPlaceholder(getTranslation(subjects ? "mailings.exclusions.search" : "mailings.exclusions.search-given"));
		this.batchId = batchId;
		this.fileName = getTranslation("mailings.exclusions.file", batchId);
		grid.setItems(q -> mailings.exclusions(batchId, filter(q.getSortOrders()), q.getOffset(), q.getLimit(), channel)
				.stream(), q -> mailings.exclusionCount(batchId, filter(q.getSortOrders())));
		refresh();
	}

	void refresh() {
		if (batchId == 0) {
			return;
		}
		grid.getDataProvider().refreshAll();
		shown = filter(List.of());
		int matching = mailings.exclusionCount(batchId, filter(List.of()));
		int all = mailings.exclusionCount(batchId, ExclusionFilter.ALL);
		count.setText(matching == all ? getTranslation("mailings.exclusions.count", all)
				: getTranslation("mailings.exclusions.count-filtered", matching, all));
	}

	private ExclusionFilter filter(List<QuerySortOrder> sort) {
		boolean byReason = !sort.isEmpty() && "reason".equals(sort.get(0).getSorted());
		boolean desc = !sort.isEmpty() && sort.get(0).getDirection() == SortDirection.DESCENDING;
		return new ExclusionFilter(reason.getValue(), subject.getValue(), byReason, desc);
	}
}
