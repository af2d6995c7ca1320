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
 * then by 発送日, newest first, with the 引受番号 of registered mail (what the post office traces) and, with the kind,
 * which reissue it was; a row opens the batch's name and, for a pulled-out envelope, when and why. The reissue count
 * of 第4章4 above.
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
		// A few rows per person: the kind's long names wrap rather than hide behind an ellipsis.
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
		// Fixed widths in rem that fit the desk's right column at 1280×720 (the date without its weekday, as in a narrow
		// column; the weekday is in the summary above); the kind takes what is left.
		grid.addColumn(m -> m.dispatchedOn() == null ? "—" : JapaneseDates.toWestern(m.dispatchedOn()))
				.setHeader(getTranslation("agentdesk.mailings.dispatched-on")).setWidth("6.5rem").setFlexGrow(0)
				.setSortable(true).setComparator(Comparator.comparing(SubjectMailing::dispatchedOn,
						Comparator.nullsLast(Comparator.naturalOrder())));
		grid.addColumn(new ComponentRenderer<>(m -> {
			Span s = new Span(m.state().label());
			s.getElement().getThemeList().add(switch (m.state()) {
				case DISPATCHED -> "badge success small";
				case PREPARING -> "badge small";
				case PULLED_OUT -> "badge contrast small";
			});
			return s;
		})).setHeader(getTranslation("agentdesk.mailings.state")).setWidth("6rem").setFlexGrow(0).setSortable(true)
				.setComparator(Comparator.comparing(SubjectMailing::state));
		grid.addColumn(this::kind).setHeader(getTranslation("agentdesk.mailings.kind")).setWidth("6rem").setFlexGrow(1)
				.setSortable(true).setTooltipGenerator(this::kind);
		grid.addColumn(m -> m.registeredNumber() == null ? "" : m.registeredNumber())
				.setHeader(getTranslation("agentdesk.mailings.registered")).setWidth("8rem").setFlexGrow(0);
		grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
			Span detail = new Span(getTranslation("agentdesk.mailings.batch", kind(m), m.batchId(), m.batchTitle())
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

	/** The kind, with which reissue it was for a reissue: ポイント手帳（再交付）・2回目. */
	private String kind(SubjectMailing m) {
		return m.reissueNo() == 0 ? m.kindLabel()
				: getTranslation("agentdesk.mailings.kind-reissue", m.kindLabel(), m.reissueNo());
	}

	int size() {
		return grid.getListDataView().getItemCount();
	}

	void focus() {
		grid.focus();
	}
}
