package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.calendar.HalfDay;

/**
 * What a change of the line schedule changed.
 *
 * @param lines    the lines each half-day now has
 * @param halfDays the half-days changed, in order; never empty
 */
public record ScheduleEdit(int lines, List<HalfDay> halfDays) {

	public ScheduleEdit {
		halfDays = List.copyOf(halfDays);
		if (halfDays.isEmpty()) {
			throw new IllegalArgumentException("a schedule change changes at least one half-day");
		}
	}

	/** The first day changed. */
	public LocalDate first() {
		return halfDays.get(0).date();
	}

	/** The last day changed. */
	public LocalDate last() {
		return halfDays.get(halfDays.size() - 1).date();
	}

	/** How many days were changed (one or both halves). */
	public int days() {
		return (int) halfDays.stream().map(HalfDay::date).distinct().count();
	}
}
