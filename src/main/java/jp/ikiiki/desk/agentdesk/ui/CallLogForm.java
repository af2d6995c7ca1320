package jp.ikiiki.desk.agentdesk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextAreaVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.shared.Versions;

/**
 * The call log of the entry on the desk: the subject search box, the linked subject and who called, the inquiry
 * category, the answer-manual entry used, the note, the outcome and 完了. Every change the agent makes fires a
 * {@link DraftChangedEvent} with the whole draft (the view keeps it on the server); 完了 fires a {@link CloseEvent}.
 * Keys pressed in the search box that the results list answers (arrows, Enter, Esc) fire a {@link SearchKeyEvent}:
 * the list is elsewhere on the screen, the view connects the two.
 */
class CallLogForm extends VerticalLayout {

	/** Keys the search box hands to the results (not while an input method is composing). */
	private static final String SEARCH_KEYS = "['ArrowDown','ArrowUp','Enter','Escape'].includes(event.key)"
			+ " && !event.isComposing && event.keyCode !== 229";

	private final TextField search = new TextField();
	private final Span linked = new Span();
	private final Button unlink = new Button();
	private final Select<CallerKind> callerKind = new Select<>();
	private final ComboBox<InquiryCategory> category = new ComboBox<>();
	private final TextField manualSearch = new TextField();
	private final ComboBox<ManualEntry> manualEntry = new ComboBox<>();
	private final Div manualAnswer = new Div();
	private final TextArea note = new TextArea();
	private final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
	private final Button close = new Button();

	private String subjectId;
	private boolean open;

	CallLogForm() {
		setId("desk-form");
		setPadding(false);
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-xs)");
		setWidthFull();

		search.setId("desk-subject-search");
		search.setLabel(getTranslation("agentdesk.form.search"));
		search.setPlaceholder(getTranslation("agentdesk.form.search-placeholder"));
		search.setHelperText(getTranslation("agentdesk.form.search-keys"));
		search.setClearButtonVisible(true);
		search.addThemeVariants(TextFieldVariant.LUMO_SMALL);
		search.setWidthFull();
		DomListenerRegistration keys = search.getElement().addEventListener("keydown",
				e -> fireEvent(new SearchKeyEvent(this, e.getEventData().getString("event.key"),
						e.getEventData().getString("element.value"))));
		keys.setFilter(SEARCH_KEYS);
		keys.addEventData("event.key");
		keys.addEventData("element.value");
		// Arrows would move the caret and Enter would fire a change: the list takes them instead.
		keys.addEventData("event.preventDefault()");

		linked.setId("desk-subject-linked");
		linked.getStyle().set("font-weight", "bold");
		unlink.setText(getTranslation("agentdesk.form.unlink"));
		unlink.setId("desk-subject-unlink");
		unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		unlink.addClickListener(e -> {
			subjectId = null;
			linked.setText(getTranslation("agentdesk.form.no-subject"));
			changed();
		});
		Span subjectLabel = new Span(getTranslation("agentdesk.form.subject"));
		subjectLabel.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
		HorizontalLayout linkedRow = new HorizontalLayout(subjectLabel, linked, unlink);
		linkedRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		linkedRow.setWidthFull();

