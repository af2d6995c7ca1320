package jp.ikiiki.desk.tally.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import jp.ikiiki.desk.shared.JapanTime;

/** The clock the tally runs on (a {@link Clock} bean if the context has one, as tests do), days in Japan time. */
public final class TallyClock {

	private final Clock clock;

	public TallyClock(Clock clock) {
		this.clock = clock;
	}

	/** Now. */
	public Instant now() {
		return clock.instant();
	}

	/** Today in Japan. */
	public LocalDate today() {
		return JapanTime.today(clock);
	}
}
