package jp.ikiiki.desk.telephony.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.DispatchOutlook;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.telephony.ScheduleEdit;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Line pools (第6章2): the limit in force, "resize now", the plan against the schedule, and the schedule. Reading:
 * floor managers and city staff (the limit now also agents); changing: floor managers. Every change is audited.
 * Refusals are the API's problem details: 400 for an unreadable value, 422 for a value out of range or a closed
 * day, 409 for a half-day that has ended or a resize out of hours without {@code outOfHours: true}.
 */
@RestController
@RequestMapping("/api/lines")
@Tag(name = "lines", description = "回線数 (line pools): limit in force, plan and schedule")
class LinesApi {

	static final String NOW_CHANNEL = "PUT /api/lines/now";
	static final String SCHEDULE_CHANNEL = "PUT /api/lines/schedule";

	private final LinePlans lines;
	private final LineAdvisor advisor;

	LinesApi(LinePlans lines, LineAdvisor advisor) {
		this.lines = lines;
		this.advisor = advisor;
	}

	/**
	 * @param limit         lines in force now
	 * @param inUse         calls holding a line now (0 when the call tracking does not report it)
	 * @param open          true while the city is open
	 * @param scheduled     the schedule's lines for the current half-day; null when closed
	 * @param overrideUntil end of a "resize now" in force; null if none
	 * @param nextChange    next opening, half-day boundary or closing
	 * @param resizeUntil   when a resize made now would end (while closed: the next opening)
	 * @param limitAfterResize the limit from {@code resizeUntil} on
	 */
	record Now(int limit, int inUse, boolean open, Integer scheduled, Instant overrideUntil, Instant nextChange,
			Instant resizeUntil, int limitAfterResize) {
		static Now of(LinesNow n) {
			return new Now(n.limit(), n.inUse(), n.open(), n.scheduled(), n.overrideUntil(), n.nextChange(),
					n.resizeUntil(), n.limitAfterResize());
		}
	}

	/**
	 * @param limit      lines to put in force until the next opening, half-day boundary or closing
	 * @param outOfHours true to confirm that, while the city is closed, calls are to be answered until the next
	 *                   opening; without it a resize out of hours is refused (409)
	 */
	record Resize(Integer limit, Boolean outOfHours) {
	}

	/**
	 * @param lines    lines each changed half-day now has
	 * @param from     first day changed
	 * @param to       last day changed
	 * @param days     days changed
	 * @param halfDays the half-days changed
	 */
	record Changed(int lines, LocalDate from, LocalDate to, int days, List<HalfDay> halfDays) {
		static Changed of(ScheduleEdit e) {
			return new Changed(e.lines(), e.first(), e.last(), e.days(), e.halfDays());
		}
	}

	/**
	 * @param month             yyyy-MM
	 * @param plannedLineDays   line-days planned (null: no plan)
	 * @param scheduledLineDays line-days scheduled on open days (a half-day counts 0.5; the month rounded up)
	 * @param amLineDays        of which mornings
	 * @param pmLineDays        of which afternoons
	 * @param openDays          open days by the city's calendar
	 * @param contractDays      day count printed in the contract's table (null: none)
	 */
	record PlanMonth(YearMonth month, BigDecimal plannedLineDays, BigDecimal scheduledLineDays,
			BigDecimal amLineDays, BigDecimal pmLineDays, int openDays, Integer contractDays) {
		static PlanMonth of(LinePlanMonth m) {
			return new PlanMonth(m.month(), m.plannedLineDays(), m.scheduledLineDays(), m.amLineDays(), m.pmLineDays(),
					m.openDays(), m.contractDays());
		}
	}

	/**
	 * A schedule change: either {@code month} (every open day of it) or {@code days}.
	 *
	 * @param month  yyyy-MM, or null
	 * @param days   open days, or null
	 * @param halves AM, PM or both; null or empty means both
	 * @param lines  lines per half-day
	 */
	record ScheduleChange(YearMonth month, List<LocalDate> days, Set<HalfDay.Half> halves, Integer lines) {
	}

