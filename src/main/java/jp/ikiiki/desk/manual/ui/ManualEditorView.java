package jp.ikiiki.desk.manual.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.EntryOverview;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.manual.ManualEditing.ManualVersion;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.platform.ui.JapaneseDateField;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Versions;

/**
 * The floor managers' editor (第6章1(2)) in two panes that use the whole screen: on the left every entry (filter,
 * sortable columns, the count, the whole question under a row when it is opened), on the right the entry being
 * edited and, in a second tab, its version history (who, when, why, the city's agreement). Saving writes a new
 * version, in force at once when the city's agreement (date and who) is filled in, else a draft that comes into
 * force when the agreement is recorded. Retiring (廃止) asks first and says what it does.
 */
@Route("manual/edit")
@PageTitle("応答マニュアル編集 | いきいきデスク")
@Menu(order = 21, title = "応答マニュアル編集")
@RolesAllowed(Roles.FLOOR_MANAGER)
class ManualEditorView extends VerticalLayout {

	static final String CHANNEL = "画面:応答マニュアル編集";

	private final ManualEditing editing;
	private final TextField filter = new TextField();
	private final Checkbox showRetired = new Checkbox();
	private final Span listed = new Span();
	private final Grid<EntryOverview> entries = new Grid<>(EntryOverview.class, false);
	private final Grid<ManualVersion> history = new Grid<>(ManualVersion.class, false);
	private final TabSheet tabs = new TabSheet();
	private final Tab historyTab;
	private final TextField category = new TextField();
	private final TextArea question = new TextArea();
	private final TextArea answer = new TextArea();
	private final TextField keywords = new TextField();
	private final TextField note = new TextField();
	private final DatePicker agreedOn = new DatePicker();
	private final TextField agreedBy = new TextField();
	private final Span editingLabel = new Span();
	private final Button retire = new Button();
	private List<EntryOverview> all = List.of();
	private EntryOverview current;

