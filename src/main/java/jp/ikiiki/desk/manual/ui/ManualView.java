package jp.ikiiki.desk.manual.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Versions;

/**
 * The answer manual during a call (第6章1(1)): type what the caller says (kana of any kind and width), see the
 * entries in force with how many were found, open one. A blank box lists the most used entries.
 */
@Route("manual")
@PageTitle("応答マニュアル | いきいきデスク")
@Menu(order = 20, title = "応答マニュアル")
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER, Roles.CITY_STAFF })
class ManualView extends VerticalLayout {

	/** Entries one search lists. */
	static final int RESULTS = 50;

	private final AnswerManual manual;
	private final ManualEditing editing;
	private final TextField search = new TextField();
	private final Span listed = new Span();
	private final Grid<ManualEntry> results = new Grid<>(ManualEntry.class, false);
	private final VerticalLayout entry = new VerticalLayout();

	ManualView(AnswerManual manual, ManualEditing editing) {
		this.manual = manual;
		this.editing = editing;
		setSizeFull();
		setSpacing(false);
		getStyle().set("gap", "var(--lumo-space-s)");
		H2 title = new H2(getTranslation("manual.search.title"));
		title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
		add(title);
		search.setId("manual-search");
		search.setPlaceholder(getTranslation("manual.search.placeholder"));
		search.setPrefixComponent(VaadinIcon.SEARCH.create());
		search.setClearButtonVisible(true);
		search.setAutofocus(true);
		search.setValueChangeMode(ValueChangeMode.LAZY);
		search.addValueChangeListener(e -> runSearch());
		search.addKeyPressListener(Key.ENTER, e -> runSearch());
		listed.setId("manual-result-count");
		listed.getStyle().set("white-space", "nowrap").set("font-size", "var(--lumo-font-size-s)");
		HorizontalLayout bar = new HorizontalLayout(search, listed);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		bar.setWidthFull();
		bar.expand(search);
		add(bar);

		results.setId("manual-results");
		results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		results.addColumn(e -> e.category() == null ? "" : e.category()).setHeader(getTranslation("manual.grid.category"))
				.setAutoWidth(true).setSortable(true);
		results.addColumn(ManualEntry::question).setHeader(getTranslation("manual.grid.question")).setFlexGrow(1)
				.setTooltipGenerator(ManualEntry::question);
		results.addColumn(e -> Versions.label(e.version())).setHeader(getTranslation("manual.grid.version"))
				.setAutoWidth(true).setFlexGrow(0);
		results.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
		results.setSizeFull();
		entry.setId("manual-entry");
		entry.setWidth("34rem");
		entry.setPadding(false);
		entry.getStyle().set("overflow", "auto");
		entry.add(new Span(getTranslation("manual.search.choose")));
		HorizontalLayout body = new HorizontalLayout(results, entry);
		body.setSizeFull();
		body.setFlexGrow(1, results);
		body.getStyle().set("min-height", "0");
		add(body);
		expand(body);
		runSearch();
	}

	private void runSearch() {
		String text = search.getValue();
		List<ManualEntry> found = manual.search(text, RESULTS);
		results.setItems(found);
		boolean blank = text == null || text.isBlank();
		listed.setText(blank ? getTranslation("manual.search.most-read", found.size())
				: found.size() >= RESULTS ? getTranslation("manual.search.more", RESULTS)
				: getTranslation("manual.search.count", found.size()));
		results.setEmptyStateText(getTranslation(blank ? "manual.search.none-yet" : "manual.search.none"));
	}

	private void open(ManualEntry selected) {
		entry.removeAll();
		ManualEntry e = manual.entry(selected.entryId(), selected.version()).orElse(selected);
		H3 question = new H3(e.question());
		question.setId("manual-entry-question");
		Paragraph answer = new Paragraph(e.answer());
		answer.setId("manual-entry-answer");
		answer.getStyle().set("white-space", "pre-wrap");
		Span meta = new Span();
		meta.setId("manual-entry-version");
		editing.version(e.entryId(), e.version()).ifPresent(v -> meta.setText(v.agreedOn() == null
				? getTranslation("manual.search.meta", v.entryId(), Versions.label(v.version()))
				: getTranslation("manual.search.meta-agreed", v.entryId(), Versions.label(v.version()),
						JapaneseDates.toEraKanji(v.agreedOn()))));
		meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
		entry.add(new Div(new Span(e.category() == null ? "" : e.category())), question, answer, meta);
	}
}