	@GetMapping("/now")
	@Operation(summary = "The line limit in force now and the calls holding a line")
	Now now() {
		return Now.of(lines.now());
	}

	@PutMapping("/now")
	@Operation(summary = "Resize the pool now", description = "Holds until the next opening, half-day boundary or "
			+ "closing; then the schedule takes over. While the city is closed (outside 8:30–17:15 of an open day) "
			+ "a resize above the out-of-hours limit is refused with 409 unless outOfHours is true, and then holds "
			+ "until the next opening. Floor managers only; audited.")
	Now resize(@RequestBody Resize body) {
		if (body.limit() == null) {
			throw new InvalidInputException("limit", "limit（回線数）を指定してください");
		}
		return Now.of(lines.resizeNow(body.limit(), Boolean.TRUE.equals(body.outOfHours()), NOW_CHANNEL));
	}

	@GetMapping("/plan/{fiscalYear}")
	@Operation(summary = "Planned vs scheduled line-days per month of a fiscal year (April–March)")
	List<PlanMonth> plan(@PathVariable("fiscalYear") int fiscalYear) {
		return lines.plan(fiscalYear).stream().map(PlanMonth::of).toList();
	}

	@GetMapping("/schedule/{month}")
	@Operation(summary = "Lines per day and half-day of a month (yyyy-MM)")
	List<ScheduledDay> schedule(@PathVariable("month") YearMonth month) {
		return lines.schedule(month);
	}

	@PutMapping("/schedule")
	@Operation(summary = "Set the lines of a whole month or of some days, morning, afternoon or both",
			description = "Floor managers only; audited; in force at once when it concerns the current half-day. "
					+ "Half-days that have ended are history: days naming one are refused (409); a month changes "
					+ "only its half-days still to come. Answers what was changed.")
	Changed setSchedule(@RequestBody ScheduleChange change) {
		if (change.lines() == null) {
			throw new InvalidInputException("lines", "lines（回線数）を指定してください");
		}
		Set<HalfDay.Half> halves = change.halves() == null || change.halves().isEmpty()
				? EnumSet.allOf(HalfDay.Half.class) : change.halves();
		if ((change.month() == null) == (change.days() == null || change.days().isEmpty())) {
			throw new InvalidInputException("month", "month か days のどちらか一方を指定してください");
		}
		ScheduleEdit edit = change.month() != null
				? lines.setMonth(change.month(), halves, change.lines(), SCHEDULE_CHANNEL)
				: lines.setLines(change.days(), halves, change.lines(), SCHEDULE_CHANNEL);
		return Changed.of(edit);
	}

	@GetMapping("/advice")
	@Operation(summary = "Lines and agents advised per half-day of the next open days for the answer-rate target",
			description = "Forecast from the same half of the last open days (Erlang A with finite lines), raised on "
					+ "the open days after a dispatch made or planned by the surge measured after past dispatches "
					+ "(baseCallsPerHour + dispatchCallsPerHour; surges names each dispatch, its pieces, the open day "
					+ "after it, the extra calls of the day and the rule); empty without call history.")
	List<LineAdvice> advice(@RequestParam(name = "from", required = false) LocalDate from,
			@RequestParam(name = "days", defaultValue = "5") int days) {
		return advisor.advice(from != null ? from : lines.now().halfDay().date(), days);
	}

	@GetMapping("/dispatches")
	@Operation(summary = "The dispatches made and planned that the advice of the same days takes into account",
			description = "With the rule per kind (extra calls per 1,000 pieces by open day after a dispatch, measured "
					+ "over the last year's dispatches or the contract default) and the overdue planned dispatches.")
	DispatchOutlook dispatches(@RequestParam(name = "from", required = false) LocalDate from,
			@RequestParam(name = "days", defaultValue = "5") int days) {
		return advisor.dispatches(from != null ? from : lines.now().halfDay().date(), days);
	}
}
