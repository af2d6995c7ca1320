package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.PhoneNumbers;

/**
 * The agent's open entries (calls not closed yet, also those that connected while no page was open), newest first;
 * a click asks to open one ({@link ChooseEvent}).
 */
class OpenEntriesPanel extends VerticalLayout {

	private final Span count = new Span();
	private final Grid<CallLogEntry> grid = new Grid<>(CallLogEntry.class, false);

	OpenEntriesPanel() {
		setId("desk-open-panel");
		setPadding(false);
		setSpacing(false);
		setSizeFull();
		count.setId("desk-open-count");
		count.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "var(--lumo-space-xs) 0");
		grid.setId("desk-open-entries");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(e -> "#" + e.id()).setHeader(getTranslation("agentdesk.open.id")).setAutoWidth(true).setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparingLong(CallLogEntry::id));
		grid.addColumn(e -> JapaneseDates.toWesternDateTimeWithWeekday(e.startedAt())).setHeader(getTranslation("agentdesk.open.started"))
				.setAutoWidth(true).setFlexGrow(0).setSortable(true).setComparator(Comparator.comparing(CallLogEntry::startedAt));
		grid.addColumn(e -> getTranslation(e.manual() ? "agentdesk.open.manual" : "agentdesk.open.phone"))
				.setHeader(getTranslation("agentdesk.open.kind")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(e -> e.callerNumber() == null ? getTranslation("agentdesk.pop.no-number") : PhoneNumbers.format(e.callerNumber()))
				.setHeader(getTranslation("agentdesk.open.number")).setAutoWidth(true).setSortable(true);
		grid.addItemClickListener(e -> fireEvent(new ChooseEvent(this, e.getItem().id())));
		grid.setEmptyStateText(getTranslation("agentdesk.open.none"));
		grid.setSizeFull();
		add(count, grid);
	}

	void show(List<CallLogEntry> open) {
		grid.setItems(open);
		count.setText(open.isEmpty() ? getTranslation("agentdesk.open.none")
				: getTranslation("agentdesk.open.count", open.size()));
	}

	int size() {
		return grid.getListDataView().getItemCount();
	}

	boolean isEmpty() {
		return size() == 0;
	}

	Registration addChooseListener(ComponentEventListener<ChooseEvent> listener) {
		return addListener(ChooseEvent.class, listener);
	}

	/** The agent wants to open another entry. */
	static final class ChooseEvent extends ComponentEvent<OpenEntriesPanel> {
		private final long callLogId;

		ChooseEvent(OpenEntriesPanel source, long callLogId) {
			super(source, false);
			this.callLogId = callLogId;
		}

		long callLogId() {
			return callLogId;
		}
	}
}
