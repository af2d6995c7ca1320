package jp.ikiiki.desk.telephony.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
	 */
	record Now(int limit, int inUse, boolean open, Integer scheduled, Instant overrideUntil, Instant nextChange) {
		static Now of(LinesNow n) {
			return new Now(n.limit(), n.inUse(), n.open(), n.scheduled(), n.overrideUntil(), n.nextChange());
		}
	}

	/** @param limit lines to put in force until the next opening, half-day boundary or closing */
	record Resize(Integer limit) {
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
			+ "closing; then the schedule takes over. Floor managers only; audited.")
	Now resize(@RequestBody Resize body) {
		if (body == null || body.limit() == null) {
			throw new IllegalArgumentException("limit を指定してください");
		}
		return Now.of(lines.resizeNow(body.limit(), NOW_CHANNEL));
	}

	@GetMapping("/plan/{fiscalYear}")
	@Operation(summary = "Planned vs scheduled line-days per month of a fiscal year (April–March)")
	List<PlanMonth> plan(@PathVariable int fiscalYear) {
		return lines.plan(fiscalYear).stream().map(PlanMonth::of).toList();
	}

	@GetMapping("/schedule/{month}")
	@Operation(summary = "Lines per day and half-day of a month (yyyy-MM)")
	List<ScheduledDay> schedule(@PathVariable String month) {
		return lines.schedule(YearMonth.parse(month));
	}

	@PutMapping("/schedule")
	@Operation(summary = "Set the lines of a whole month or of some days, morning, afternoon or both",
			description = "Floor managers only; audited; in force at once when it concerns the current half-day.")
	void setSchedule(@RequestBody ScheduleChange change) {
		if (change == null || change.lines() == null) {
			throw new IllegalArgumentException("lines を指定してください");
		}
		Set<HalfDay.Half> halves = change.halves() == null || change.halves().isEmpty()
				? EnumSet.allOf(HalfDay.Half.class) : change.halves();
		if ((change.month() == null) == (change.days() == null || change.days().isEmpty())) {
			throw new IllegalArgumentException("month か days のどちらか一方を指定してください");
		}
		if (change.month() != null) {
			lines.setMonth(change.month(), halves, change.lines(), SCHEDULE_CHANNEL);
		} else {
			lines.setLines(change.days(), halves, change.lines(), SCHEDULE_CHANNEL);
		}
	}

	@GetMapping("/advice")
	@Operation(summary = "Lines and agents advised per half-day of the next open days for the answer-rate target",
			description = "Forecast from the same half of the last open days (Erlang A with finite lines); empty "
					+ "without call history.")
	List<LineAdvice> advice(@RequestParam(required = false) LocalDate from,
			@RequestParam(defaultValue = "5") int days) {
		return advisor.advice(from != null ? from : lines.now().halfDay().date(), days);
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeParseException.class })
	ProblemDetail badRequest(RuntimeException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				e instanceof DateTimeParseException ? "月は yyyy-MM で指定してください" : e.getMessage());
	}
}
