package jp.ikiiki.desk.telephony;

import jp.ikiiki.desk.shared.JapanTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test beans for the line pools and the screens that show them: a clock the test sets, a {@link LineLimitControl}
 * that records what it is given instead of talking to Asterisk, the calls in progress, the call history and the
 * agents at the phones as the test sets them. Every IT that imports this shares one Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LinesTestSupport {

	/** Tuesday 24 November 2026, 10:00 in Tokyo: an open day, morning. */
	public static final Instant START = tokyo(2026, 11, 24, 10, 0);

	@Bean
	@Primary
	public SettableClock settableClock() {
		return new SettableClock(START);
	}

	@Bean
	@Primary
	public RecordingLineLimitControl recordingLineLimitControl() {
		return new RecordingLineLimitControl();
	}

	@Bean
	@Primary
	public SettableLinesInUse settableLinesInUse() {
		return new SettableLinesInUse();
	}

	@Bean
	@Primary
	public ListedCallArrivals listedCallArrivals() {
		return new ListedCallArrivals();
	}

	@Bean
	@Primary
	public ListedDispatches listedDispatches() {
		return new ListedDispatches();
	}

	@Bean
	@Primary
	public ListedMemberAgents listedMemberAgents() {
		return new ListedMemberAgents();
	}

	public static Instant tokyo(int y, int m, int d, int h, int min) {
		return LocalDateTime.of(y, m, d, h, min).atZone(JapanTime.ZONE).toInstant();
	}

	/** A clock that stands still until the test moves it. */
	public static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
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

	/** Records every limit applied. */
	public static final class RecordingLineLimitControl implements LineLimitControl {

		public final List<Integer> applied = new CopyOnWriteArrayList<>();

		@Override
		public void apply(int lines) {
			applied.add(lines);
		}

		@Override
		public int current() {
			return applied.isEmpty() ? -1 : applied.get(applied.size() - 1);
		}
	}

	/** Calls in progress as the test sets them. */
	public static final class SettableLinesInUse implements LinesInUse {

		public volatile int value;

		@Override
		public int linesInUse() {
			return value;
		}
	}

	/** The agents bound to the queue's members, as the test lists them (member interface to login name). */
	public static final class ListedMemberAgents implements MemberAgents {

		public final java.util.Map<String, String> agents = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public java.util.Map<String, String> agentsByMember(String queue) {
			return java.util.Map.copyOf(agents);
		}
	}

	/** Past calls as the test lists them. */
	public static final class ListedCallArrivals implements CallArrivals {

		public final List<HalfDayCalls> calls = new CopyOnWriteArrayList<>();

		@Override
		public List<HalfDayCalls> between(java.time.LocalDate from, java.time.LocalDate to) {
			return calls.stream().filter(c -> !c.halfDay().date().isBefore(from) && !c.halfDay().date().isAfter(to))
					.toList();
		}
	}

	/** Dispatches made and planned as the test lists them (in place of the mailing schedule). */
	public static final class ListedDispatches implements PlannedDispatches {

		public final List<PlannedDispatches.Dispatch> dispatches = new CopyOnWriteArrayList<>();

		@Override
		public List<PlannedDispatches.Dispatch> between(java.time.LocalDate from, java.time.LocalDate to) {
			return dispatches.stream().filter(d -> !d.on().isBefore(from) && !d.on().isAfter(to))
					.sorted(java.util.Comparator.comparing(PlannedDispatches.Dispatch::on)).toList();
		}
	}
}
