package jp.ikiiki.desk.subjects.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * The agents' look-up (issue 2 point 5): one search box that takes whatever the caller gives (a scanned or typed
 * 申請書管理番号, a 宛名番号, a kana name, a birth date, part of the name or address), plus separate fields. Enter
 * searches; a click or Enter on a row opens the subject. UI-scoped so the results are still there when the agent
 * comes back from a subject.
 */
@Route("subjects")
@PageTitle("対象者検索 | いきいきデスク")
@Menu(title = "対象者検索", order = 10)
@RolesAllowed({ Roles.AGENT, Roles.FLOOR_MANAGER, Roles.OPERATOR, Roles.CITY_STAFF })
@SpringComponent
@UIScope
class SubjectSearchView extends VerticalLayout {

	static final String CHANNEL = "画面:対象者検索";

	private final SubjectLookup lookup;
	private final TextField search = new TextField();
	private final TextField managementNumber = new TextField();
	private final TextField addressNumber = new TextField();
	private final TextField kana = new TextField();
	private final TextField kanji = new TextField();
	private final TextField birthDate = new TextField();
	private final TextField address = new TextField();
	private final Span message = new Span();
	private final Grid<SubjectSummary> grid = new Grid<>(SubjectSummary.class, false);
	private SubjectSummary focused;

	SubjectSearchView(SubjectLookup lookup) {
		this.lookup = lookup;
		setSizeFull();
		add(new H2(getTranslation("subjects.search.title")));

		search.setId("search-field");
		search.setAriaLabel(getTranslation("subjects.search.field"));
		search.setPlaceholder(getTranslation("subjects.search.placeholder"));
		search.setPrefixComponent(VaadinIcon.SEARCH.create());
		search.setClearButtonVisible(true);
		search.setAutofocus(true);
		search.setWidthFull();
		var searchButton = new Button(getTranslation("subjects.search.button"), e -> runSearch());
		searchButton.setId("search-button");
		searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var clear = new Button(getTranslation("subjects.search.clear"), e -> clear());
		clear.setId("search-clear");
		var bar = new HorizontalLayout(search, searchButton, clear);
		bar.setWidthFull();
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.expand(search);

		field(managementNumber, "criteria-management-number", "subjects.search.management-number");
		field(addressNumber, "criteria-address-number", "subjects.search.address-number");
		field(kana, "criteria-kana", "subjects.search.kana");
		field(kanji, "criteria-kanji", "subjects.search.kanji");
		field(birthDate, "criteria-birth-date", "subjects.search.birth-date");
		field(address, "criteria-address", "subjects.search.address");
		var criteriaForm = new FormLayout(managementNumber, addressNumber, kana, kanji, birthDate, address);
		criteriaForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
		var criteria = new Details(getTranslation("subjects.search.criteria"), criteriaForm);
		criteria.setId("search-criteria");
		criteria.setWidthFull();

		// Enter in any field searches. The focused field is blurred and refocused first so that its value
		// (ON_CHANGE mode) reaches the server before the search runs: a scanner types and sends Enter at once.
		Shortcuts.addShortcutListener(this, this::runSearch, Key.ENTER)
				.listenOn(search, managementNumber, addressNumber, kana, kanji, birthDate, address)
				.resetFocusOnActiveElement();

		message.setId("search-message");
		message.getStyle().set("color", "var(--lumo-secondary-text-color)");

		configureGrid();
		add(bar, criteria, message, grid);
		expand(grid);
	}

	private void field(TextField field, String id, String labelKey) {
		field.setId(id);
		field.setLabel(getTranslation(labelKey));
		field.setClearButtonVisible(true);
	}

	private void configureGrid() {
		grid.setId("subject-grid");
		grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		grid.setPageSize(50);
		grid.addColumn(LitRenderer.<SubjectSummary>of(
				"<span data-testid=\"subject-row\" data-address-number=\"${item.addressNumber}\">${item.addressNumber}</span>")
				.withProperty("addressNumber", SubjectSummary::addressNumber))
				.setHeader(getTranslation("subjects.grid.address-number")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(s -> s.managementNumber() == null ? "" : s.managementNumber())
				.setHeader(getTranslation("subjects.grid.management-number")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(LitRenderer.<SubjectSummary>of(
				"${item.kana}<span ?hidden=\"${!item.ended}\" data-testid=\"subject-ended\" theme=\"badge contrast small\" style=\"margin-left:.5em\">${item.endedLabel}</span>")
				.withProperty("kana", SubjectSummary::nameKana)
				.withProperty("ended", SubjectSummary::ended)
				.withProperty("endedLabel", s -> getTranslation("subjects.ended")))
				.setHeader(getTranslation("subjects.grid.name-kana")).setAutoWidth(true);
		grid.addColumn(SubjectSummary::nameKanji).setHeader(getTranslation("subjects.grid.name-kanji")).setAutoWidth(true);
		grid.addColumn(s -> JapaneseDates.toWestern(s.birthDate()) + "（" + JapaneseDates.toEraKanji(s.birthDate()) + "）")
				.setHeader(getTranslation("subjects.grid.birth-date")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(s -> s.wardName() == null ? "" : s.wardName())
				.setHeader(getTranslation("subjects.grid.ward")).setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(SubjectSummary::address).setHeader(getTranslation("subjects.grid.address")).setFlexGrow(1);
		grid.addItemClickListener(e -> open(e.getItem()));
		grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
		Shortcuts.addShortcutListener(grid, () -> open(focused), Key.ENTER).listenOn(grid);
	}

	private void runSearch() {
		SubjectQuery query;
		try {
			query = SubjectQuery.parse(search.getValue()).and(SubjectQuery.ofFields(managementNumber.getValue(),
					addressNumber.getValue(), kana.getValue(), kanji.getValue(), birthDate.getValue(), address.getValue()));
		} catch (IllegalArgumentException e) {
			show(e.getMessage());
			return;
		}
		if (query.isEmpty()) {
			show(getTranslation("subjects.search.empty"));
			return;
		}
		show(getTranslation("subjects.search.hint"));
		grid.setItems(page -> {
			List<SubjectSummary> rows = lookup.search(query, page.getOffset(), page.getLimit(), CHANNEL);
			if (page.getOffset() == 0 && rows.isEmpty()) {
				show(getTranslation("subjects.search.none"));
			}
			return rows.stream();
		});
	}

	private void clear() {
		List.of(search, managementNumber, addressNumber, kana, kanji, birthDate, address).forEach(TextField::clear);
		grid.setItems(List.of());
		show("");
		search.focus();
	}

	private void open(SubjectSummary subject) {
		if (subject != null) {
			getUI().ifPresent(ui -> ui.navigate(SubjectView.class, new RouteParameters("addressNumber", subject.addressNumber())));
		}
	}

	private void show(String text) {
		message.setText(text);
	}
}
