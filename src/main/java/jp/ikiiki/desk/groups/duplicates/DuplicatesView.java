package jp.ikiiki.desk.groups.duplicates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.JapanTime;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The month's 重複チェックリスト on screen (第5章2): the likely pairs best first; the chosen pair side by side with the
 * fields that matched highlighted; for city staff, the decision (final). Operators see the list and download it.
 */
@Route("groups/duplicates")
@PageTitle("重複チェック | いきいきデスク")
@Menu(order = 120, title = "重複チェック（活動団体）")
@RolesAllowed({Roles.OPERATOR, Roles.CITY_STAFF})
class DuplicatesView extends VerticalLayout {

	static final String CHANNEL = "画面:重複チェック";

	private final DuplicateChecks checks;
	private final Select<YearMonth> month = new Select<>();
	private final Grid<DuplicateChecks.Pair> grid = new Grid<>();
	private final Div comparison = new Div();
	private final Span summary = new Span();
	private final Button duplicate = new Button();
	private final Button notDuplicate = new Button();
	private DuplicateChecks.Pair selected;

	DuplicatesView(DuplicateChecks checks, ObjectProvider<Clock> clock) {
		this.checks = checks;
		setSizeFull();
		setPadding(true);
		add(new H2(getTranslation("groups.duplicates.title")));

		YearMonth now = YearMonth.now(clock.getIfAvailable(Clock::systemUTC).withZone(JapanTime.ZONE));
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			months.add(now.minusMonths(i));
		}
		month.setLabel(getTranslation("groups.duplicates.month"));
		month.setId("duplicates-month");
		month.setItems(months);
		month.setItemLabelGenerator(m -> getTranslation("groups.duplicates.month-label",
				String.valueOf(m.getYear()), String.valueOf(m.getMonthValue())));
		month.setValue(now);
		month.addValueChangeListener(e -> refresh());
		var run = new Button(getTranslation("groups.duplicates.run"), e -> refresh());
		run.setId("duplicates-run");
		run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		var checklist = new Anchor(checklistDownload(), getTranslation("groups.duplicates.download"));
		checklist.getElement().setAttribute("download", true);
		checklist.setId("duplicates-download");
		summary.setId("duplicates-summary");
		var controls = new HorizontalLayout(month, run, checklist, summary);
		controls.setAlignItems(FlexComponent.Alignment.BASELINE);
		add(controls);

		grid.setId("duplicates-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		grid.addColumn(p -> String.format("%.2f", p.score())).setHeader(getTranslation("groups.duplicates.score"))
				.setWidth("4.5rem").setFlexGrow(0);
		grid.addColumn(p -> nz(p.a().name())).setHeader(getTranslation("groups.duplicates.new-group")).setFlexGrow(2);
		grid.addColumn(p -> source(p.b()) + "：" + nz(p.b().name())).setHeader(getTranslation("groups.duplicates.other"))
				.setFlexGrow(2);
		grid.addColumn(p -> String.join("・", p.matched().stream().map(f -> getTranslation(f.labelKey())).toList()))
				.setHeader(getTranslation("groups.duplicates.matched")).setFlexGrow(2)
				.setTooltipGenerator(p -> String.join("・", p.matched().stream().map(f -> getTranslation(f.labelKey())).toList()));
		grid.addColumn(this::decisionLabel).setHeader(getTranslation("groups.duplicates.decision")).setWidth("5.5rem")
				.setFlexGrow(0);
		grid.getColumns().forEach(c -> c.setResizable(true));
		grid.setSizeFull();
		grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

		comparison.setId("duplicates-comparison");
		comparison.setWidthFull();
		duplicate.setText(getTranslation("groups.duplicates.is-duplicate"));
		duplicate.setId("duplicates-yes");
		duplicate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		duplicate.addClickListener(e -> decide(true));
		notDuplicate.setText(getTranslation("groups.duplicates.not-duplicate"));
		notDuplicate.setId("duplicates-no");
		notDuplicate.addClickListener(e -> decide(false));
		var buttons = new HorizontalLayout(duplicate, notDuplicate);
		boolean city = CurrentUser.hasRole(Roles.CITY_STAFF);
		buttons.setVisible(city);
		var detail = new VerticalLayout(new H3(getTranslation("groups.duplicates.side-by-side")), comparison, buttons);
		detail.setPadding(false);
		detail.setSpacing(false);
		var split = new SplitLayout(grid, detail);
		split.setSplitterPosition(52);
		split.setSizeFull();
		add(split);
		setFlexGrow(1, split);
		show(null);
		refresh();
	}

	private void refresh() {
		YearMonth m = month.getValue();
		if (m == null) {
			return;
		}
		Notices.attempt(() -> checks.check(m, CHANNEL)).ifPresent(pairs -> {
			grid.setItems(pairs);
			long open = pairs.stream().filter(p -> p.duplicate() == null).count();
			summary.setText(getTranslation("groups.duplicates.summary", pairs.size(), open));
			show(pairs.isEmpty() ? null : pairs.get(0));
			if (!pairs.isEmpty()) {
				grid.select(pairs.get(0));
			}
		});
	}

