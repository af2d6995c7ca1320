package jp.ikiiki.desk.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jp.ikiiki.desk.shared.JapanTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The reports' tests' clock: Thursday 19 November 2026, 11:10 in Tokyo (an open day, before closing), until a test
 * moves it. Every IT that imports this shares one Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReportsClock {

	/** Thursday 2026-11-19 11:10 Japan time. */
	public static final Instant NOW = tokyo("2026-11-19T11:10");

	@Bean
	@Primary
	public Settable reportsSettableClock() {
		return new Settable(NOW);
	}

	/** An instant given as a Japan-time date-time, {@code 2026-11-19T11:10}. */
	public static Instant tokyo(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(JapanTime.ZONE).toInstant();
	}

	/** A clock that stands still until the test moves it. */
	public static final class Settable extends Clock {

		private volatile Instant now;

		Settable(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}
	}
}
