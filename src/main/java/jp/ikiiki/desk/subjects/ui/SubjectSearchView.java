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
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.subjects.SubjectListFiles;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectSearch;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * The agents' look-up: one search box that takes whatever the caller gives (a scanned or typed 申請書管理番号, a
 * 宛名番号, a kana name, a birth date, part of the name or address), plus separate fields. Enter searches; a click or
 * Enter on a row opens the subject. UI-scoped so the results are still there when the agent comes back from a
 * subject.
 * <p>
 * A search returns at most {@link SubjectLookup#MAX_LIMIT} subjects in kana order, said with their count (and that
 * the list stops there, when it does: the agent narrows the search rather than scrolls). Those rows sort on every
 * column; floor managers, operators and city staff may take them away as CSV or XLSX (audited).
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
	private final SubjectListFiles files;
	private final TextField search = new TextField();
	private final TextField managementNumber = new TextField();
	private final TextField addressNumber = new TextField();
	private final TextField kana = new TextField();
	private final TextField kanji = new TextField();
	private final TextField birthDate = new TextField();
	private final TextField address = new TextField();
	private final Span message = new Span();
	private final Span count = new Span();
	private final Grid<SubjectSummary> grid = new Grid<>(SubjectSummary.class, false);
	private final HorizontalLayout exports = new HorizontalLayout();
	private List<SubjectSummary> results = List.of();
	private SubjectSummary focused;

	SubjectSearchView(SubjectLookup lookup, SubjectListFiles files) {
		this.lookup = lookup;
		this.files = files;
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
		count.setId("search-count");
		count.getStyle().set("font-weight", "600");
		exports.setId("search-exports");
		exports.setVisible(false);
		if (mayExport()) {
			var csv = ImportResultPanel.link(getTranslation("subjects.search.export-csv"),
					() -> files.searchResults(results, false, CHANNEL));
			csv.setId("search-export-csv");
			var xlsx = ImportResultPanel.link(getTranslation("subjects.search.export-xlsx"),
					() -> files.searchResults(results, true, CHANNEL));
			xlsx.setId("search-export-xlsx");
			exports.add(csv, xlsx);
		}
		var status = new HorizontalLayout(count, message, exports);
		status.setWidthFull();
		status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		status.expand(message);

		configureGrid();
		add(bar, criteria, status, grid);
		expand(grid);
	}

	/** Whether the signed-in person may take result lists away (not a pure agent). */
	private static boolean mayExport() {
		return CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.FLOOR_MANAGER)
				|| CurrentUser.hasRole(Roles.CITY_STAFF);
	}

	private void field(TextField field, String id, String labelKey) {
		field.setId(id);
		field.setLabel(getTranslation(labelKey));
		field.setClearButtonVisible(true);
	}

	private void configureGrid() {
		grid.setId("subject-grid");
		grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
		grid.addColumn(LitRenderer.<SubjectSummary>of(
				"<span data-testid=\"subject-row\" data-address-number=\"${item.addressNumber}\">${item.addressNumber}</span>")
				.withProperty("addressNumber", SubjectSummary::addressNumber))
				.setHeader(getTranslation("subjects.grid.address-number")).setAutoWidth(true).setFlexGrow(0)
				.setComparator(SubjectSummary::addressNumber).setSortable(true);
		grid.addColumn(s -> s.managementNumber() == null ? "" : s.managementNumber())
				.setHeader(getTranslation("subjects.grid.management-number")).setAutoWidth(true).setFlexGrow(0)
				.setSortable(true);
		grid.addColumn(LitRenderer.<SubjectSummary>of(
				"${item.kana}<span ?hidden=\"${!item.ended}\" data-testid=\"subject-ended\" theme=\"badge contrast small\" style=\"margin-left:.5em\">${item.endedLabel}</span>")
				.withProperty("kana", SubjectSummary::nameKana)
				.withProperty("ended", SubjectSummary::ended)
				.withProperty("endedLabel", s -> getTranslation("subjects.ended")))
				.setHeader(getTranslation("subjects.grid.name-kana")).setAutoWidth(true)
				.setComparator(s -> Kana.searchKey(s.nameKana())).setSortable(true);
		grid.addColumn(SubjectSummary::nameKanji).setHeader(getTranslation("subjects.grid.name-kanji")).setAutoWidth(true)
				.setSortable(true);
		grid.addColumn(s -> JapaneseDates.toWestern(s.birthDate()) + "（" + JapaneseDates.toEraKanji(s.birthDate()) + "）")
				.setHeader(getTranslation("subjects.grid.birth-date")).setAutoWidth(true).setFlexGrow(0)
				.setComparator(SubjectSummary::birthDate).setSortable(true);
		grid.addColumn(s -> s.wardName() == null ? "" : s.wardName())
				.setHeader(getTranslation("subjects.grid.ward")).setAutoWidth(true).setFlexGrow(0)
				.setComparator(s -> s.wardCode() == null ? 0 : s.wardCode()).setSortable(true);
		grid.addColumn(SubjectSummary::address).setHeader(getTranslation("subjects.grid.address")).setFlexGrow(1)
				.setSortable(true);
		grid.setEmptyStateText(getTranslation("subjects.search.empty-state"));
		grid.addItemClickListener(e -> open(e.getItem()));
		grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
		Shortcuts.addShortcutListener(grid, () -> open(focused), Key.ENTER).listenOn(grid);
	}

	private void runSearch() {
		var input = new SubjectSearch(search.getValue(), managementNumber.getValue(), addressNumber.getValue(),
				kana.getValue(), kanji.getValue(), birthDate.getValue(), address.getValue());
		if (input.isBlank()) {
			showResults(List.of());
			show(getTranslation("subjects.search.empty"));
			return;
		}
		try {
			showResults(lookup.search(input, 0, SubjectLookup.MAX_LIMIT, CHANNEL));
		} catch (DomainException e) {
			// A search that cannot be read: say why next to the box (the look-up has audited it).
			showResults(List.of());
			grid.setEmptyStateText(getTranslation("subjects.search.refused"));
			show(e.reason());
			message.getStyle().set("color", "var(--lumo-error-text-color)");
			return;
		}
		if (results.isEmpty()) {
			show(getTranslation("subjects.search.none"));
		} else if (results.size() >= SubjectLookup.MAX_LIMIT) {
			show(getTranslation("subjects.search.count-more", SubjectLookup.MAX_LIMIT));
		} else {
			show(getTranslation("subjects.search.hint"));
		}
	}

	private void showResults(List<SubjectSummary> rows) {
		results = List.copyOf(rows);
		grid.setItems(results);
		count.setText(rows.isEmpty() ? "" : getTranslation("subjects.search.count", rows.size()));
		exports.setVisible(!rows.isEmpty());
		grid.setEmptyStateText(getTranslation("subjects.search.none"));
	}

	private void clear() {
		List.of(search, managementNumber, addressNumber, kana, kanji, birthDate, address).forEach(TextField::clear);
		showResults(List.of());
		grid.setEmptyStateText(getTranslation("subjects.search.empty-state"));
		show("");
		search.focus();
	}

	private void open(SubjectSummary subject) {
		if (subject != null) {
			getUI().ifPresent(ui -> ui.navigate(SubjectView.class, new RouteParameters("addressNumber", subject.addressNumber())));
		}
	}

	private void show(String text) {
		message.getStyle().set("color", "var(--lumo-secondary-text-color)");
		message.setText(text);
	}
}
