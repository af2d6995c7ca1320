package jp.ikiiki.desk.printing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.PrintSamples;
import jp.ikiiki.desk.printing.UnprintableText;

/**
 * 外字判断 (第3章1): for a form and a selection of people (宛名番号, one per line), the fields that would print ・ ■ 〓 or
 * a character the form's font lacks; the operator records the city's decision per person and field — replace the
 * character, or print the kana form — and the list is checked again. Forms and fields are shown by their Japanese
 * names.
 */
@Route("printing/characters")
@Menu(order = 40, title = "外字判断")
@RolesAllowed("OPERATOR")
class CharacterDecisionView extends VerticalLayout implements HasDynamicTitle {

	private static final String CHANNEL = "画面:外字判断";

	/** What the operator records for a character. */
	enum Choice {
		REPLACE, KANA
	}

	private final PrintFiles printFiles;
	private final PrintSamples samples;
	private final CharacterDecisions decisions;

	private final ComboBox<String> form = new ComboBox<>();
	private final TextArea numbers = new TextArea();
	private final Span summary = new Span();
	private final Grid<Row> grid = new Grid<>(Row.class, false);
	private final RadioButtonGroup<Choice> kind = new RadioButtonGroup<>();
	private final TextField replacement = new TextField();
	private final Checkbox everyone = new Checkbox();
	private final TextField note = new TextField();

	/** One offending character of one field of one person. */
	record Row(String subjectId, String field, String text, String character) {
		String codePoints() {
			return character.codePoints().mapToObj(cp -> String.format("U+%04X", cp))
					.reduce((a, b) -> a + " " + b).orElse("");
		}
	}

	CharacterDecisionView(PrintFiles printFiles, PrintSamples samples, CharacterDecisions decisions) {
		this.printFiles = printFiles;
		this.samples = samples;
		this.decisions = decisions;
		setSizeFull();
		var heading = new H2(getTranslation("printing.characters.heading"));
		heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
		add(heading, new Paragraph(getTranslation("printing.characters.intro")));
		form.setId("characters-form");
		numbers.setId("characters-numbers");
		summary.setId("characters-summary");
		grid.setId("characters-grid");
		replacement.setId("characters-replacement");
		Map<String, String> titles = printFiles.formTitles();
		form.setLabel(getTranslation("printing.characters.form"));
		form.setItems(titles.keySet());
		form.setItemLabelGenerator(f -> titles.getOrDefault(f, f));
		form.setValue(titles.containsKey("cover-letter") ? "cover-letter" : titles.keySet().stream().findFirst().orElse(null));
		form.setWidth("22em");
		numbers.setLabel(getTranslation("printing.characters.numbers"));
		numbers.setWidth("24em");
		numbers.setHeight("7em");
		Button check = new Button(getTranslation("printing.characters.check"), e -> refresh());
		check.setId("characters-check");
		check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout top = new HorizontalLayout(form, numbers, check);
		top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
		add(top, summary);

		grid.addColumn(Row::subjectId).setHeader(getTranslation("printing.characters.col.subject"))
				.setComparator(Row::subjectId).setWidth("9rem").setFlexGrow(0);
		grid.addColumn(r -> PrintFields.label(r.field())).setHeader(getTranslation("printing.characters.col.field"))
				.setComparator(Comparator.comparing(r -> PrintFields.label(r.field()))).setWidth("9rem").setFlexGrow(0);
		grid.addColumn(Row::text).setHeader(getTranslation("printing.characters.col.text")).setFlexGrow(1);
		grid.addColumn(Row::character).setHeader(getTranslation("printing.characters.col.character"))
				.setComparator(Row::character).setWidth("4rem").setFlexGrow(0);
		grid.addColumn(Row::codePoints).setHeader(getTranslation("printing.characters.col.code")).setWidth("9rem")
				.setFlexGrow(0);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.setEmptyStateText(getTranslation("printing.characters.empty"));
		grid.setSizeFull();
		add(grid);
		setFlexGrow(1, grid);

		kind.setLabel(getTranslation("printing.characters.decision"));
		kind.setItems(Choice.values());
		kind.setItemLabelGenerator(c -> c == Choice.REPLACE ? getTranslation("printing.characters.replace")
				: getTranslation("printing.characters.kana"));
		kind.setValue(Choice.REPLACE);
		kind.addValueChangeListener(e -> replacement.setEnabled(e.getValue() == Choice.REPLACE));
		replacement.setLabel(getTranslation("printing.characters.replacement"));
		everyone.setLabel(getTranslation("printing.characters.everyone"));
		note.setLabel(getTranslation("printing.characters.note"));
		Button record = new Button(getTranslation("printing.characters.record"), e -> record());
		record.setId("characters-record");
		HorizontalLayout decide = new HorizontalLayout(kind, replacement, everyone, note, record);
		decide.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
		add(decide);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("printing.characters.page-title");
	}

	private List<String> selection() {
		return Arrays.stream(numbers.getValue().split("[\\s,、]+")).filter(s -> !s.isBlank()).distinct().toList();
	}

	private void refresh() {
		if (form.getValue() == null) {
			Notices.error(getTranslation("printing.characters.choose-form"));
			return;
		}
		List<PrintItem> items = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		boolean read = Notices.attempt(() -> {
			for (String n : selection()) {
				Optional<PrintItem> item = samples.item(n, Map.of(), CHANNEL);
				item.ifPresentOrElse(items::add, () -> unknown.add(n));
			}
		}, null);
		if (!read) {
			return;
		}
		List<Row> rows = new ArrayList<>();
		for (UnprintableText u : printFiles.undecided(form.getValue(), items)) {
			for (String c : u.characters()) {
				rows.add(new Row(u.subjectId(), u.field(), u.text(), c));
			}
		}
		grid.setItems(rows);
		summary.setText(getTranslation("printing.characters.summary", items.size(), rows.size())
				+ (unknown.isEmpty() ? "" : getTranslation("printing.characters.unknown", String.join(", ", unknown))));
	}

	private void record() {
		Row row = grid.asSingleSelect().getValue();
		if (row == null) {
			Notices.error(getTranslation("printing.characters.choose-row"));
			return;
		}
		String subject = everyone.getValue() ? null : row.subjectId();
		CharacterDecision d = kind.getValue() == Choice.KANA
				? CharacterDecision.kana(subject, row.field(), note.getValue())
				: CharacterDecision.replace(subject, everyone.getValue() ? "*" : row.field(), row.character(),
						replacement.getValue(), note.getValue());
		if (Notices.attempt(() -> decisions.record(d, CHANNEL), getTranslation("printing.characters.recorded"))) {
			replacement.clear();
			refresh();
		}
	}
}
