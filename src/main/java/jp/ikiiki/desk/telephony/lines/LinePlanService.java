package jp.ikiiki.desk.telephony.lines;

import jp.ikiiki.desk.shared.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesInUse;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

@Service
@EnableConfigurationProperties(LinesProperties.class)
class LinePlanService implements LinePlans {

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private final BusinessCalendar calendar;
	private final LineSchedules schedules;
	private final LineLimitScheduler scheduler;
	private final AuditTrail audit;
	private final ObjectProvider<LinesInUse> inUse;

	LinePlanService(BusinessCalendar calendar, LineSchedules schedules, LineLimitScheduler scheduler,
			AuditTrail audit, ObjectProvider<LinesInUse> inUse) {
		this.calendar = calendar;
		this.schedules = schedules;
		this.scheduler = scheduler;
		this.audit = audit;
		this.inUse = inUse;
	}

	@Override
	public List<LinePlanMonth> plan(int fiscalYear) {
		if (fiscalYear < 1980 || fiscalYear > 2098) {
			throw new IllegalArgumentException("年度は 1980〜2098 で指定してください: " + fiscalYear);
		}
		Map<YearMonth, LineSchedules.PlanRow> plans = schedules.plans(fiscalYear).stream()
				.collect(Collectors.toMap(LineSchedules.PlanRow::month, p -> p));
		List<YearMonth> months = calendar.monthsOfFiscalYear(fiscalYear);
		var lines = schedules.lines(months.get(0).atDay(1), months.get(11).atEndOfMonth());
		List<LinePlanMonth> result = new ArrayList<>(12);
		for (YearMonth month : months) {
			List<LocalDate> open = calendar.openDays(month);
			// 第6章2 ※2: a half-day's lines count half a line-day; the month's total is rounded up to a whole
			// line-day as in the contract's example (19 × 0.5 × 5 + 19 × 0.5 × 2 = 66.5, stated as 67).
			int am = 0;
			int pm = 0;
			for (LocalDate d : open) {
				Map<HalfDay.Half, Integer> day = lines.getOrDefault(d, Map.of());
				am += day.getOrDefault(HalfDay.Half.AM, 0);
				pm += day.getOrDefault(HalfDay.Half.PM, 0);
			}
			BigDecimal amLineDays = BigDecimal.valueOf(am).multiply(HALF);
			BigDecimal pmLineDays = BigDecimal.valueOf(pm).multiply(HALF);
			BigDecimal total = BigDecimal.valueOf((am + pm + 1) / 2).setScale(1);
			LineSchedules.PlanRow plan = plans.get(month);
			result.add(new LinePlanMonth(month, plan == null ? null : plan.plannedLineDays().setScale(1),
					total, amLineDays, pmLineDays, open.size(),
					plan == null ? null : plan.contractDays()));
		}
		return result;
	}

	@Override
	public List<ScheduledDay> schedule(YearMonth month) {
		var lines = schedules.lines(month.atDay(1), month.atEndOfMonth());
		List<ScheduledDay> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			boolean open = calendar.isOpenDay(d);
			Map<HalfDay.Half, Integer> day = open ? lines.getOrDefault(d, Map.of()) : Map.of();
			days.add(new ScheduledDay(d, open, calendar.holidayName(d).orElse(null), day.get(HalfDay.Half.AM),
					day.get(HalfDay.Half.PM)));
		}
		return days;
	}

	@Override
	public void setLines(Collection<LocalDate> days, Set<HalfDay.Half> halves, int lines, String channel) {
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("日を選択してください");
		}
		if (halves == null || halves.isEmpty()) {
			throw new IllegalArgumentException("午前・午後を選択してください");
		}
		checkLines(lines);
		TreeSet<LocalDate> sorted = new TreeSet<>(days);
		for (LocalDate d : sorted) {
			if (!calendar.isOpenDay(d)) {
				throw new IllegalArgumentException(d + " は開庁日ではありません");
			}
		}
		change(sorted, EnumSet.copyOf(halves), lines, channel, null);
	}

	@Override
	public void setMonth(YearMonth month, Set<HalfDay.Half> halves, int lines, String channel) {
		if (halves == null || halves.isEmpty()) {
			throw new IllegalArgumentException("午前・午後を選択してください");
		}
		checkLines(lines);
		List<LocalDate> open = calendar.openDays(month);
		if (open.isEmpty()) {
			throw new IllegalArgumentException(month + " に開庁日がありません");
		}
		change(new TreeSet<>(open), EnumSet.copyOf(halves), lines, channel, month);
	}

	private void change(TreeSet<LocalDate> days, EnumSet<HalfDay.Half> halves, int lines, String channel,
			YearMonth wholeMonth) {
		schedules.setLines(days, halves, lines, CurrentUser.name());
		Instant now = scheduler.clock().instant();
		HalfDay current = calendar.halfDayOf(now);
		boolean touchesNow = calendar.isOpenAt(now) && days.contains(current.date()) && halves.contains(current.half());
		if (touchesNow) {
			// The latest decision wins: a change of the current half-day ends a "resize now".
			schedules.endOverrides(now);
		}
		String which = wholeMonth != null ? wholeMonth + " の全開庁日（" + days.size() + "日）"
				: days.size() == 1 ? days.first().toString()
						: days.first() + "〜" + days.last() + " のうち " + days.size() + "日";
		String halvesLabel = halves.size() == 2 ? "終日"
				: halves.iterator().next().label();
		audit.record(AuditAction.SETTINGS, channel, List.of(), null,
				"回線数予定変更: " + which + " " + halvesLabel + " " + lines + "回線"
						+ (wholeMonth == null && days.size() > 1 ? " 日付=" + days : ""));
		scheduler.applyNow();
	}

	@Override
	public LinesNow now() {
		LineLimitScheduler.Applied applied = scheduler.applied();
		if (applied == null) {
			applied = scheduler.applyNow();
		}
		Instant now = scheduler.clock().instant();
		HalfDay halfDay = calendar.halfDayOf(now);
		boolean open = calendar.isOpenAt(now);
		Integer scheduled = open ? schedules.linesAt(halfDay).orElse(null) : null;
		Instant overrideUntil = schedules.overrideAt(now).map(LineSchedules.Override::until).orElse(null);
		LinesInUse counter = inUse.getIfAvailable();
		return new LinesNow(applied.limit(), counter == null ? 0 : counter.linesInUse(), open, halfDay, scheduled,
				overrideUntil, applied.nextChange());
	}

	@Override
	public LinesNow resizeNow(int lines, String channel) {
		checkLines(lines);
		Instant now = scheduler.clock().instant();
		Instant until = calendar.nextBoundaryAfter(now);
		int before = scheduler.limitAt(now);
		schedules.endOverrides(now);
		schedules.addOverride(lines, now, until, CurrentUser.name());
		audit.record(AuditAction.SETTINGS, channel, List.of(), null,
				"回線数即時変更: " + before + "回線 → " + lines + "回線（" + calendar.dateOf(until) + " "
						+ until.atZone(calendar.zone()).toLocalTime() + " まで）");
		scheduler.applyNow();
		return now();
	}

	private static void checkLines(int lines) {
		if (lines < 0 || lines > MAX_LINES) {
			throw new IllegalArgumentException("回線数は 0〜" + MAX_LINES + " で指定してください");
		}
	}

}
