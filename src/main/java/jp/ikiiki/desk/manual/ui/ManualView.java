package jp.ikiiki.desk.manual.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The answer manual during a call (第6章1(1)): type what the caller says (kana of any kind and width), see the
 * entries in force, open one. A blank box lists the most used entries.
 */
@Route("manual")
@PageTitle("応答マニュアル | いきいきデスク")
@Menu(order = 20, title = "応答マニュアル")
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER, Roles.CITY_STAFF })
class ManualView extends VerticalLayout {

	private final AnswerManual manual;
	private final ManualEditing editing;
	private final TextField search = new TextField();
	private final Grid<ManualEntry> results = new Grid<>(ManualEntry.class, false);
	private final VerticalLayout entry = new VerticalLayout();

	ManualView(AnswerManual manual, ManualEditing editing) {
		this.manual = manual;
		this.editing = editing;
		setSizeFull();
		add(new H2("応答マニュアル"));
		search.setId("manual-search");
		search.setPlaceholder("問合せの言葉で検索（ひらがな・カタカナ・半角カナ可、スペースで絞り込み）");
		search.setPrefixComponent(VaadinIcon.SEARCH.create());
		search.setClearButtonVisible(true);
		search.setWidthFull();
		search.setAutofocus(true);
		search.setValueChangeMode(ValueChangeMode.LAZY);
		search.addValueChangeListener(e -> runSearch());
		search.addKeyPressListener(Key.ENTER, e -> runSearch());
		add(search);

		results.setId("manual-results");
		results.addColumn(ManualEntry::category).setHeader("問合せ区分").setAutoWidth(true);
		results.addColumn(ManualEntry::question).setHeader("質問").setFlexGrow(1);
		results.addColumn(e -> "版" + e.version()).setHeader("版").setAutoWidth(true).setFlexGrow(0);
		results.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
		results.setSizeFull();
		entry.setId("manual-entry");
		entry.setWidth("36em");
		entry.setPadding(false);
		HorizontalLayout body = new HorizontalLayout(results, entry);
		body.setSizeFull();
		body.expand(results);
		add(body);
		expand(body);
		runSearch();
	}

	private void runSearch() {
		results.setItems(manual.search(search.getValue(), 50));
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
		editing.version(e.entryId(), e.version()).ifPresent(v -> meta.setText("No." + v.entryId() + " 版" + v.version()
				+ (v.agreedOn() == null ? "" : "（市合意 " + JapaneseDates.toEraKanji(v.agreedOn()) + "）")));
		meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
		entry.add(new Div(new Span(e.category() == null ? "" : e.category())), question, answer, meta);
	}
}
