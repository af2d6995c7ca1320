package jp.ikiiki.desk.telephony;

/** How call statistics are grouped, in Asia/Tokyo. */
public enum StatsPeriod {
	/** A calendar day: {@code 2026-11-24}. */
	DAY,
	/** Morning or afternoon of a day (第6章2 ※2): {@code 2026-11-24 AM}. */
	HALF_DAY,
	/** An hour of a day: {@code 2026-11-24T09}. */
	HOUR,
	/** A half-hour of a day: {@code 2026-11-24T09:30}. */
	HALF_HOUR
}
