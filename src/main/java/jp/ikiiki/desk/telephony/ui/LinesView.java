package jp.ikiiki.desk.telephony.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.HalfDay.Half;
import jp.ikiiki.desk.platform.ui.Notices;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.charts.ChartImages;
import jp.ikiiki.desk.telephony.DispatchOutlook;
import jp.ikiiki.desk.telephony.DispatchSurge;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.PlannedDispatches;
import jp.ikiiki.desk.telephony.SurgeRule;
import jp.ikiiki.desk.telephony.ScheduleEdit;
import jp.ikiiki.desk.telephony.ScheduledDay;

/**
 * 回線数 (第6章2): the limit in force with "resize now", a month of the schedule (open days × 午前/午後, holidays
 * named, closed days greyed, half-days that have ended read-only) with bulk edit of the month's remaining open days
 * or the selected days, the advice, and the fiscal year's planned vs scheduled line-days as a chart and a table.
 * Floor managers edit; city staff read. Every change is confirmed with its consequence first where it is more than
 * one day's schedule: "resize now" names when it ends, and out of hours that calls will be answered until then.
 */
@Route("lines")
@PageTitle("回線数 | いきいきデスク")
@Menu(order = 30, title = "回線数")
@RolesAllowed({ "FLOOR_MANAGER", "CITY_STAFF" })
class LinesView extends VerticalLayout {

	private static final String CHANNEL = "画面:回線数";
	/** Open days the advice looks ahead: two weeks, beside the month's schedule. */
	static final int ADVICE_DAYS = 10;

	/** Which days a schedule change applies to. */
	enum Target {
		SELECTED, MONTH
	}

	private final LinePlans lines;
	private final LineAdvisor advisor;
	private final BusinessCalendar calendar;
	private final boolean editor;
	private YearMonth month;

	private final H2 title = new H2();
	private final Span nowText = new Span();
	private final IntegerField resize = new IntegerField();
	private final Span monthLabel = new Span();
	private final Grid<ScheduledDay> days = new Grid<>(ScheduledDay.class, false);
	private final RadioButtonGroup<Target> target = new RadioButtonGroup<>();
	private final CheckboxGroup<Half> halves = new CheckboxGroup<>();
	private final IntegerField count = new IntegerField();
	private final Span monthTotal = new Span();
	private final H3 planTitle = new H3();
	private final Div planChart = new Div();
	private final Grid<LinePlanMonth> plan = new Grid<>(LinePlanMonth.class, false);
	private final Grid<LineAdvice> advice = new Grid<>(LineAdvice.class, false);
	private final Span adviceNote = new Span();
	private final Grid<PlannedDispatches.Dispatch> dispatches = new Grid<>(PlannedDispatches.Dispatch.class, false);
	private final Paragraph dispatchNote = new Paragraph();
	private final Div rules = new Div();
	private DispatchOutlook outlook;

	LinesView(LinePlans lines, LineAdvisor advisor, BusinessCalendar calendar, AuthenticationContext authentication) {
		this.lines = lines;
		this.advisor = advisor;
		this.calendar = calendar;
		this.editor = authentication.hasRole("FLOOR_MANAGER");
		setWidthFull();
		title.setId("lines-title");
		add(title);
		add(nowSection());
		add(monthSection());
		add(adviceSection());
		add(dispatchSection());
		add(planSection());
		month = YearMonth.from(lines.now().halfDay().date());
		refresh();
	}

	private HorizontalLayout nowSection() {
		nowText.setId("lines-now");
		resize.setLabel(getTranslation("telephony.lines.resize.field"));
		resize.setMin(0);
		resize.setMax(LinePlans.MAX_LINES);
		resize.setStepButtonsVisible(true);
		resize.setId("lines-resize");
		Button apply = new Button(getTranslation("telephony.lines.resize.button"), e -> confirmResize());
		apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		apply.setId("lines-resize-button");
		HorizontalLayout row = new HorizontalLayout(nowText);
		if (editor) {
			row.add(resize, apply);
		}
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.setWrap(true);
		return row;
	}

