package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Line pools (第6章2): the monthly plan in line-days per fiscal year, the schedule of lines per open day and
 * half-day, and the limit in force now. Every change is written to the audit trail and put in force at once
 * through {@link LineLimitControl}.
 *
 * <p>The limit in force at an instant is, in this order: a floor manager's "resize now" until the next opening,
 * half-day boundary or closing; during opening hours the schedule's lines for the half-day (or
 * {@code ikiiki.lines.unscheduled-limit} when that half-day has no lines scheduled); outside opening hours
 * {@code ikiiki.lines.out-of-hours-limit} (default 0: the dialplan refuses every call while the city is closed).
 *
 * <p>Two rules keep the record honest. A half-day that has ended is history: its lines are what the contractor
 * provided and are never changed afterwards (a change that touches one is refused). And the centre answers calls
 * only in opening hours (第6章1, 8:30–17:15 on the city's open days): a "resize now" while the city is closed that
 * would open more lines than the out-of-hours limit is refused unless the floor manager confirms it explicitly, and
 * then it holds only until the next opening, where the schedule takes over.
 */
public interface LinePlans {

	/** Lines on one half-day, at most this many. */
	int MAX_LINES = 200;

	/**
	 * The twelve months of a fiscal year (April–March, named by the year it begins in), planned vs scheduled.
	 *
	 * @param fiscalYear 1980–2098
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a year out of that range
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	List<LinePlanMonth> plan(int fiscalYear);

	/** Every day of a month with its scheduled lines and which of its half-days have ended. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	List<ScheduledDay> schedule(YearMonth month);

	/**
	 * Sets the lines of the given halves of the given days.
	 *
	 * @param days    open days only; not empty
	 * @param halves  AM, PM or both; not empty
	 * @param lines   0–{@link #MAX_LINES}
	 * @param channel the screen or API call, for the audit trail
	 * @return the half-days changed
	 * @throws jp.ikiiki.desk.shared.InvalidInputException     on a closed day, no day, no half or lines out of range
	 * @throws jp.ikiiki.desk.shared.StateConflictException on a half-day that has already ended (nothing is changed)
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ScheduleEdit setLines(Collection<LocalDate> days, Set<HalfDay.Half> halves, int lines, String channel);

	/**
	 * Sets the lines of the given halves of every open day of a month whose half-day has not ended yet (in the
	 * current month: from now on).
	 *
	 * @return the half-days changed
	 * @throws jp.ikiiki.desk.shared.InvalidInputException     on no half, lines out of range, a month without open days
	 * @throws jp.ikiiki.desk.shared.StateConflictException when every such half-day of the month has ended
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ScheduleEdit setMonth(YearMonth month, Set<HalfDay.Half> halves, int lines, String channel);

	/** The limit in force now, and what a "resize now" made at this moment would mean. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF','AGENT')")
	LinesNow now();

	/**
	 * Puts a limit in force at once until the next opening, half-day boundary or closing ("resize now"); then the
	 * schedule takes over again. While the city is closed that is the next opening: an out-of-hours resize never
	 * reaches into the opening's scheduled lines.
	 *
	 * @param lines      0–{@link #MAX_LINES}
	 * @param outOfHours the floor manager's explicit confirmation that calls are to be answered while the city is
	 *                   closed; needed when the city is closed and {@code lines} exceeds the out-of-hours limit,
	 *                   ignored otherwise
	 * @return the limit now in force
	 * @throws jp.ikiiki.desk.shared.StateConflictException when the city is closed and the resize is not confirmed
	 *                                                      (property {@code until}: when it would have ended)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException   for lines out of range
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	LinesNow resizeNow(int lines, boolean outOfHours, String channel);
}
