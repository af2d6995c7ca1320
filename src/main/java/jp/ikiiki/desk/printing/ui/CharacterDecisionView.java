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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.PrintSamples;
import jp.ikiiki.desk.printing.UnprintableText;

/**
 * 外字判断 (第3章1): for a form and a selection of people (宛名番号, one per line), the fields that would print ・ ■ 〓 or
 * a character the form's font lacks; the operator records the city's decision per person and field — replace the
 * character, or print the kana form — and the list is checked again.
 */
@Route("printing/characters")
@PageTitle("外字判断 | いきいきデスク")
@Menu(order = 40, title = "外字判断")
@RolesAllowed("OPERATOR")
class CharacterDecisionView extends VerticalLayout {

	private static final String CHANNEL = "画面:外字判断";

	private final PrintFiles printFiles;
	private final PrintSamples samples;
	private final CharacterDecisions decisions;

	private final ComboBox<String> form = new ComboBox<>("帳票");
	private final TextArea numbers = new TextArea("宛名番号（1行に1件）");
	private final Span summary = new Span();
	private final Grid<Row> grid = new Grid<>(Row.class, false);
	private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("判断");
	private final TextField replacement = new TextField("置換後の文字");
	private final Checkbox everyone = new Checkbox("全員に適用（この文字はどの対象者でも置換）");
	private final TextField note = new TextField("市の指示（担当・日付など）");

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
		add(new H2("外字判断"));
		add(new Paragraph("送付物に「・」「■」「〓」や印字できない文字が入る項目を一覧にします。市の判断（外字への置換またはカナ表記）を"
				+ "対象者ごとに記録してください。判断がすべて記録されるまで印刷は開始できません。"));
		form.setId("characters-form");
		numbers.setId("characters-numbers");
		summary.setId("characters-summary");
		grid.setId("characters-grid");
		replacement.setId("characters-replacement");
		form.setItems(printFiles.forms());
		form.setValue("cover-letter");
		numbers.setWidth("24em");
		numbers.setHeight("8em");
		Button check = new Button("確認", e -> refresh());
		check.setId("characters-check");
		check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout top = new HorizontalLayout(form, numbers, check);
		top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
		add(top, summary);

		grid.addColumn(Row::subjectId).setHeader("宛名番号").setAutoWidth(true);
		grid.addColumn(Row::field).setHeader("項目").setAutoWidth(true);
		grid.addColumn(Row::text).setHeader("印字される値").setFlexGrow(1);
		grid.addColumn(Row::character).setHeader("文字").setAutoWidth(true);
		grid.addColumn(Row::codePoints).setHeader("コード").setAutoWidth(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.setHeight("20em");
		add(grid);

		kind.setItems("置換", "カナ表記");
		kind.setValue("置換");
		kind.addValueChangeListener(e -> replacement.setEnabled("置換".equals(e.getValue())));
		Button record = new Button("判断を記録", e -> record());
		record.setId("characters-record");
		HorizontalLayout decide = new HorizontalLayout(kind, replacement, everyone, note, record);
		decide.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
		add(decide);
	}

	private List<String> selection() {
		return Arrays.stream(numbers.getValue().split("[\\s,、]+")).filter(s -> !s.isBlank()).distinct().toList();
	}

	private void refresh() {
		if (form.getValue() == null) {
			return;
		}
		List<PrintItem> items = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String n : selection()) {
			Optional<PrintItem> item = samples.item(n, Map.of(), CHANNEL);
			item.ifPresentOrElse(items::add, () -> unknown.add(n));
		}
		List<Row> rows = new ArrayList<>();
		for (UnprintableText u : printFiles.undecided(form.getValue(), items)) {
			for (String c : u.characters()) {
				rows.add(new Row(u.subjectId(), u.field(), u.text(), c));
			}
		}
		grid.setItems(rows);
		summary.setText(items.size() + "人を確認: 未判断 " + rows.size() + "件"
				+ (unknown.isEmpty() ? "" : "／該当なしの宛名番号: " + String.join(", ", unknown)));
	}

	private void record() {
		Row row = grid.asSingleSelect().getValue();
		if (row == null) {
			Notification.show("一覧から行を選んでください");
			return;
		}
		String subject = everyone.getValue() ? null : row.subjectId();
		CharacterDecision d = "カナ表記".equals(kind.getValue())
				? CharacterDecision.kana(subject, row.field(), note.getValue())
				: CharacterDecision.replace(subject, everyone.getValue() ? "*" : row.field(), row.character(),
						replacement.getValue(), note.getValue());
		try {
			decisions.record(d, CHANNEL);
			Notification.show("記録しました").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			replacement.clear();
			refresh();
		}
		catch (IllegalArgumentException e) {
			Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
		}
	}
}
