package jp.ikiiki.desk.telephony;

import java.time.LocalDate;

/**
 * One day of the line schedule.
 *
 * @param date    the day
 * @param open    true on the city's open days; only those carry lines
 * @param holiday the holiday's name, or null
 * @param am      lines in the morning; null when closed or not scheduled
 * @param pm      lines in the afternoon; null when closed or not scheduled
 * @param amEnded the morning has ended (or the day is past): its lines are history and cannot be changed
 * @param pmEnded the afternoon has ended (or the day is past)
 */
public record ScheduledDay(LocalDate date, boolean open, String holiday, Integer am, Integer pm, boolean amEnded,
		boolean pmEnded) {

	/** True while any half of an open day can still be changed. */
	public boolean editable() {
		return open && !pmEnded;
	}
}