	private void show(DuplicateChecks.Pair pair) {
		selected = pair;
		comparison.removeAll();
		if (pair == null) {
			comparison.add(new Span(getTranslation("groups.duplicates.none-selected")));
			duplicate.setEnabled(false);
			notDuplicate.setEnabled(false);
			return;
		}
		var table = new Div();
		table.getStyle().set("display", "grid").set("grid-template-columns", "7rem 1fr 1fr").set("gap", "2px")
				.set("font-size", "var(--lumo-font-size-s)");
		table.add(cell("", true, false), cell(getTranslation("groups.duplicates.new-group"), true, false),
				cell(source(pair.b()), true, false));
		row(table, pair, null, "groups.duplicates.field.number", s -> s.groupId() == null ? townNumber(s) : "#" + s.groupId());
		row(table, pair, MatchField.NAME, MatchField.NAME.labelKey(), DuplicateChecks.Side::name);
		row(table, pair, MatchField.KANA, MatchField.KANA.labelKey(), DuplicateChecks.Side::nameKana);
		row(table, pair, MatchField.REPRESENTATIVE, MatchField.REPRESENTATIVE.labelKey(),
				DuplicateChecks.Side::representative);
		row(table, pair, MatchField.PHONE, MatchField.PHONE.labelKey(), DuplicateChecks.Side::phone);
		row(table, pair, MatchField.ADDRESS, MatchField.ADDRESS.labelKey(), DuplicateChecks.Side::address);
		row(table, pair, null, "groups.duplicates.field.area", DuplicateChecks.Side::area);
		var score = new Span(getTranslation("groups.duplicates.score-line", String.format("%.3f", pair.score()),
				decisionLabel(pair)));
		score.setId("duplicates-score");
		comparison.add(table, score);
		boolean open = pair.duplicate() == null;
		duplicate.setEnabled(open);
		notDuplicate.setEnabled(open);
	}

	private void row(Div table, DuplicateChecks.Pair pair, MatchField field, String labelKey,
			Function<DuplicateChecks.Side, String> value) {
		boolean matched = field != null && pair.matched().contains(field);
		table.add(cell(getTranslation(labelKey) + (matched ? " ✔" : ""), true, matched),
				cell(nz(value.apply(pair.a())), false, matched), cell(nz(value.apply(pair.b())), false, matched));
	}

	private static Div cell(String text, boolean head, boolean matched) {
		var d = new Div(new Span(text));
		d.getStyle().set("padding", "4px 6px").set("overflow-wrap", "anywhere");
		if (head) {
			d.getStyle().set("font-weight", "600");
		}
		if (matched) {
			d.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff3c4)");
			d.addClassName("matched");
		} else {
			d.getStyle().set("background", "var(--lumo-contrast-5pct)");
		}
		return d;
	}

	private void decide(boolean isDuplicate) {
		if (selected == null) {
			return;
		}
		long id = selected.id();
		Notices.attempt(() -> checks.decide(id, isDuplicate, CHANNEL)).ifPresent(p -> {
			Notices.success(getTranslation("groups.duplicates.decided"));
			refresh();
			grid.getListDataView().getItems().filter(x -> x.id() == id).findFirst().ifPresent(x -> {
				grid.select(x);
				show(x);
			});
		});
	}

	private DownloadHandler checklistDownload() {
		return event -> {
			YearMonth m = month.getValue();
			event.setFileName(DuplicateChecklist.fileName(m));
			event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			try {
				event.getOutputStream().write(DuplicateChecklist.write(m, checks.check(m, CHANNEL + "/ダウンロード")));
			} catch (DomainException refusal) {
				event.getUI().access(() -> Notices.error(refusal));
				event.getResponse().setStatus(422);
			}
		};
	}

	private String decisionLabel(DuplicateChecks.Pair p) {
		return getTranslation(p.duplicate() == null ? "groups.duplicates.undecided"
				: p.duplicate() ? "groups.duplicates.decided-duplicate" : "groups.duplicates.decided-not");
	}

	private String source(DuplicateChecks.Side s) {
		return switch (s.source()) {
			case "FUCHU" -> getTranslation("groups.duplicates.source.FUCHU");
			case "KAITA" -> getTranslation("groups.duplicates.source.KAITA");
			default -> getTranslation("groups.duplicates.source.GROUP");
		};
	}

	private String townNumber(DuplicateChecks.Side s) {
		String key = s.ref().substring(s.ref().indexOf(':') + 1);
		return key.startsWith("N:") ? key.substring(2) : "—";
	}

	private String nz(String s) {
		return s == null ? "" : s;
	}
}
