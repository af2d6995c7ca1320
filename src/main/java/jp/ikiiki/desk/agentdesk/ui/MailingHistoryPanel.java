package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.mailings.SubjectMailing;
import jp.ikiiki.desk.mailings.SubjectMailings;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * What was mailed to the linked subject, for a caller who asks when something was sent: batches being prepared on top,
 * then by 発送日, newest first, with the 引受番号 of registered mail (what the post office traces) and which reissue
 * it was; a row opens the batch's name and, for a pulled-out envelope, when and why. The reissue count of 第4章4 above.
 */
class MailingHistoryPanel extends VerticalLayout {

	private final Span summary = new Span();
	private final Grid<SubjectMailing> grid = new Grid<>(SubjectMailing.class, false);

	MailingHistoryPanel() {
		setId("desk-mailings-panel");
		setPadding(false);
		setSpacing(false);
		setSizeFull();
		summary.setId("desk-mailings-summary");
		summary.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "var(--lumo-space-xs) 0");
		grid.setId("desk-mailings");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(m -> m.dispatchedOn() == null ? "—" : JapaneseDates.toWesternWithWeekday(m.dispatchedOn()))
				.setHeader(getTranslation("agentdesk.mailings.dispatched-on")).setWidth("8.5rem").setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparing(SubjectMailing::dispatchedOn,
						Comparator.nullsLast(Comparator.naturalOrder())));
		grid.addColumn(new ComponentRenderer<>(m -> {
			Span s = new Span(m.state().label());
			s.getElement().getThemeList().add(switch (m.state()) {
				case DISPATCHED -> "badge success";
				case PREPARING -> "badge";
				case PULLED_OUT -> "badge contrast";
			});
			return s;
		})).setHeader(getTranslation("agentdesk.mailings.state")).setWidth("8.5rem").setFlexGrow(0).setSortable(true)
				.setComparator(Comparator.comparing(SubjectMailing::state));
		grid.addColumn(SubjectMailing::kindLabel).setHeader(getTranslation("agentdesk.mailings.kind")).setWidth("8rem")
				.setFlexGrow(1).setSortable(true).setTooltipGenerator(SubjectMailing::kindLabel);
		grid.addColumn(m -> m.registeredNumber() == null ? "" : m.registeredNumber())
				.setHeader(getTranslation("agentdesk.mailings.registered")).setWidth("9rem").setFlexGrow(0);
		grid.addColumn(m -> m.reissueNo() == 0 ? "" : getTranslation("agentdesk.mailings.reissue-no", m.reissueNo()))
				.setHeader(getTranslation("agentdesk.mailings.reissue")).setWidth("5rem").setFlexGrow(0);
		grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
			Span detail = new Span(getTranslation("agentdesk.mailings.batch", m.batchId(), m.batchTitle())
					+ (m.pulledAt() == null ? ""
							: getTranslation("agentdesk.mailings.pulled", JapaneseDates.toWesternDateTimeWithWeekday(m.pulledAt()),
									m.pullReason() == null ? "" : m.pullReason())));
			detail.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
			return detail;
		}));
		grid.setDetailsVisibleOnClick(true);
		grid.setEmptyStateText(getTranslation("agentdesk.mailings.none"));
		grid.setSizeFull();
		add(summary, grid);
		empty();
	}

	/** No subject linked. */
	void empty() {
		grid.setItems(List.of());
		summary.setText(getTranslation("agentdesk.mailings.no-subject"));
	}

	void show(SubjectMailings history) {
		grid.setItems(history.mailings());
		summary.setText(summary(history));
	}

	/** The line the subject card also shows: the last dispatch, what is being prepared, the reissue count. */
	String summary(SubjectMailings history) {
		if (history.mailings().isEmpty()) {
			return getTranslation("agentdesk.mailings.none");
		}
		StringBuilder text = new StringBuilder(getTranslation("agentdesk.mailings.count", history.mailings().size()));
		history.mailings().stream().filter(m -> m.state() == SubjectMailing.State.DISPATCHED).findFirst()
				.ifPresent(m -> text.append(" ／ ").append(getTranslation("agentdesk.mailings.last",
						m.kindLabel(), JapaneseDates.toWesternWithWeekday(m.dispatchedOn()))));
		long preparing = history.mailings().stream().filter(m -> m.state() == SubjectMailing.State.PREPARING).count();
		if (preparing > 0) {
			text.append(" ／ ").append(getTranslation("agentdesk.mailings.preparing", preparing));
		}
		text.append(" ／ ").append(getTranslation("agentdesk.mailings.reissues", history.reissueCount()));
		return text.toString();
	}

	int size() {
		return grid.getListDataView().getItemCount();
	}

	void focus() {
		grid.focus();
	}
}
