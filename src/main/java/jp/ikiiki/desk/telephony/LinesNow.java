package jp.ikiiki.desk.telephony;

import java.time.Instant;
import jp.ikiiki.desk.calendar.HalfDay;

/**
 * The line limit in force now, and the terms of a "resize now" made at this moment.
 *
 * @param limit          lines in force (what {@link LineLimitControl} was last given)
 * @param inUse          calls holding a line now ({@link LinesInUse}; 0 when not tracked)
 * @param open           true while the city is open
 * @param halfDay        the current half-day
 * @param scheduled      the schedule's lines for the current half-day; null when closed or not scheduled
 * @param overrideUntil  when a floor manager's "resize now" ends; null when none is in force
 * @param nextChange     the next opening, half-day boundary or closing, when the limit is computed again
 * @param resizeUntil    when a "resize now" made at this moment would end: the next opening, half-day boundary or
 *                       closing (while the city is closed, the next opening)
 * @param limitAfterResize the limit that applies from {@code resizeUntil} on (the schedule's lines of the half-day
 *                       beginning then, or the out-of-hours limit at closing)
 * @param outOfHoursLimit lines while the city is closed ({@code ikiiki.lines.out-of-hours-limit}); a resize above it
 *                       while closed needs the floor manager's explicit confirmation
 */
public record LinesNow(int limit, int inUse, boolean open, HalfDay halfDay, Integer scheduled, Instant overrideUntil,
		Instant nextChange, Instant resizeUntil, int limitAfterResize, int outOfHoursLimit) {

	/** True when a "resize now" made at this moment falls outside opening hours. */
	public boolean resizeIsOutOfHours() {
		return !open;
	}

	/** True when resizing to {@code lines} now would answer calls while the city is closed: it needs confirmation. */
	public boolean resizeNeedsConfirmation(int lines) {
		return !open && lines > outOfHoursLimit;
	}
}