	ManualEditorView(ManualEditing editing) {
		this.editing = editing;
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("manual.editor.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		add(title);

		filter.setId("manual-filter");
		filter.setPlaceholder(getTranslation("manual.editor.filter"));
		filter.setPrefixComponent(VaadinIcon.SEARCH.create());
		filter.setClearButtonVisible(true);
		filter.setValueChangeMode(ValueChangeMode.LAZY);
		filter.addValueChangeListener(e -> showList());
		filter.setWidth("12rem");
		showRetired.setId("manual-show-retired");
		showRetired.setLabel(getTranslation("manual.editor.show-retired"));
		showRetired.addValueChangeListener(e -> showList());
		listed.setId("manual-entry-count");
		listed.getStyle().set("font-size", "var(--lumo-font-size-s)");
		HorizontalLayout listBar = new HorizontalLayout(filter, showRetired, listed);
		listBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		listBar.getStyle().set("flex-wrap", "wrap").set("row-gap", "0");
		showRetired.getStyle().set("white-space", "nowrap");

		entries.setId("manual-entries");
		entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		entries.addColumn(EntryOverview::entryId).setHeader(getTranslation("manual.editor.grid.no")).setWidth("3.5rem")
				.setFlexGrow(0).setSortable(true);
		entries.addColumn(e -> e.category() == null ? "" : e.category()).setHeader(getTranslation("manual.grid.category"))
				.setWidth("7.5rem").setFlexGrow(0).setSortable(true).setResizable(true);
		entries.addColumn(EntryOverview::question).setHeader(getTranslation("manual.grid.question")).setFlexGrow(1)
				.setSortable(true).setResizable(true);
		entries.addColumn(this::stateOf).setHeader(getTranslation("manual.editor.grid.state")).setWidth("8.5rem")
				.setFlexGrow(0).setSortable(true);
		entries.setItemDetailsRenderer(new ComponentRenderer<>(e -> {
			Span whole = new Span(getTranslation("manual.editor.detail", e.question(), e.reads(),
					e.lastEditedAt() == null ? "" : JapaneseDates.toWesternDateTime(e.lastEditedAt())));
			whole.addClassName("manual-entry-detail");
			whole.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
			return whole;
		}));
		entries.setDetailsVisibleOnClick(false);
		entries.setEmptyStateText(getTranslation("manual.editor.none-yet"));
		entries.addSelectionListener(e -> {
			if (current != null) {
				entries.setDetailsVisible(current, false);
			}
			e.getFirstSelectedItem().ifPresent(item -> entries.setDetailsVisible(item, true));
			select(e.getFirstSelectedItem().orElse(null));
		});
		entries.setSizeFull();
		VerticalLayout listPane = new VerticalLayout(listBar, entries);
		listPane.setPadding(false);
		listPane.setSpacing(false);
		listPane.getStyle().set("gap", "var(--lumo-space-xs)");
		listPane.setHeightFull();
		listPane.setWidth("50%");
		listPane.getStyle().set("flex-shrink", "0");

		category.setLabel(getTranslation("manual.editor.category"));
		category.setId("manual-category");
		keywords.setLabel(getTranslation("manual.editor.keywords"));
		keywords.setId("manual-keywords");
		question.setLabel(getTranslation("manual.editor.question"));
		question.setId("manual-question");
		question.setMaxHeight("6em");
		answer.setLabel(getTranslation("manual.editor.answer"));
		answer.setId("manual-answer");
		answer.setMinHeight("6em");
		answer.setMaxHeight("12em");
		note.setLabel(getTranslation("manual.editor.note"));
		note.setId("manual-note");
		agreedOn.setLabel(getTranslation("manual.editor.agreed-on"));
		agreedOn.setId("manual-agreed-on");
		JapaneseDateField.japanese(agreedOn);
		agreedOn.setMax(java.time.LocalDate.now(JapanTime.ZONE));
		agreedBy.setLabel(getTranslation("manual.editor.agreed-by"));
		agreedBy.setId("manual-agreed-by");
		editingLabel.setId("manual-editing");
		editingLabel.getStyle().set("font-weight", "bold");
		FormLayout form = new FormLayout(category, keywords, question, answer, note, agreedOn, agreedBy);
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
		form.setColspan(question, 2);
		form.setColspan(answer, 2);
		form.setColspan(note, 2);
		Button save = new Button(getTranslation("manual.editor.save"), e -> save());
		save.setId("manual-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button agree = new Button(getTranslation("manual.editor.agree"), e -> agree());
		agree.setId("manual-agree");
		agree.setTooltipText(getTranslation("manual.editor.agree-help"));
		Button newEntry = new Button(getTranslation("manual.editor.new"), e -> {
			entries.deselectAll();
			select(null);
		});
		newEntry.setId("manual-new");
		retire.setId("manual-retire");
		retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
		retire.addClickListener(e -> confirmRetire());
		HorizontalLayout actions = new HorizontalLayout(save, agree, newEntry, retire);
		actions.getStyle().set("flex-wrap", "wrap");
		VerticalLayout editor = new VerticalLayout(editingLabel, form, actions);
		editor.setPadding(false);
		editor.setSpacing(false);
		editor.getStyle().set("gap", "var(--lumo-space-xs)").set("overflow", "auto");
		editor.setHeightFull();

		history.setId("manual-history");
		history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		history.addColumn(v -> Versions.label(v.version())).setHeader(getTranslation("manual.history.version"))
				.setWidth("4.5rem").setFlexGrow(0);
		history.addColumn(v -> v.state().label()).setHeader(getTranslation("manual.history.state")).setWidth("8rem")
				.setFlexGrow(0);
		history.addColumn(v -> JapaneseDates.toWesternDateTimeWithWeekday(v.editedAt()) + " " + v.editedBy())
				.setHeader(getTranslation("manual.history.edited")).setFlexGrow(1).setTooltipGenerator(
						v -> JapaneseDates.toWesternDateTimeWithWeekday(v.editedAt()) + " " + v.editedBy());
		history.addColumn(v -> v.agreedOn() == null ? "" : getTranslation("manual.history.agreement",
				JapaneseDates.toEraKanji(v.agreedOn()), v.agreedBy(), v.agreementRecordedBy()))
				.setHeader(getTranslation("manual.history.agreed")).setFlexGrow(1);
		history.getStyle().set("font-size", "var(--lumo-font-size-s)");
		history.setItemDetailsRenderer(new ComponentRenderer<>(v -> {
			Span text = new Span(getTranslation("manual.history.detail", v.question(), v.answer(),
					v.note() == null ? "—" : v.note()));
			text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
			return text;
		}));
		history.setEmptyStateText(getTranslation("manual.history.none"));
		history.setSizeFull();

		tabs.setId("manual-tabs");
		tabs.add(getTranslation("manual.editor.tab.edit"), editor);
		historyTab = tabs.add(getTranslation("manual.editor.tab.history"), history);
		historyTab.setId("manual-tab-history");
		tabs.setSizeFull();

		HorizontalLayout body = new HorizontalLayout(listPane, tabs);
		body.setSizeFull();
		body.setFlexGrow(1, tabs);
		body.getStyle().set("min-height", "0");
		add(body);
		expand(body);
		refresh();
		select(null);
	}

	private String stateOf(EntryOverview e) {
		if (e.retired()) {
			return getTranslation("manual.editor.state.retired");
		}
		String inForce = e.inForceVersion() == null ? getTranslation("manual.editor.state.none-in-force")
				: getTranslation("manual.editor.state.in-force", Versions.label(e.inForceVersion()));
		return e.draftPending()
				? getTranslation("manual.editor.state.pending", inForce, Versions.label(e.newestVersion()))
				: inForce;
	}

	private void refresh() {
		all = editing.entries();
		showList();
	}

	private void showList() {
		String f = filter.getValue() == null ? "" : filter.getValue().strip();
		List<EntryOverview> shown = all.stream().filter(e -> showRetired.getValue() || !e.retired())
				.filter(e -> f.isEmpty() || (e.question() + " " + (e.category() == null ? "" : e.category())).contains(f))
				.toList();
		entries.setItems(shown);
		listed.setText(getTranslation("manual.editor.count", shown.size(), all.size()));
		entries.setEmptyStateText(getTranslation(all.isEmpty() ? "manual.editor.none-yet" : "manual.editor.none-match"));
	}

	private void select(EntryOverview entry) {
		current = entry;
		agreedOn.clear();
		agreedBy.clear();
		note.clear();
		if (entry == null) {
			editingLabel.setText(getTranslation("manual.editor.editing-new", Versions.label(1)));
			category.clear();
			question.clear();
			answer.clear();
			keywords.clear();
			history.setItems(List.of());
			historyTab.setLabel(getTranslation("manual.editor.tab.history"));
			retire.setVisible(false);
			return;
		}
		List<ManualVersion> versions = editing.history(entry.entryId());
		ManualVersion newest = versions.get(0);
		editingLabel.setText(entry.retired()
				? getTranslation("manual.editor.editing-retired", entry.entryId(), Versions.label(newest.version()))
				: getTranslation("manual.editor.editing", entry.entryId(), Versions.label(newest.version()),
						newest.state().label()));
		category.setValue(newest.category() == null ? "" : newest.category());
		question.setValue(newest.question());
		answer.setValue(newest.answer());
		keywords.setValue(newest.keywords() == null ? "" : newest.keywords());
		history.setItems(versions);
		historyTab.setLabel(getTranslation("manual.editor.tab.history-count", versions.size()));
		retire.setVisible(true);
		retire.setText(getTranslation(entry.retired() ? "manual.editor.restore" : "manual.editor.retire"));
	}

	private CityAgreement agreement() {
		if (agreedOn.getValue() == null && agreedBy.getValue().isBlank()) {
			return null;
		}
		return new CityAgreement(agreedOn.getValue(), agreedBy.getValue());
	}

	private void save() {
		var draft = new ManualDraft(category.getValue(), question.getValue(), answer.getValue(), keywords.getValue(),
				note.getValue());
		EntryOverview basedOn = current;
		Notices.attempt(() -> basedOn == null ? editing.create(draft, agreement(), CHANNEL)
				: editing.edit(basedOn.entryId(), basedOn.newestVersion(), draft, agreement(), CHANNEL))
				.ifPresent(saved -> done(getTranslation("manual.editor.saved", saved.entryId(),
						Versions.label(saved.version()),
						saved.state().label()), saved.entryId()));
	}

	private void agree() {
		if (current == null) {
			Notices.error(getTranslation("manual.editor.choose"));
			return;
		}
		CityAgreement agreement = agreement();
		if (agreement == null) {
			Notices.error(getTranslation("manual.editor.agreement-missing"));
			return;
		}
		EntryOverview entry = current;
		Notices.attempt(() -> editing.recordAgreement(entry.entryId(), entry.newestVersion(), agreement, CHANNEL))
				.ifPresent(v -> done(getTranslation("manual.editor.applied", v.entryId(), Versions.label(v.version())),
						v.entryId()));
	}

	/** 廃止 (or 再開): the consequence is said before anything happens; the city's agreement is required. */
	private void confirmRetire() {
		if (current == null) {
			return;
		}
		EntryOverview entry = current;
		CityAgreement agreement = agreement();
		if (agreement == null) {
			Notices.error(getTranslation(entry.retired() ? "manual.editor.restore-agreement" : "manual.editor.retire-agreement"));
			agreedOn.focus();
			return;
		}
		ConfirmDialog ask = new ConfirmDialog();
		ask.setId("manual-retire-confirm");
		ask.setCancelable(true);
		ask.setCancelText(getTranslation("manual.editor.retire-cancel"));
		if (entry.retired()) {
			ask.setHeader(getTranslation("manual.editor.restore-title", entry.entryId()));
			ask.setText(getTranslation("manual.editor.restore-text", entry.question()));
			ask.setConfirmText(getTranslation("manual.editor.restore"));
			ask.addConfirmListener(e -> Notices.attempt(() -> editing.restore(entry.entryId(), agreement, CHANNEL))
					.ifPresent(o -> done(getTranslation("manual.editor.restored", o.entryId()), o.entryId())));
		} else {
			TextField reason = new TextField(getTranslation("manual.editor.retire-reason"));
			reason.setId("manual-retire-reason");
			reason.setWidthFull();
			VerticalLayout text = new VerticalLayout(new Span(getTranslation("manual.editor.retire-text", entry.question(),
					entry.inForceVersion() == null ? "—" : Versions.label(entry.inForceVersion()))), reason);
			text.setPadding(false);
			ask.setHeader(getTranslation("manual.editor.retire-title", entry.entryId()));
			ask.setText(text);
			ask.setConfirmText(getTranslation("manual.editor.retire"));
			ask.setConfirmButtonTheme("error primary");
			ask.addConfirmListener(e -> Notices.attempt(() -> editing.retire(entry.entryId(), agreement, reason.getValue(),
					CHANNEL)).ifPresent(o -> {
						showRetired.setValue(true);
						done(getTranslation("manual.editor.retired", o.entryId()), o.entryId());
					}));
		}
		ask.open();
	}

	private void done(String message, long entryId) {
		Notices.success(message);
		refresh();
		all.stream().filter(e -> e.entryId() == entryId).findFirst().ifPresent(e -> {
			entries.select(e);
			select(e);
		});
	}
}
