package jp.ikiiki.desk.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jp.ikiiki.desk.shared.JapanTime;

/** The clock the groups run on (a {@link Clock} bean if the context has one, as tests do), days in Japan time. */
final class GroupsClock {

	private final Clock clock;

	GroupsClock(Clock clock) {
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	/** Now as a {@code timestamptz} parameter. */
	OffsetDateTime at() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	LocalDate today() {
		return JapanTime.today(clock);
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
