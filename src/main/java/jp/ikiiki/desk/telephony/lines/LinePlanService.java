package jp.ikiiki.desk.telephony.lines;

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
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesInUse;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.ScheduleEdit;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

@Service
@EnableConfigurationProperties(LinesProperties.class)
class LinePlanService implements LinePlans {

	private static final BigDecimal HALF = new BigDecimal("0.5");
	/** Days one schedule change may name: a year's open days with room to spare. */
	static final int MAX_DAYS_AT_ONCE = 400;

	private final BusinessCalendar calendar;
	private final LineSchedules schedules;
	private final LineLimitScheduler scheduler;
	private final LinesProperties properties;
	private final AuditTrail audit;
	private final ObjectProvider<LinesInUse> inUse;

	LinePlanService(BusinessCalendar calendar, LineSchedules schedules, LineLimitScheduler scheduler,
			LinesProperties properties, AuditTrail audit, ObjectProvider<LinesInUse> inUse) {
		this.calendar = calendar;
		this.schedules = schedules;
		this.scheduler = scheduler;
		this.properties = properties;
		this.audit = audit;
		this.inUse = inUse;
	}

	@Override
	public List<LinePlanMonth> plan(int fiscalYear) {
		if (fiscalYear < 1980 || fiscalYear > 2098) {
			throw new InvalidInputException("fiscalYear", "年度は 1980〜2098 で指定してください（" + fiscalYear + "）");
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
		Instant now = scheduler.clock().instant();
		List<ScheduledDay> days = new ArrayList<>();
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			boolean open = calendar.isOpenDay(d);
			Map<HalfDay.Half, Integer> day = open ? lines.getOrDefault(d, Map.of()) : Map.of();
			days.add(new ScheduledDay(d, open, calendar.holidayName(d).orElse(null), day.get(HalfDay.Half.AM),
					day.get(HalfDay.Half.PM), ended(new HalfDay(d, HalfDay.Half.AM), now),
					ended(new HalfDay(d, HalfDay.Half.PM), now)));
		}
		return days;
	}

	/** A half-day has ended once its end (the half-day boundary, or the closing) has passed. */
	private boolean ended(HalfDay halfDay, Instant now) {
		return !calendar.endOf(halfDay).isAfter(now);
	}

	@Override
	public ScheduleEdit setLines(Collection<LocalDate> days, Set<HalfDay.Half> halves, int lines, String channel) {
		if (days == null || days.isEmpty()) {
			throw new InvalidInputException("days", "日を選択してください");
		}
		EnumSet<HalfDay.Half> chosen = checkHalves(halves);
		checkLines("lines", lines);
		TreeSet<LocalDate> sorted = new TreeSet<>(days);
		if (sorted.size() > MAX_DAYS_AT_ONCE) {
			throw new InvalidInputException("days", "一度に変更できるのは " + MAX_DAYS_AT_ONCE + " 日までです（" + sorted.size()
					+ "日）");
		}
		for (LocalDate d : sorted) {
			if (!calendar.isOpenDay(d)) {
				throw new InvalidInputException("days", JapaneseDates.toWestern(d) + " は開庁日ではありません");
			}
		}
		Instant now = scheduler.clock().instant();
		List<HalfDay> halfDays = new ArrayList<>();
		for (LocalDate d : sorted) {
			for (HalfDay.Half half : chosen) {
				HalfDay halfDay = new HalfDay(d, half);
				if (ended(halfDay, now)) {
					throw new StateConflictException(JapaneseDates.toWestern(d) + " " + half.label()
							+ " は終了した時間帯のため回線数を変更できません（過去の予定は実績として残します）")
							.with("halfDay", halfDay.toString());
				}
				halfDays.add(halfDay);
			}
		}
		String which = sorted.size() == 1 ? JapaneseDates.toWestern(sorted.first())
				: JapaneseDates.toWestern(sorted.first()) + "〜" + JapaneseDates.toWestern(sorted.last()) + " のうち "
						+ sorted.size() + "日 日付=" + sorted;
		return change(halfDays, lines, channel, which + " " + label(chosen));
	}

