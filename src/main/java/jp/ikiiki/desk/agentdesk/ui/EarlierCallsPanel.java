package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.shared.JapaneseDates;

/** The earlier calls from the caller's number, newest first, with the note of each shown in full on a click. */
class EarlierCallsPanel extends VerticalLayout {

	private final Span count = new Span();
	private final Grid<EarlierCall> grid = new Grid<>(EarlierCall.class, false);

	EarlierCallsPanel() {
		setId("desk-earlier-panel");
		setPadding(false);
		setSpacing(false);
		setSizeFull();
		count.setId("desk-earlier-count");
		count.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "var(--lumo-space-xs) 0");
		grid.setId("desk-earlier");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(c -> JapaneseDates.toWesternDateTimeWithWeekday(c.at())).setHeader(getTranslation("agentdesk.earlier.at"))
				.setAutoWidth(true).setFlexGrow(0).setSortable(true).setComparator(Comparator.comparing(EarlierCall::at));
		grid.addColumn(EarlierCall::result).setHeader(getTranslation("agentdesk.earlier.result")).setAutoWidth(true)
				.setFlexGrow(0).setSortable(true);
		grid.addColumn(c -> c.category() == null ? "" : c.category()).setHeader(getTranslation("agentdesk.earlier.category"))
				.setAutoWidth(true).setSortable(true);
		grid.addColumn(EarlierCall::note).setHeader(getTranslation("agentdesk.earlier.note")).setFlexGrow(1);
		grid.addColumn(c -> c.agent() == null ? "" : c.agent()).setHeader(getTranslation("agentdesk.earlier.agent"))
				.setAutoWidth(true).setFlexGrow(0);
		grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> {
			Span note = new Span(c.note().isBlank() ? getTranslation("agentdesk.earlier.no-note") : c.note());
			note.getStyle().set("white-space", "pre-wrap");
			return note;
		}));
		grid.setDetailsVisibleOnClick(true);
		grid.setEmptyStateText(getTranslation("agentdesk.earlier.none"));
		grid.setSizeFull();
		add(count, grid);
		show(List.of(), false);
	}

	/** The earlier calls of the entry on the desk; {@code withNumber} false when the caller's number is unknown. */
	void show(List<EarlierCall> calls, boolean withNumber) {
		grid.setItems(calls);
		count.setText(!withNumber ? getTranslation("agentdesk.earlier.no-number")
				: calls.isEmpty() ? getTranslation("agentdesk.earlier.none")
				: getTranslation("agentdesk.earlier.count", calls.size()));
	}

	int size() {
		return grid.getListDataView().getItemCount();
	}
}
