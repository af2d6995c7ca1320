package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.SubjectResults;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * The subjects a search found, or those linked on earlier calls from the caller's number, with one of them
 * highlighted: the arrows in the search box move the highlight, Enter picks it ({@link PickEvent}); a click or the
 * row's 紐付け button picks a row too. Says how many were found and, when the search stopped at the desk's limit,
 * that there are more. Listed in the look-up's order (kana name, then 宛名番号) and not re-sortable: the arrows
 * walk that order.
 */
class SubjectResultsPanel extends VerticalLayout {

	private final Span count = new Span();
	private final Grid<SubjectSummary> grid = new Grid<>(SubjectSummary.class, false);
	private List<SubjectSummary> items = List.of();
	/** The search text the list answers; null for the subjects known from the caller's number. */
	private String forText;
	private int highlighted = -1;

	SubjectResultsPanel() {
		setId("desk-results");
		setPadding(false);
		setSpacing(false);
		setSizeFull();
		count.setId("desk-subject-count");
		count.getStyle().set("font-size", "var(--lumo-font-size-s)").set("padding", "var(--lumo-space-xs) 0");
		grid.setId("desk-subjects");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.getStyle().set("font-size", "var(--lumo-font-size-s)");
		grid.addComponentColumn(s -> {
			Button link = new Button(getTranslation("agentdesk.results.link"), e -> pick(s));
			link.setId("desk-link-" + s.addressNumber());
			link.addThemeVariants(ButtonVariant.LUMO_SMALL);
			return link;
		}).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(s -> getTranslation("agentdesk.subject.name-kana", s.nameKanji(), s.nameKana())).setHeader(getTranslation("agentdesk.results.name"))
				.setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(s -> JapaneseDates.toBoth(s.birthDate()))
				.setHeader(getTranslation("agentdesk.results.birth-date")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(SubjectSummary::addressNumber).setHeader(getTranslation("agentdesk.results.address-number"))
				.setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(s -> s.address() + (s.ended() ? getTranslation("agentdesk.results.ended") : ""))
				.setHeader(getTranslation("agentdesk.results.address")).setFlexGrow(1).setWidth("0")
				.setTooltipGenerator(SubjectSummary::address);
		grid.addItemClickListener(e -> pick(e.getItem()));

		grid.setSizeFull();
		add(count, grid);
		clear();
	}

	/** The results of a search for {@code text}; the first is highlighted. */
	void show(String text, SubjectResults results) {
		forText = text;
		items = results.subjects();
		grid.setItems(items);
		grid.setEmptyStateText(getTranslation("agentdesk.results.none"));
		count.setText(results.subjects().isEmpty() ? getTranslation("agentdesk.results.none")
				: results.more() ? getTranslation("agentdesk.results.more", results.limit())
				: getTranslation("agentdesk.results.count", results.subjects().size()));
		count.getElement().getThemeList().set("badge", results.more());
		count.getElement().getThemeList().set("contrast", results.more());
		highlight(items.isEmpty() ? -1 : 0);
	}

	/** The subjects linked on earlier calls from the caller's number; the first is highlighted. */
	void showKnown(List<SubjectSummary> known) {
		forText = null;
		items = known;
		grid.setItems(items);
		grid.setEmptyStateText(getTranslation("agentdesk.results.hint"));
		count.setText(known.isEmpty() ? "" : getTranslation("agentdesk.results.known", known.size()));
		count.getElement().getThemeList().remove("badge");
		highlight(items.isEmpty() ? -1 : 0);
	}

	void clear() {
		forText = null;
		items = List.of();
		grid.setItems(items);
		count.setText(getTranslation("agentdesk.results.hint"));
		grid.setEmptyStateText(getTranslation("agentdesk.results.hint"));
		count.getElement().getThemeList().remove("badge");
		highlighted = -1;
	}

	boolean isEmpty() {
		return items.isEmpty();
	}

	/** True when the list answers this search text (or, for a blank text, shows the known subjects). */
	boolean answers(String text) {
		String t = text == null ? "" : text.strip();
		return forText == null ? t.isEmpty() && !items.isEmpty() : forText.strip().equals(t);
	}

	/** Moves the highlight by {@code delta} rows, staying within the list. */
	void move(int delta) {
		if (!items.isEmpty()) {
			highlight(Math.max(0, Math.min(items.size() - 1, (highlighted < 0 ? 0 : highlighted + delta))));
		}
	}

	Optional<SubjectSummary> highlightedItem() {
		return highlighted < 0 || highlighted >= items.size() ? Optional.empty() : Optional.of(items.get(highlighted));
	}

	void pickHighlighted() {
		highlightedItem().ifPresent(this::pick);
	}

	private void highlight(int index) {
		highlighted = index;
		if (index < 0) {
			grid.deselectAll();
			return;
		}
		grid.select(items.get(index));
		grid.scrollToIndex(index);
	}

	private void pick(SubjectSummary s) {
		fireEvent(new PickEvent(this, s));
	}

	Registration addPickListener(ComponentEventListener<PickEvent> listener) {
		return addListener(PickEvent.class, listener);
	}

	/** The agent picked a subject to link. */
	static final class PickEvent extends ComponentEvent<SubjectResultsPanel> {
		private final SubjectSummary subject;

		PickEvent(SubjectResultsPanel source, SubjectSummary subject) {
			super(source, false);
			this.subject = subject;
		}

		SubjectSummary subject() {
			return subject;
		}
	}
}
