package jp.ikiiki.desk.telephony.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.junit.jupiter.api.Test;

class AmiReplayTest {

	static final Path RECORDING = Path.of("src/test/resources/fixtures/ami/ami-events.log");

	@Test
	void replay_mode_delivers_every_recorded_event_asterisk_java_knows_with_the_same_counts_per_type()
			throws Exception {
		Map<String, Long> recorded = recordedCounts();
		try (AmiSimulator simulator = new AmiSimulator(SimulatorSettings.recordingBench(), 0,
				new AmiSimulator.Replay(RECORDING, 0, 1)).start()) {
			DefaultManagerConnection connection = new DefaultManagerConnection("127.0.0.1", simulator.port(),
					"ikiiki", "ikiiki-demo");
			connection.registerUserEventClass(LineLimitRejectEvent.class);
			EventRecorder recorder = new EventRecorder();
			connection.addEventListener(recorder);
			connection.login();
			long expected = recorded.values().stream().mapToLong(Long::longValue).sum();
			EventRecorder.waitUntil(() -> simulator.eventsWritten() >= expected, Duration.ofSeconds(20),
					"the replay to be written");
			// FullyBooted is sent by the simulator at login and is also the recording's first event.
			long withExtras = expected + 1 + recorded.get("dialbegin") + recorded.get("bridgeenter");
			EventRecorder.waitUntil(() -> received(recorder).values().stream().mapToLong(Long::longValue)
					.sum() >= withExtras, Duration.ofSeconds(20), "every event to arrive");
			connection.logoff();

			Map<String, Long> received = received(recorder);
			// asterisk-java adds a legacy DialEvent per DialBegin and as many BridgeEvents as BridgeEnters.
			assertThat(received.remove("dial")).isEqualTo(recorded.get("dialbegin"));
			assertThat(received.remove("bridge")).isEqualTo(recorded.get("bridgeenter"));
			// The simulator's own FullyBooted after the login comes first.
			assertThat(received.put("fullybooted", received.get("fullybooted") - 1)).isEqualTo(2);
			assertThat(received).isEqualTo(recorded);
			assertThat(recorder.of(LineLimitRejectEvent.class)).hasSize(3)
					.allSatisfy(e -> assertThat(e.getQueue()).isEqualTo("inquiry"));
			assertThat(recorder.of(QueueCallerAbandonEvent.class)).extracting(QueueCallerAbandonEvent::getHoldTime)
					.containsExactly(4, 30);
		}
	}

	/** Event name (lower case) to count, from the raw file. */
	static Map<String, Long> recordedCounts() throws Exception {
		String text = Files.readString(RECORDING, StandardCharsets.UTF_8);
		return java.util.Arrays.stream(text.split("\r\n\r\n")).filter(b -> b.startsWith("Event: "))
				.map(b -> b.substring("Event: ".length(), b.indexOf("\r\n")).toLowerCase(Locale.ROOT))
				.collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
	}

	/** Event name (lower case) to count, from what asterisk-java built (its own ConnectEvent left out). */
	static Map<String, Long> received(EventRecorder recorder) {
		Map<String, Long> counts = new TreeMap<>();
		for (ManagerEvent e : recorder.events()) {
			if (e instanceof ConnectEvent) {
				continue;
			}
			String name = e instanceof UserEvent ? "userevent"
					: e.getClass().getSimpleName().toLowerCase(Locale.ROOT).replaceFirst("event$", "");
			counts.merge(name, 1L, Long::sum);
		}
		return counts;
	}
}
