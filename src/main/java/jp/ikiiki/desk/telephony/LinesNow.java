package jp.ikiiki.desk.telephony;

import java.time.Instant;
import jp.ikiiki.desk.calendar.HalfDay;

/**
 * The line limit in force now.
 *
 * @param limit         lines in force (what {@link LineLimitControl} was last given)
 * @param inUse         calls holding a line now ({@link LinesInUse}; 0 when not tracked)
 * @param open          true while the city is open
 * @param halfDay       the current half-day
 * @param scheduled     the schedule's lines for the current half-day; null when closed or not scheduled
 * @param overrideUntil when a floor manager's "resize now" ends; null when none is in force
 * @param nextChange    the next opening, half-day boundary or closing, when the limit is computed again
 */
public record LinesNow(int limit, int inUse, boolean open, HalfDay halfDay, Integer scheduled, Instant overrideUntil,
		Instant nextChange) {
}