	@Override
	public ScheduleEdit setMonth(YearMonth month, Set<HalfDay.Half> halves, int lines, String channel) {
		if (month == null) {
			throw new InvalidInputException("month", "月を指定してください");
		}
		EnumSet<HalfDay.Half> chosen = checkHalves(halves);
		checkLines("lines", lines);
		List<LocalDate> open = calendar.openDays(month);
		if (open.isEmpty()) {
			throw new InvalidInputException("month", JapaneseDates.toEraYearMonth(month) + " に開庁日がありません");
		}
		Instant now = scheduler.clock().instant();
		List<HalfDay> halfDays = new ArrayList<>();
		for (LocalDate d : open) {
			for (HalfDay.Half half : chosen) {
				HalfDay halfDay = new HalfDay(d, half);
				if (!ended(halfDay, now)) { // the month's history stays as it was
					halfDays.add(halfDay);
				}
			}
		}
		if (halfDays.isEmpty()) {
			throw new StateConflictException(JapaneseDates.toEraYearMonth(month) + " の" + label(chosen)
					+ "はすべて終了しているため変更できません（過去の予定は実績として残します）");
		}
		long days = halfDays.stream().map(HalfDay::date).distinct().count();
		String which = month + " の" + (days == open.size() ? "全開庁日（" + days + "日）"
				: JapaneseDates.toWestern(halfDays.get(0).date()) + " 以降の開庁日（" + days + "日）");
		return change(halfDays, lines, channel, which + " " + label(chosen));
	}

	private ScheduleEdit change(List<HalfDay> halfDays, int lines, String channel, String what) {
		schedules.setLines(halfDays, lines, CurrentUser.name());
		Instant now = scheduler.clock().instant();
		if (calendar.isOpenAt(now) && halfDays.contains(calendar.halfDayOf(now))) {
			// The latest decision wins: a change of the current half-day ends a "resize now".
			schedules.endOverrides(now);
		}
		audit.record(AuditAction.SETTINGS, channel, List.of(), null, "回線数予定変更: " + what + " " + lines + "回線");
		scheduler.changed();
		return new ScheduleEdit(lines, halfDays);
	}

	@Override
	public LinesNow now() {
		scheduler.applyIfDue(); // never report a limit whose time is up (the timer may look only every few seconds)
		LineLimitScheduler.Applied applied = scheduler.applied();
		Instant now = scheduler.clock().instant();
		HalfDay halfDay = calendar.halfDayOf(now);
		boolean open = calendar.isOpenAt(now);
		Integer scheduled = open ? schedules.linesAt(halfDay).orElse(null) : null;
		Instant overrideUntil = schedules.overrideAt(now).map(LineSchedules.Override::until).orElse(null);
		Instant resizeUntil = calendar.nextBoundaryAfter(now);
		LinesInUse counter = inUse.getIfAvailable();
		return new LinesNow(applied.limit(), counter == null ? 0 : counter.linesInUse(), open, halfDay, scheduled,
				overrideUntil, applied.nextChange(), resizeUntil, scheduler.plannedLimitAt(resizeUntil),
				properties.outOfHoursLimit());
	}

	@Override
	public LinesNow resizeNow(int lines, boolean outOfHours, String channel) {
		checkLines("limit", lines);
		Instant now = scheduler.clock().instant();
		// Out of hours the next boundary is always the next opening: the resize ends where the schedule begins.
		Instant until = calendar.nextBoundaryAfter(now);
		boolean closed = !calendar.isOpenAt(now);
		if (closed && lines > properties.outOfHoursLimit() && !outOfHours) {
			throw new StateConflictException("現在は受付時間外です（受付は開庁日の 8:30〜17:15）。回線を開くと次の開庁 "
					+ JapaneseDates.toWesternDateTime(until) + " まで時間外の電話にも応答することになるため、"
					+ "時間外であることを確認のうえ改めて変更してください（API では outOfHours に true を指定）")
					.with("until", until);
		}
		int before = scheduler.limitAt(now);
		schedules.endOverrides(now);
		schedules.addOverride(lines, now, until, CurrentUser.name());
		audit.record(AuditAction.SETTINGS, channel, List.of(), null,
				"回線数即時変更" + (closed ? "（受付時間外・確認済み）" : "") + ": " + before + "回線 → " + lines + "回線（"
						+ JapaneseDates.toWesternDateTime(until) + " まで）");
		scheduler.changed();
		return now();
	}

	private static EnumSet<HalfDay.Half> checkHalves(Set<HalfDay.Half> halves) {
		if (halves == null || halves.isEmpty()) {
			throw new InvalidInputException("halves", "午前・午後を選択してください");
		}
		return EnumSet.copyOf(halves);
	}

	private static String label(EnumSet<HalfDay.Half> halves) {
		return halves.size() == 2 ? "終日" : halves.iterator().next().label();
	}

	private static void checkLines(String field, int lines) {
		if (lines < 0 || lines > MAX_LINES) {
			throw new InvalidInputException(field, "回線数は 0〜" + MAX_LINES + " で指定してください（" + lines + "）");
		}
	}
}
