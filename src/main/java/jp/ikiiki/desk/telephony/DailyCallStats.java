package jp.ikiiki.desk.telephony;

import java.util.List;

/**
 * One day's call figures at three grains, computed together from one read of the call records (what a screen
 * that shows the day, its half-days and a chart of its half-hours needs at each refresh).
 *
 * @param day       the whole day
 * @param halfDays  morning and afternoon (第6章2 ※2)
 * @param halfHours the day's 48 half-hours on the clock, 00:00 to 23:30 (calls out of hours count only as
 *                  {@code outOfHours})
 */
public record DailyCallStats(CallStats day, List<CallStats> halfDays, List<CallStats> halfHours) {

	public DailyCallStats {
		halfDays = List.copyOf(halfDays);
		halfHours = List.copyOf(halfHours);
	}
}
