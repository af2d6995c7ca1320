package jp.ikiiki.desk.telephony;

import jp.ikiiki.desk.calendar.HalfDay;

/**
 * The calls of one past half-day, as the forecast for line advice needs them (第6章2 ※1).
 *
 * @param halfDay              the half-day (Asia/Tokyo, by {@link jp.ikiiki.desk.calendar.BusinessCalendar#halfDayOf})
 * @param received             calls received in opening hours, refused ones included
 * @param answered             of which answered
 * @param talkSeconds          total talk time of the answered calls, seconds
 * @param abandoned            of which given up while waiting
 * @param abandonedWaitSeconds total time the abandoned callers waited before giving up, seconds
 */
public record HalfDayCalls(HalfDay halfDay, int received, int answered, long talkSeconds, int abandoned,
		long abandonedWaitSeconds) {
}
