package jp.ikiiki.desk.telephony.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay.Half;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.ScheduledDay;

/**
 * 回線数 (第6章2): the limit in force with "resize now", a month of the schedule (open days × 午前/午後, holidays
 * named, closed days greyed) with bulk edit of the whole month or the selected days, and the fiscal year's
 * planned vs scheduled line-days. Floor managers edit; city staff read.
 */
@Route("lines")
@PageTitle("回線数 | いきいきデスク")
@Menu(order = 30, title = "回線数")
@RolesAllowed({ "FLOOR_MANAGER", "CITY_STAFF" })
class LinesView extends VerticalLayout {

	private static final String CHANNEL = "画面:回線数";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d HH:mm")
			.withZone(JapanTime.ZONE);

	private final LinePlans lines;
	private final boolean editor;
	private YearMonth month;

	private final Span nowText = new Span();
	private final IntegerField resize = new IntegerField("今すぐの回線数");
	private final Span monthLabel = new Span();
	private final Grid<ScheduledDay> days = new Grid<>(ScheduledDay.class, false);
	private final RadioButtonGroup<String> target = new RadioButtonGroup<>("対象");
	private final CheckboxGroup<Half> halves = new CheckboxGroup<>("時間帯");
	private final IntegerField count = new IntegerField("回線数");
	private final Span monthTotal = new Span();
	private final Grid<LinePlanMonth> plan = new Grid<>(LinePlanMonth.class, false);

	private final LineAdvisor advisor;
	private final Grid<LineAdvice> advice = new Grid<>(LineAdvice.class, false);
	private final Span adviceNote = new Span();

	LinesView(LinePlans lines, LineAdvisor advisor, AuthenticationContext authentication) {
		this.lines = lines;
		this.advisor = advisor;
		this.editor = authentication.hasRole("FLOOR_MANAGER");
		setSizeFull();
		add(new H2("回線数"));
		add(nowSection());
		add(monthSection());
		add(adviceSection());
		add(planSection());
		LinesNow now = lines.now();
		month = YearMonth.from(now.halfDay().date());
		refresh();
	}

	private HorizontalLayout nowSection() {
		nowText.setId("lines-now");
		resize.setMin(0);
		resize.setMax(LinePlans.MAX_LINES);
		resize.setStepButtonsVisible(true);
		resize.setId("lines-resize");
		Button apply = new Button("今すぐ変更", e -> {
			if (resize.getValue() == null) {
				return;
			}
			try {
				lines.resizeNow(resize.getValue(), CHANNEL);
				notify("次の区切り（開庁・正午・閉庁）まで " + resize.getValue() + " 回線にしました", false);
				refresh();
			} catch (IllegalArgumentException ex) {
				notify(ex.getMessage(), true);
			}
		});
		apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout row = new HorizontalLayout(nowText);
		if (editor) {
			row.add(resize, apply);
		}
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.setWrap(true);
		return row;
	}