		callerKind.setId("desk-caller-kind");
		callerKind.setLabel(getTranslation("agentdesk.form.caller-kind"));
		callerKind.setItems(CallerKind.values());
		callerKind.setItemLabelGenerator(k -> k == null ? getTranslation("agentdesk.form.not-chosen") : k.label());
		callerKind.setEmptySelectionAllowed(true);
		callerKind.setEmptySelectionCaption(getTranslation("agentdesk.form.not-chosen"));
		callerKind.addThemeVariants(SelectVariant.LUMO_SMALL);
		callerKind.setWidth("11rem");
		callerKind.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				changed();
			}
		});
		category.setId("desk-category");
		category.setLabel(getTranslation("agentdesk.form.category"));
		category.setItemLabelGenerator(InquiryCategory::fullName);
		category.addThemeVariants(ComboBoxVariant.LUMO_SMALL);
		category.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				changed();
				if (e.getValue() != null) {
					note.focus();
				}
			}
		});
		HorizontalLayout whoRow = new HorizontalLayout(callerKind, category);
		whoRow.setWidthFull();
		whoRow.expand(category);

		manualSearch.setId("desk-manual-search");
		manualSearch.setLabel(getTranslation("agentdesk.form.manual-search"));
		manualSearch.addThemeVariants(TextFieldVariant.LUMO_SMALL);
		manualSearch.setWidth("11rem");
		manualSearch.setValueChangeMode(ValueChangeMode.LAZY);
		manualSearch.addValueChangeListener(e -> fireEvent(new ManualSearchEvent(this, e.getValue())));
		manualEntry.setId("desk-manual-entry");
		manualEntry.setLabel(getTranslation("agentdesk.form.manual-entry"));
		manualEntry.setItemLabelGenerator(m -> getTranslation("agentdesk.form.manual-entry-label", m.question(), Versions.label(m.version())));
		manualEntry.addThemeVariants(ComboBoxVariant.LUMO_SMALL);
		manualEntry.addValueChangeListener(e -> {
			showAnswer(e.getValue());
			if (e.isFromClient()) {
				changed();
			}
		});
		HorizontalLayout manualRow = new HorizontalLayout(manualSearch, manualEntry);
		manualRow.setWidthFull();
		manualRow.expand(manualEntry);
		manualAnswer.setId("desk-manual-answer");
		manualAnswer.getStyle().set("white-space", "pre-wrap").set("color", "var(--lumo-secondary-text-color)")
				.set("font-size", "var(--lumo-font-size-s)").set("max-height", "4.5em").set("overflow", "auto");

		note.setId("desk-note");
		note.setLabel(getTranslation("agentdesk.form.note"));
		note.setMaxLength(CallLogDraft.MAX_NOTE);
		note.addThemeVariants(TextAreaVariant.LUMO_SMALL);
		note.setWidthFull();
		note.setHeight("5.5em");
		note.setValueChangeMode(ValueChangeMode.TIMEOUT);
		note.setValueChangeTimeout(400);
		note.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				changed();
			}
		});

		outcome.setId("desk-outcome");
		outcome.setLabel(getTranslation("agentdesk.form.outcome"));
		outcome.setItems(Outcome.values());
		outcome.setItemLabelGenerator(Outcome::label);
		outcome.addValueChangeListener(e -> {
			if (e.isFromClient()) {
				changed();
			}
		});
		close.setText(getTranslation("agentdesk.form.close"));
		close.setId("desk-close");
		close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		close.addClickListener(e -> requestClose());
		Span shortcuts = new Span(getTranslation("agentdesk.form.shortcuts"));
		shortcuts.setId("desk-shortcuts");
		shortcuts.getStyle().set("font-size", "var(--lumo-font-size-xxs)").set("line-height", "1.3")
				.set("color", "var(--lumo-secondary-text-color)");
		HorizontalLayout closeRow = new HorizontalLayout(close, shortcuts);
		closeRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		closeRow.setWidthFull();
		closeRow.expand(shortcuts);

		add(search, linkedRow, whoRow, manualRow, manualAnswer, note, outcome, closeRow);
		clear();
	}

	// ------------------------------------------------------------------ filling

	/** The categories an agent can pick (they change when a floor manager edits them). */
	void setCategories(List<InquiryCategory> selectable) {
		InquiryCategory chosen = category.getValue();
		category.setItems(selectable);
		if (chosen != null) {
			selectable.stream().filter(c -> c.id() == chosen.id()).findFirst().ifPresent(category::setValue);
		}
	}

	/** The answer-manual entries found for the manual search box. */
	void setManualEntries(List<ManualEntry> entries) {
		ManualEntry chosen = manualEntry.getValue();
		manualEntry.setItems(entries);
		if (chosen != null) {
			manualEntry.setValue(chosen);
		}
	}

	/**
	 * Shows an entry's draft. A closed entry is shown read-only.
	 *
	 * @param manual the draft's answer-manual entry, or null
	 */
	void edit(CallLogDraft draft, String subjectLabel, ManualEntry manual, boolean entryOpen) {
		open = entryOpen;
		subjectId = draft.subjectId();
		linked.setText(subjectLabel == null ? getTranslation("agentdesk.form.no-subject") : subjectLabel);
		callerKind.setValue(draft.callerKind());
		category.setValue(draft.categoryId() == null ? null : category.getListDataView().getItems()
				.filter(c -> c.id() == draft.categoryId()).findFirst().orElse(null));
		manualSearch.clear();
		manualEntry.setItems(manual == null ? List.of() : List.of(manual));
		manualEntry.setValue(manual);
		note.setValue(draft.note());
		outcome.setValue(draft.outcome());
		search.clear();
		setEnabledAll(entryOpen);
	}

	/** No entry on the desk. */
	void clear() {
		open = false;
		subjectId = null;
		linked.setText(getTranslation("agentdesk.form.no-subject"));
		callerKind.clear();
		category.clear();
		manualSearch.clear();
		manualEntry.clear();
		note.clear();
		outcome.clear();
		search.clear();
		setEnabledAll(false);
	}

	private void setEnabledAll(boolean enabled) {
		for (var c : List.of(search, unlink, callerKind, category, manualSearch, manualEntry, note, outcome, close)) {
			c.setEnabled(enabled);
		}
	}

	/** The label of the linked subject, once the view has it. */
	void showSubjectLabel(String label) {
		linked.setText(label);
	}

	// ------------------------------------------------------------------ the agent's actions

	/** Links a subject picked from the results; who called becomes 本人 unless chosen already. */
	void linkSubject(String addressNumber, String label) {
		if (!open) {
			return;
		}
		subjectId = addressNumber;
		linked.setText(label);
		if (callerKind.getValue() == null) {
			callerKind.setValue(CallerKind.SUBJECT);
		}
		search.clear();
		changed();
		category.focus();
	}

	/** Alt+1, Alt+2, Alt+3. */
	void chooseOutcome(Outcome chosen) {
		if (!open) {
			return;
		}
		outcome.setValue(chosen);
		changed();
	}

	/** 完了 or Ctrl+Enter. */
	void requestClose() {
		if (open) {
			fireEvent(new CloseEvent(this, draft()));
		}
	}

	void focusSearch() {
		search.focus();
	}

	void focusCategory() {
		category.focus();
	}

	void focusNote() {
		note.focus();
	}

	void focusManual() {
		manualSearch.focus();
	}

	boolean open() {
		return open;
	}

	/** What the form holds now. */
	CallLogDraft draft() {
		ManualEntry m = manualEntry.getValue();
		return new CallLogDraft(subjectId, callerKind.getValue(),
				category.getValue() == null ? null : category.getValue().id(), note.getValue(),
				m == null ? null : m.entryId(), m == null ? null : m.version(), outcome.getValue());
	}

	private void changed() {
		if (open) {
			fireEvent(new DraftChangedEvent(this, draft()));
		}
	}

	private void showAnswer(ManualEntry entry) {
		manualAnswer.setText(entry == null ? "" : entry.answer());
	}

	// ------------------------------------------------------------------ events

	Registration addDraftChangedListener(ComponentEventListener<DraftChangedEvent> listener) {
		return addListener(DraftChangedEvent.class, listener);
	}

	Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
		return addListener(CloseEvent.class, listener);
	}

	Registration addSearchKeyListener(ComponentEventListener<SearchKeyEvent> listener) {
		return addListener(SearchKeyEvent.class, listener);
	}

	Registration addManualSearchListener(ComponentEventListener<ManualSearchEvent> listener) {
		return addListener(ManualSearchEvent.class, listener);
	}

	/** The agent changed something: the whole draft as it stands. */
	static final class DraftChangedEvent extends ComponentEvent<CallLogForm> {
		private final CallLogDraft draft;

		DraftChangedEvent(CallLogForm source, CallLogDraft draft) {
			super(source, false);
			this.draft = draft;
		}

		CallLogDraft draft() {
			return draft;
		}
	}

	/** 完了: the draft to close the entry with. */
	static final class CloseEvent extends ComponentEvent<CallLogForm> {
		private final CallLogDraft draft;

		CloseEvent(CallLogForm source, CallLogDraft draft) {
			super(source, false);
			this.draft = draft;
		}

		CallLogDraft draft() {
			return draft;
		}
	}

	/** A key for the results list pressed in the search box, with the box's text at that moment. */
	static final class SearchKeyEvent extends ComponentEvent<CallLogForm> {
		private final String key;
		private final String text;

		SearchKeyEvent(CallLogForm source, String key, String text) {
			super(source, true);
			this.key = key;
			this.text = text == null ? "" : text;
		}

		String key() {
			return key;
		}

		String text() {
			return text;
		}
	}

	/** The agent typed in the answer-manual search box. */
	static final class ManualSearchEvent extends ComponentEvent<CallLogForm> {
		private final String text;

		ManualSearchEvent(CallLogForm source, String text) {
			super(source, false);
			this.text = text;
		}

		String text() {
			return text;
		}
	}
}