	/** "Resize now" always names when it ends; out of hours it also says that calls will be answered until then. */
	private void confirmResize() {
		Integer n = resize.getValue();
		if (n == null || resize.isInvalid()) {
			Notices.error(getTranslation("telephony.lines.resize.missing", LinePlans.MAX_LINES));
			return;
		}
		LinesNow now = lines.now();
		String until = JapaneseDates.toWesternDateTimeWithWeekday(now.resizeUntil());
		boolean outOfHours = now.resizeNeedsConfirmation(n);
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setId("lines-resize-confirm");
		if (outOfHours) {
			dialog.setHeader(getTranslation("telephony.lines.resize.out-of-hours.header"));
			dialog.setText(getTranslation("telephony.lines.resize.out-of-hours.text", n, until,
					now.limitAfterResize()));
			dialog.setConfirmText(getTranslation("telephony.lines.resize.out-of-hours.confirm", n, until));
			dialog.setConfirmButtonTheme("error primary");
		} else {
			dialog.setHeader(getTranslation("telephony.lines.resize.header"));
			dialog.setText(getTranslation(now.resizeIsOutOfHours() ? "telephony.lines.resize.text-closed"
					: "telephony.lines.resize.text", n, until, now.limitAfterResize()));
			dialog.setConfirmText(getTranslation("telephony.lines.resize.confirm", n));
		}
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("telephony.lines.cancel"));
		dialog.addConfirmListener(e -> Notices.attempt(() -> lines.resizeNow(n, outOfHours, CHANNEL)).ifPresent(
				result -> {
					Notices.success(getTranslation("telephony.lines.resize.done", result.limit(),
							JapaneseDates.toWesternDateTimeWithWeekday(result.overrideUntil())));
					refresh();
				}));
		dialog.open();
	}

	private VerticalLayout monthSection() {
		Button previous = new Button(getTranslation("telephony.lines.month.previous"), e -> {
			month = month.minusMonths(1);
			refresh();
		});
		Button next = new Button(getTranslation("telephony.lines.month.next"), e -> {
			month = month.plusMonths(1);
			refresh();
		});
		monthLabel.setId("lines-month");
		monthLabel.getStyle().set("font-weight", "bold");
		monthTotal.setId("lines-month-total");
		HorizontalLayout navigation = new HorizontalLayout(previous, monthLabel, next, monthTotal);
		navigation.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		navigation.setWrap(true);

		days.setId("lines-days");
		days.addColumn(new ComponentRenderer<>(d -> {
			Span s = new Span(JapaneseDates.toWesternWithWeekday(d.date()));
			if (!d.open() || d.pmEnded()) {
				s.getStyle().set("color", "var(--lumo-disabled-text-color)");
			}
			return s;
		})).setHeader(getTranslation("telephony.lines.grid.date")).setAutoWidth(true);
		days.addColumn(d -> d.holiday() != null ? d.holiday()
				: d.open() ? "" : getTranslation("telephony.lines.grid.closed"))
				.setHeader(getTranslation("telephony.lines.grid.holiday")).setAutoWidth(true);
		days.addColumn(d -> lines(d, d.am(), d.amEnded())).setHeader(getTranslation("telephony.lines.grid.am"));
		days.addColumn(d -> lines(d, d.pm(), d.pmEnded())).setHeader(getTranslation("telephony.lines.grid.pm"));
		days.setHeight("30em");
		days.setWidth("42em");

		Paragraph readOnly = new Paragraph(getTranslation("telephony.lines.past-read-only"));
		readOnly.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
		VerticalLayout section = new VerticalLayout(new H3(getTranslation("telephony.lines.month.title")), navigation,
				days, readOnly);
		section.setPadding(false);
		if (editor) {
			days.setSelectionMode(Grid.SelectionMode.MULTI);
			days.setItemSelectableProvider(ScheduledDay::editable);
			target.setLabel(getTranslation("telephony.lines.edit.target"));
			target.setItems(Target.values());
			target.setItemLabelGenerator(t -> t == Target.SELECTED ? getTranslation("telephony.lines.edit.selected")
					: getTranslation("telephony.lines.edit.month"));
			target.setValue(Target.SELECTED);
			halves.setLabel(getTranslation("telephony.lines.edit.halves"));
			halves.setItems(Half.AM, Half.PM);
			halves.setItemLabelGenerator(Half::label);
			halves.setValue(EnumSet.allOf(Half.class));
			count.setLabel(getTranslation("telephony.lines.edit.lines"));
			count.setMin(0);
			count.setMax(LinePlans.MAX_LINES);
			count.setStepButtonsVisible(true);
			count.setId("lines-count");
			Button save = new Button(getTranslation("telephony.lines.edit.save"), e -> save());
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

	private String lines(ScheduledDay d, Integer n, boolean ended) {
		if (!d.open()) {
			return "—";
		}
		String value = n == null ? getTranslation("telephony.lines.grid.unset") : n.toString();
		return ended ? getTranslation("telephony.lines.grid.ended", value) : value;
	}

	private VerticalLayout adviceSection() {
		advice.setId("lines-advice");
		advice.addColumn(a -> JapaneseDates.toWesternWithWeekday(a.halfDay().date()) + " " + a.halfDay().half().label())
				.setHeader(getTranslation("telephony.lines.advice.half-day")).setAutoWidth(true);
		advice.addColumn(a -> String.format("%.1f", a.callsPerHour()))
				.setHeader(getTranslation("telephony.lines.advice.calls-per-hour"));
		advice.addColumn(a -> String.format("%.1f", a.baseCallsPerHour()))
				.setHeader(getTranslation("telephony.lines.advice.base"));
		advice.addColumn(a -> a.dispatchCallsPerHour() == 0 ? "—" : String.format("+%.1f", a.dispatchCallsPerHour()))
				.setHeader(getTranslation("telephony.lines.advice.dispatch"));
		advice.addColumn(a -> String.format("%.0f", a.handlingSeconds()))
				.setHeader(getTranslation("telephony.lines.advice.handling"));
		advice.addColumn(a -> String.format("%.0f", a.patienceSeconds()))
				.setHeader(getTranslation("telephony.lines.advice.patience"));
		advice.addColumn(a -> a.lines() == null ? getTranslation("telephony.lines.advice.over") : a.lines().toString())
				.setHeader(getTranslation("telephony.lines.advice.lines"));
		advice.addColumn(a -> a.agents() == null ? "—" : a.agents().toString())
				.setHeader(getTranslation("telephony.lines.advice.agents"));
		advice.addColumn(a -> a.scheduledLines() == null ? "—" : a.scheduledLines().toString())
				.setHeader(getTranslation("telephony.lines.advice.scheduled"));
		advice.addColumn(a -> a.scheduledAnswerRate() == null ? "—"
				: String.format("%.1f%%", a.scheduledAnswerRate() * 100))
				.setHeader(getTranslation("telephony.lines.advice.rate"));
		// the reasoning goes under its half-day, across the grid's width
		advice.setItemDetailsRenderer(new ComponentRenderer<>(this::reasons));
		advice.setDetailsVisibleOnClick(false);
		advice.setAllRowsVisible(true);
		VerticalLayout section = new VerticalLayout(new H3(getTranslation("telephony.lines.advice.title")),
				adviceNote, advice);
		section.setPadding(false);
		return section;
	}

	/** Why a half-day's forecast is raised: each dispatch, its pieces, the day after it, the extra calls and the rule. */
	private Div reasons(LineAdvice a) {
		Div box = new Div();
		box.addClassName("lines-advice-reason");
		box.getStyle().set("white-space", "normal").set("font-size", "var(--lumo-font-size-s)")
				.set("color", "var(--lumo-secondary-text-color)").set("padding", "0 var(--lumo-space-m) var(--lumo-space-s)");
		for (DispatchSurge s : a.surges()) {
			Div line = new Div();
			line.setText(getTranslation("telephony.lines.advice.reason.line", s.dispatch().label(),
					String.format("%,d", s.dispatch().pieces()), s.openDaysAfter(),
					String.format("%.1f", s.extraCalls()), String.format("%.2f", s.callsPerThousand()),
					getTranslation(switch (s.rule().basis()) {
						case HISTORY_OF_KIND -> "telephony.lines.rule.short.history_of_kind";
						case HISTORY_OF_ALL_KINDS -> "telephony.lines.rule.short.history_of_all_kinds";
						case CONTRACT_DEFAULT -> "telephony.lines.rule.short.contract_default";
					})));
			box.add(line);
		}
		return box;
	}

	private String ruleName(SurgeRule rule) {
		return switch (rule.basis()) {
			case HISTORY_OF_KIND -> getTranslation("telephony.lines.rule.kind", kindName(rule.kind()),
					rule.dispatches(), String.format("%,d", rule.pieces()));
			case HISTORY_OF_ALL_KINDS -> getTranslation("telephony.lines.rule.all", rule.dispatches(),
					String.format("%,d", rule.pieces()));
			case CONTRACT_DEFAULT -> getTranslation("telephony.lines.rule.default");
		};
	}

	private String kindName(String kind) {
		return switch (kind) {
			case "BOOKLET" -> getTranslation("telephony.lines.dispatch.kind.booklet");
			case "APPLICATION" -> getTranslation("telephony.lines.dispatch.kind.application");
			case "DECISION" -> getTranslation("telephony.lines.dispatch.kind.decision");
			case "NOTICE" -> getTranslation("telephony.lines.dispatch.kind.notice");
			default -> kind;
		};
	}

	private VerticalLayout dispatchSection() {
		dispatches.setId("lines-dispatches");
		dispatches.addColumn(d -> JapaneseDates.toWesternWithWeekday(d.on()))
				.setHeader(getTranslation("telephony.lines.dispatch.on")).setAutoWidth(true);
		dispatches.addColumn(new ComponentRenderer<>(d -> {
			Span state = new Span(d.dispatched() ? getTranslation("telephony.lines.dispatch.done")
					: d.overdue() ? getTranslation("telephony.lines.dispatch.overdue",
							JapaneseDates.toWesternWithWeekday(d.due()))
							: getTranslation("telephony.lines.dispatch.planned"));
			if (d.overdue()) {
				state.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "bold");
			}
			return state;
		})).setHeader(getTranslation("telephony.lines.dispatch.state")).setAutoWidth(true);
		dispatches.addColumn(PlannedDispatches.Dispatch::label).setHeader(getTranslation("telephony.lines.dispatch.label"))
				.setFlexGrow(1).setWidth("12em");
		dispatches.addColumn(d -> d.pieces() == 0 ? getTranslation("telephony.lines.dispatch.unknown")
				: (d.estimated() ? getTranslation("telephony.lines.dispatch.estimated", String.format("%,d", d.pieces()))
						: String.format("%,d", d.pieces())))
				.setHeader(getTranslation("telephony.lines.dispatch.pieces")).setAutoWidth(true);
		dispatches.addColumn(d -> {
			if (outlook == null || d.pieces() == 0) {
				return "—";
			}
			SurgeRule rule = outlook.rules().stream().filter(r -> r.kind().equals(d.kind())).findFirst()
					.orElseGet(() -> outlook.rules().stream().filter(r -> r.kind().equals(SurgeRule.ALL_KINDS))
							.findFirst().orElse(null));
			return rule == null ? "—" : getTranslation("telephony.lines.dispatch.extra",
					String.format("%,.0f", d.pieces() / 1000.0 * rule.total()), String.format("%,.0f",
							d.pieces() / 1000.0 * rule.onDay(1)));
		}).setHeader(getTranslation("telephony.lines.dispatch.calls")).setAutoWidth(true);
		dispatches.setAllRowsVisible(true);
		dispatches.setWidthFull();
		rules.setId("lines-surge-rules");
		rules.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		VerticalLayout section = new VerticalLayout(new H3(getTranslation("telephony.lines.dispatch.title")),
				dispatchNote, dispatches, rules);
		section.setPadding(false);
		return section;
	}

	private void refreshDispatches(java.time.LocalDate from) {
		outlook = advisor.dispatches(from, ADVICE_DAYS);
		dispatches.setItems(outlook.dispatches());
		dispatches.setVisible(!outlook.dispatches().isEmpty());
		dispatchNote.setText(!outlook.available() ? getTranslation("telephony.lines.dispatch.unavailable")
				: outlook.dispatches().isEmpty() ? getTranslation("telephony.lines.dispatch.none")
						: getTranslation("telephony.lines.dispatch.note", outlook.surgeDays()));
		rules.removeAll();
		for (SurgeRule rule : outlook.rules()) {
			StringBuilder days = new StringBuilder();
			for (int n = 1; n <= Math.min(5, rule.perThousand().size()); n++) {
				days.append(n == 1 ? "" : "、").append(getTranslation("telephony.lines.rule.day", n,
						String.format("%.2f", rule.onDay(n))));
			}
			rules.add(new Div(getTranslation("telephony.lines.rule.line", ruleName(rule),
					String.format("%.1f", rule.total()), outlook.surgeDays(), days)));
		}
	}

	private VerticalLayout planSection() {
		planTitle.setId("lines-plan-title");
		planChart.setId("lines-plan-chart");
		planChart.setWidthFull();
		planChart.getStyle().set("max-width", "60rem");
		plan.setId("lines-plan");
		plan.addColumn(m -> JapaneseDates.toEraYearMonth(m.month())).setHeader(getTranslation("telephony.lines.plan.month"))
				.setAutoWidth(true);
		plan.addColumn(LinePlanMonth::openDays).setHeader(getTranslation("telephony.lines.plan.open-days"));
		plan.addColumn(m -> m.contractDays() == null ? "—"
				: m.contractDaysDiffer() ? getTranslation("telephony.lines.plan.differs", m.contractDays())
						: m.contractDays().toString())
				.setHeader(getTranslation("telephony.lines.plan.contract-days")).setAutoWidth(true);
		plan.addColumn(m -> number(m.plannedLineDays())).setHeader(getTranslation("telephony.lines.plan.planned"));
		plan.addColumn(m -> number(m.scheduledLineDays())).setHeader(getTranslation("telephony.lines.plan.scheduled"));
		plan.addColumn(m -> number(m.amLineDays()) + " / " + number(m.pmLineDays()))
				.setHeader(getTranslation("telephony.lines.plan.halves"));
		plan.addColumn(m -> {
			BigDecimal d = m.difference();
			return d == null ? "—" : (d.signum() > 0 ? "+" : "") + number(d);
		}).setHeader(getTranslation("telephony.lines.plan.difference"));
		plan.setAllRowsVisible(true);
		VerticalLayout section = new VerticalLayout(planTitle,
				new Paragraph(getTranslation("telephony.lines.plan.rule")), planChart, plan);
		section.setPadding(false);
		return section;
	}

	private void save() {
		Integer n = count.getValue();
		Set<Half> selectedHalves = halves.getValue();
		if (n == null || count.isInvalid() || selectedHalves.isEmpty()) {
			Notices.error(getTranslation("telephony.lines.edit.missing", LinePlans.MAX_LINES));
			return;
		}
		if (target.getValue() == Target.MONTH) {
			confirmMonth(n, selectedHalves);
			return;
		}
		List<LocalDate> selected = days.getSelectedItems().stream().filter(ScheduledDay::editable)
				.map(ScheduledDay::date).sorted().toList();
		if (selected.isEmpty()) {
			Notices.error(getTranslation("telephony.lines.edit.none-selected"));
			return;
		}
		Notices.attempt(() -> lines.setLines(selected, selectedHalves, n, CHANNEL)).ifPresent(this::saved);
	}

	/** A whole month is many days at once: say which days and halves it changes before changing them. */
	private void confirmMonth(int n, Set<Half> selectedHalves) {
		List<ScheduledDay> remaining = lines.schedule(month).stream().filter(ScheduledDay::editable).toList();
		if (remaining.isEmpty()) {
			Notices.error(getTranslation("telephony.lines.edit.month-past", JapaneseDates.toEraYearMonth(month)));
			return;
		}
		ConfirmDialog dialog = new ConfirmDialog();
		dialog.setId("lines-month-confirm");
		dialog.setHeader(getTranslation("telephony.lines.edit.month-header", JapaneseDates.toEraYearMonth(month)));
		dialog.setText(getTranslation("telephony.lines.edit.month-text",
				JapaneseDates.toWesternWithWeekday(remaining.get(0).date()),
				JapaneseDates.toWesternWithWeekday(remaining.get(remaining.size() - 1).date()), remaining.size(),
				halvesLabel(selectedHalves), n));
		dialog.setConfirmText(getTranslation("telephony.lines.edit.month-confirm"));
		dialog.setCancelable(true);
		dialog.setCancelText(getTranslation("telephony.lines.cancel"));
		dialog.addConfirmListener(e -> Notices.attempt(() -> lines.setMonth(month, selectedHalves, n, CHANNEL))
				.ifPresent(this::saved));
		dialog.open();
	}

	private void saved(ScheduleEdit edit) {
		Notices.success(getTranslation("telephony.lines.edit.done",
				JapaneseDates.toWesternWithWeekday(edit.first()), JapaneseDates.toWesternWithWeekday(edit.last()),
				edit.days(), edit.halfDays().size(), edit.lines()));
		days.deselectAll();
		refresh();
	}

	private String halvesLabel(Set<Half> chosen) {
		return chosen.size() == 2 ? getTranslation("telephony.lines.edit.both")
				: chosen.iterator().next().label();
	}

	private void refresh() {
		LinesNow now = lines.now();
		List<String> parts = new java.util.ArrayList<>();
		parts.add(getTranslation("telephony.lines.now", now.limit(), now.inUse()) + " "
				+ (now.open() ? getTranslation("telephony.lines.now.open", now.halfDay().half().label())
						: getTranslation("telephony.lines.now.closed")));
		if (now.overrideUntil() != null) {
			String until = JapaneseDates.toWesternDateTimeWithWeekday(now.overrideUntil());
			parts.add(now.scheduled() == null ? getTranslation("telephony.lines.now.override-closed", until)
					: getTranslation("telephony.lines.now.override", until, now.scheduled()));
		}
		parts.add(getTranslation("telephony.lines.now.next", JapaneseDates.toWesternDateTimeWithWeekday(now.nextChange())));
		nowText.setText(String.join(" ／ ", parts));

		List<LineAdvice> next = advisor.advice(now.halfDay().date(), ADVICE_DAYS);
		refreshDispatches(now.halfDay().date());
		advice.setItems(next);
		next.stream().filter(a -> !a.surges().isEmpty()).forEach(a -> advice.setDetailsVisible(a, true));
		advice.setVisible(!next.isEmpty());
		adviceNote.setText(next.isEmpty() ? getTranslation("telephony.lines.advice.none")
				: getTranslation("telephony.lines.advice.note", next.get(0).pastHalfDays()));

		int fiscalYear = calendar.fiscalYearOf(month.atDay(1));
		String fiscalYearName = JapaneseDates.toEraFiscalYear(fiscalYear);
		title.setText(getTranslation("telephony.lines.title", fiscalYearName, fiscalYear, fiscalYear + 1));
		monthLabel.setText(JapaneseDates.toEraYearMonth(month));
		List<ScheduledDay> schedule = lines.schedule(month);
		days.setItems(schedule);
		// the month opens at the first day still to come: the days before it are history
		schedule.stream().filter(ScheduledDay::editable).findFirst()
				.ifPresent(d -> days.scrollToIndex(Math.max(0, schedule.indexOf(d) - 1)));
		List<LinePlanMonth> months = lines.plan(fiscalYear);
		planTitle.setText(getTranslation("telephony.lines.plan.title", fiscalYearName));
		planChart.getElement().setProperty("innerHTML",
				ChartImages.svg(PlanChart.of(months, getTranslation("telephony.lines.plan.chart", fiscalYearName),
						getTranslation("telephony.lines.plan.planned"), getTranslation("telephony.lines.plan.scheduled")),
						900, 300));
		plan.setItems(months);
		monthTotal.setText("");
		months.stream().filter(m -> m.month().equals(month)).findFirst()
				.ifPresent(m -> monthTotal.setText(getTranslation("telephony.lines.month.total", m.openDays(),
						number(m.scheduledLineDays()), number(m.plannedLineDays()))
						+ (m.contractDaysDiffer()
								? " ／ " + getTranslation("telephony.lines.month.contract-days", m.contractDays())
								: "")));
		if (editor) {
			boolean past = month.atEndOfMonth().isBefore(now.halfDay().date());
			target.setItemEnabledProvider(t -> t == Target.SELECTED || !past);
			if (past) {
				target.setValue(Target.SELECTED);
			}
		}
	}

	private static String number(BigDecimal n) {
		return n == null ? "—" : n.stripTrailingZeros().toPlainString();
	}
}