	private VerticalLayout monthSection() {
		Button previous = new Button("◀ 前月", e -> {
			month = month.minusMonths(1);
			refresh();
		});
		Button next = new Button("翌月 ▶", e -> {
			month = month.plusMonths(1);
			refresh();
		});
		monthLabel.getStyle().set("font-weight", "bold");
		HorizontalLayout navigation = new HorizontalLayout(previous, monthLabel, next, monthTotal);
		navigation.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

		days.setId("lines-days");
		days.addColumn(new ComponentRenderer<>(d -> {
			Span s = new Span(d.date().getMonthValue() + "/" + d.date().getDayOfMonth() + "（"
					+ d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）");
			if (!d.open()) {
				s.getStyle().set("color", "var(--lumo-disabled-text-color)");
			}
			return s;
		})).setHeader("日付").setAutoWidth(true);
		days.addColumn(d -> d.holiday() != null ? d.holiday() : d.open() ? "" : "閉庁").setHeader("祝日・閉庁")
				.setAutoWidth(true);
		days.addColumn(d -> d.open() ? text(d.am()) : "—").setHeader("午前");
		days.addColumn(d -> d.open() ? text(d.pm()) : "—").setHeader("午後");
		days.setHeight("28em");
		days.setWidth("36em");

		VerticalLayout section = new VerticalLayout(new H3("回線数の予定"), navigation, days);
		section.setPadding(false);
		if (editor) {
			days.setSelectionMode(Grid.SelectionMode.MULTI);
			target.setItems("選択した日", "月の全開庁日");
			target.setValue("選択した日");
			halves.setItems(Half.AM, Half.PM);
			halves.setItemLabelGenerator(Half::label);
			halves.setValue(EnumSet.allOf(Half.class));
			count.setMin(0);
			count.setMax(LinePlans.MAX_LINES);
			count.setStepButtonsVisible(true);
			count.setId("lines-count");
			Button save = new Button("反映", e -> save());
			save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			save.setId("lines-save");
			HorizontalLayout edit = new HorizontalLayout(target, halves, count, save);
			edit.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
			edit.setWrap(true);
			section.add(edit);
		} else {
			days.setSelectionMode(Grid.SelectionMode.NONE);
		}
		return section;
	}

	private VerticalLayout adviceSection() {
		advice.setId("lines-advice");
		advice.addColumn(a -> a.halfDay().date().getMonthValue() + "/" + a.halfDay().date().getDayOfMonth() + " "
				+ a.halfDay().half().label()).setHeader("日・時間帯").setAutoWidth(true);
		advice.addColumn(a -> String.format("%.1f", a.callsPerHour())).setHeader("予測受電（件/時）");
		advice.addColumn(a -> String.format("%.0f", a.handlingSeconds())).setHeader("平均通話（秒）");
		advice.addColumn(a -> String.format("%.0f", a.patienceSeconds())).setHeader("平均待ち許容（秒）");
		advice.addColumn(a -> a.lines() == null ? "上限超" : a.lines().toString()).setHeader("必要回線数");
		advice.addColumn(a -> a.agents() == null ? "—" : a.agents().toString()).setHeader("必要対応者数");
		advice.addColumn(a -> a.scheduledLines() == null ? "—" : a.scheduledLines().toString()).setHeader("予定回線数");
		advice.addColumn(a -> a.scheduledAnswerRate() == null ? "—"
				: String.format("%.1f%%", a.scheduledAnswerRate() * 100)).setHeader("予定での予測応答率");
		advice.setAllRowsVisible(true);
		VerticalLayout section = new VerticalLayout(new H3("回線数の目安（応答率9割）"), adviceNote, advice);
		section.setPadding(false);
		return section;
	}

	private VerticalLayout planSection() {
		plan.setId("lines-plan");
		plan.addColumn(m -> m.month().getYear() + "年" + m.month().getMonthValue() + "月").setHeader("月")
				.setAutoWidth(true);
		plan.addColumn(LinePlanMonth::openDays).setHeader("開庁日数");
		plan.addColumn(m -> m.contractDays() == null ? "—"
				: m.contractDays() + (m.contractDaysDiffer() ? "（暦と相違）" : "")).setHeader("契約上の日数")
				.setAutoWidth(true);
		plan.addColumn(m -> number(m.plannedLineDays())).setHeader("計画（回線・日）");
		plan.addColumn(m -> number(m.scheduledLineDays())).setHeader("予定（回線・日）");
		plan.addColumn(m -> number(m.amLineDays()) + " / " + number(m.pmLineDays())).setHeader("うち午前 / 午後");
		plan.addColumn(m -> {
			BigDecimal d = m.difference();
			return d == null ? "—" : (d.signum() > 0 ? "+" : "") + number(d);
		}).setHeader("差（予定−計画）");
		plan.setAllRowsVisible(true);
		VerticalLayout section = new VerticalLayout(new H3("年度の計画と予定"),
				new Span("半日は 0.5 回線・日として数え、月の合計は契約書の例（19日×0.5×5＋19日×0.5×2＝67）のとおり"
						+ "切り上げます。"), plan);
		section.setPadding(false);
		return section;
	}

	private void save() {
		Integer n = count.getValue();
		Set<Half> selectedHalves = halves.getValue();
		if (n == null || selectedHalves.isEmpty()) {
			notify("時間帯と回線数を指定してください", true);
			return;
		}
		try {
			if ("月の全開庁日".equals(target.getValue())) {
				lines.setMonth(month, selectedHalves, n, CHANNEL);
			} else {
				List<LocalDate> selected = days.getSelectedItems().stream().filter(ScheduledDay::open)
						.map(ScheduledDay::date).toList();
				if (selected.isEmpty()) {
					notify("開庁日を選択してください", true);
					return;
				}
				lines.setLines(selected, selectedHalves, n, CHANNEL);
			}
			notify("回線数の予定を変更しました", false);
			refresh();
		} catch (IllegalArgumentException ex) {
			notify(ex.getMessage(), true);
		}
	}

	private void refresh() {
		LinesNow now = lines.now();
		StringBuilder s = new StringBuilder("現在の回線数: ").append(now.limit()).append("（使用中 ")
				.append(now.inUse()).append("）");
		s.append(now.open() ? " 受付中・" + now.halfDay().half().label() : " 受付時間外");
		if (now.overrideUntil() != null) {
			s.append(" ／ 即時変更中（").append(TIME.format(now.overrideUntil())).append(" まで、予定 ")
					.append(now.scheduled() == null ? "—" : now.scheduled()).append("）");
		}
		s.append(" ／ 次の切替: ").append(TIME.format(now.nextChange()));
		nowText.setText(s.toString());

		List<LineAdvice> next = advisor.advice(now.halfDay().date(), 5);
		advice.setItems(next);
		advice.setVisible(!next.isEmpty());
		adviceNote.setText(next.isEmpty() ? "受電実績がないため目安を計算できません。"
				: "直近 " + next.get(0).pastHalfDays() + " 開庁日の同じ時間帯の受電実績から予測（Erlang A、回線超過は話中・"
						+ "待ちきれず切断は不応答として計算）。発送直後の急増は実績に遅れて反映されます。");

		monthLabel.setText(month.getYear() + "年" + month.getMonthValue() + "月");
		days.setItems(lines.schedule(month));
		int fiscalYear = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
		List<LinePlanMonth> months = lines.plan(fiscalYear);
		plan.setItems(months);
		months.stream().filter(m -> m.month().equals(month)).findFirst()
				.ifPresent(m -> monthTotal.setText("開庁日 " + m.openDays() + "日 ／ 予定 "
						+ number(m.scheduledLineDays()) + " 回線・日 ／ 計画 " + number(m.plannedLineDays())
						+ (m.contractDaysDiffer() ? " ／ 契約上の日数 " + m.contractDays() + "日" : "")));
	}

	private static String text(Integer n) {
		return n == null ? "未設定" : n.toString();
	}

	private static String number(BigDecimal n) {
		return n == null ? "—" : n.stripTrailingZeros().toPlainString();
	}

	private static void notify(String message, boolean error) {
		Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
		n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
	}
}
