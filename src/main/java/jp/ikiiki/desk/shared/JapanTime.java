package jp.ikiiki.desk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one time zone of the application. The centre, its day, half-day and business year, and every date
 * shown or printed are in Japan time whatever the server's zone; times are stored as instants.
 */
public final class JapanTime {

	/** Asia/Tokyo (no daylight saving). */
	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private JapanTime() {
	}

	/** Today in Japan by the given clock. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** The Japanese calendar date of an instant; null gives null. */
	public static LocalDate dateOf(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE).toLocalDate();
	}

	/** An instant seen in Japan time; null gives null. */
	public static ZonedDateTime of(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE);
	}
}
