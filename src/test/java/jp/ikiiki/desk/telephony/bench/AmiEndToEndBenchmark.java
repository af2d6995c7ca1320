package jp.ikiiki.desk.telephony.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.calls.AmiLog;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * AMI ingestion end to end, in one run as in production: the built-in simulator serves the Asterisk 22 recording
 * {@code bench.copies} times (default 1,000: 11,000 calls, about 1.2 million events) with fresh Linkedids, as fast
 * as its socket takes it; the application's own {@code AmiConnection} (asterisk-java) reads it, its dispatcher
 * lanes hand the events to every consumer (call recording into PostgreSQL, call and member tracking, metrics,
 * wallboard feed). Measured from the first event a consumer sees to the moment the last call is in
 * {@code call_record}. Zero loss is checked three ways: every event the simulator wrote reached the consumers,
 * every call is recorded, and the outcomes are the recording's ground truth times the copies.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=AmiEndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
@SpringBootTest
class AmiEndToEndBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 1_000);
	/** The recording's ground truth (fixtures/ami/README.md): 11 calls. */
	private static final Map<String, Long> TRUTH = Map.of("ANSWERED", 6L, "ABANDONED", 1L, "TIMEOUT", 1L,
			"REFUSED", 3L);

	@DynamicPropertySource
	static void replayTheRecordingManyTimes(DynamicPropertyRegistry registry) {
		Path file = copies();
		registry.add("ikiiki.telephony.simulator.replay-file", file::toString);
		registry.add("ikiiki.telephony.simulator.replay-speed", () -> "0");
	}

	@Autowired
	AmiSimulator simulator;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Counting counting;

	@Test
	void the_recording_replayed_through_the_socket_into_the_database_with_nothing_lost() throws Exception {
		long expectedCalls = 11L * COPIES;
		long deadline = System.nanoTime() + 600_000_000_000L;
		long calls = 0;
		while (System.nanoTime() < deadline) {
			calls = jdbc.sql("select count(*) from call_record where linked_id like 'e%'").query(Long.class).single();
			if (calls >= expectedCalls) {
				break;
			}
			Thread.sleep(5);
		}
		long end = System.nanoTime();
		// Let the last events (after each call's record) reach the counting consumer too.
		long settle = System.nanoTime() + 5_000_000_000L;
		while (counting.events.get() < simulator.eventsWritten() + 1 && System.nanoTime() < settle) {
			Thread.sleep(5);
		}
		double seconds = (end - counting.first) / 1e9;
		long written = simulator.eventsWritten();
		// The simulator's FullyBooted right after the login is not in eventsWritten.
		long expectedEvents = written + 1;
		Map<String, Long> outcomes = jdbc.sql("select outcome, count(*) from call_record where linked_id like 'e%'"
				+ " group by outcome").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		System.out.printf(Locale.ROOT, "%n[bench] AmiEndToEndBenchmark: %,d copies of the recording: %,d events written,"
				+ " %,d reached the consumers (lost %,d); %,d calls recorded of %,d; %.2f s: %,.0f events/s,"
				+ " %,.0f calls/s; outcomes %s%n", COPIES, expectedEvents, counting.events.get(),
				expectedEvents - counting.events.get(), calls, expectedCalls, seconds, written / seconds,
				calls / seconds, outcomes);

		assertThat(counting.events.get()).as("events that reached the consumers").isEqualTo(expectedEvents);
		assertThat(calls).as("calls recorded").isEqualTo(expectedCalls);
		TRUTH.forEach((outcome, perCopy) -> assertThat(outcomes.get(outcome)).as(outcome).isEqualTo(perCopy * COPIES));
	}

	private static Path copies() {
		String recording = AmiLog.resource("/fixtures/ami/ami-events.log");
		try {
			Path file = Files.createTempFile("ami-bench-", ".log");
			file.toFile().deleteOnExit();
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				for (int copy = 0; copy < COPIES; copy++) {
					// 'e' + copy number: the recording's Linkedids become e00001-call..., distinct per copy and from
					// anything else in the database.
					out.write(AmiLog.copyText(recording, String.format(Locale.ROOT, "e%05d-", copy), copy * 120.0));
					if (!recording.endsWith("\r\n\r\n")) {
						out.write("\r\n\r\n");
					}
				}
			}
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Counts what reaches the consumers, as the other consumers get it; notes when the first event arrived. */
	static final class Counting implements AmiEventConsumer {

		final AtomicLong events = new AtomicLong();
		volatile long first;

		@Override
		public void onEvent(ManagerEvent event) {
			Class<?> type = event.getClass();
			// asterisk-java's own legacy DialEvent/BridgeEvent and its connection events are not on the wire;
			// answers to the application's own actions (QueueStatus after the login: asterisk-java knows them by
			// its internal ActionID) are not in eventsWritten; the recording's own list events are.
			if (type == DialEvent.class || type == BridgeEvent.class || event instanceof ConnectEvent
					|| event instanceof DisconnectEvent
					|| event instanceof ResponseEvent response && response.getInternalActionId() != null) {
				return;
			}
			if (events.getAndIncrement() == 0) {
				first = System.nanoTime();
			}
		}
	}

	@TestConfiguration
	static class CountingConfiguration {

		@Bean
		Counting counting() {
			return new Counting();
		}
	}
}
