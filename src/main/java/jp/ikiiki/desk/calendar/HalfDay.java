package jp.ikiiki.desk.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One half of a day in Asia/Tokyo (第6章2 ※2: lines may be added for the morning or the afternoon only, counting
 * half a line-day). The boundary is {@link BusinessCalendar#halfDayBoundary()}.
 *
 * @param date the day; not null
 * @param half morning or afternoon; not null
 */
public record HalfDay(LocalDate date, Half half) implements Comparable<HalfDay> {

	public enum Half {
		/** From the start of the day until the half-day boundary (exclusive). */
		AM("午前"),
		/** From the half-day boundary until the end of the day. */
		PM("午後");

		private final String label;

		Half(String label) {
			this.label = label;
		}

		/** 午前 or 午後. */
		public String label() {
			return label;
		}
	}

	public HalfDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(half, "half");
	}

	/** The half-day after this one (PM of the same day, or AM of the next day). */
	public HalfDay next() {
		return half == Half.AM ? new HalfDay(date, Half.PM) : new HalfDay(date.plusDays(1), Half.AM);
	}

	@Override
	public int compareTo(HalfDay other) {
		int c = date.compareTo(other.date);
		return c != 0 ? c : half.compareTo(other.half);
	}

	@Override
	public String toString() {
		return date + " " + half;
	}
}
