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
 */
public interface LinePlans {

	/** Lines on one half-day, at most this many. */
	int MAX_LINES = 200;

	/** The twelve months of a fiscal year (April–March, named by the year it begins in), planned vs scheduled. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	List<LinePlanMonth> plan(int fiscalYear);

	/** Every day of a month with its scheduled lines. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	List<ScheduledDay> schedule(YearMonth month);

	/**
	 * Sets the lines of the given halves of the given days.
	 *
	 * @param days    open days only; not empty
	 * @param halves  AM, PM or both; not empty
	 * @param lines   0–{@link #MAX_LINES}
	 * @param channel the screen or API call, for the audit trail
	 * @throws IllegalArgumentException on a closed day, no day, no half or lines out of range
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	void setLines(Collection<LocalDate> days, Set<HalfDay.Half> halves, int lines, String channel);

	/** Sets the lines of the given halves of every open day of a month. */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	void setMonth(YearMonth month, Set<HalfDay.Half> halves, int lines, String channel);

	/** The limit in force now. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF','AGENT')")
	LinesNow now();

	/**
	 * Puts a limit in force at once until the next opening, half-day boundary or closing ("resize now"); then the
	 * schedule takes over again.
	 *
	 * @param lines 0–{@link #MAX_LINES}
	 * @return the limit now in force
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	LinesNow resizeNow(int lines, String channel);
}
