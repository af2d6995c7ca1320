package jp.ikiiki.desk.telephony.calls;

import java.time.Instant;
import java.time.LocalTime;

/** What the call records need of the business calendar: whether the city was open, and the half-day boundary. */
interface OpeningHours {

	/** True on a city open day between opening and closing time (Asia/Tokyo). */
	boolean isOpenAt(Instant instant);

	/** Where the morning ends and the afternoon starts (第6章2 ※2), Asia/Tokyo. */
	LocalTime halfDayBoundary();
}
