package jp.ikiiki.desk.telephony.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class SimulatedPbxTest {

	/** Fields that describe a channel at a step of the call (names, states, caller ids, causes). */
	private static final List<String> COMPARED = List.of("Event", "Channel", "ChannelState", "ChannelStateDesc",
			"CallerIDNum", "ConnectedLineNum", "Context", "Exten", "DestChannel", "DestChannelState",
			"LocalOneChannel", "LocalTwoChannel", "DialStatus", "Cause", "Cause-txt", "Queue");
	/** The recording's noise the simulator leaves out (see its Javadoc). */
	private static final Set<String> NOISE = Set.of("VarSet", "Newexten", "DeviceStateChange");

	@Test
	void random_arrivals_are_the_same_for_the_same_seed_and_differ_for_another() {
		List<String> first = callers(7);
		List<String> again = callers(7);
		List<String> other = callers(8);

		assertThat(first).hasSize(20).isEqualTo(again);
		assertThat(other).hasSize(20).isNotEqualTo(first);
	}

	@Test
	void a_surge_multiplies_the_arrival_rate() {
		SimulatorSettings settings = SimulatorSettings.recordingBench().withArrivals(60);
		try (SimulatedPbx pbx = new SimulatedPbx(settings, m -> { })) {
			double calm = pbx.call(() -> meanGap(pbx));
			pbx.surge(5, 60);
			double surge = pbx.call(() -> meanGap(pbx));

			// 60 calls a minute: one second between callers on average (± 3 % over 2,000 draws); a fifth of it.
			assertThat(calm).isBetween(0.9, 1.1);
			assertThat(surge).isBetween(0.18, 0.22);
		}
	}

	private static double meanGap(SimulatedPbx pbx) {
		double sum = 0;
		for (int i = 0; i < 2_000; i++) {
			sum += pbx.nextArrivalGap();
		}
		return sum / 2_000;
	}

	@Test
	void an_answered_call_sends_the_recordings_events_in_the_recordings_order_with_its_states_and_causes()
			throws Exception {
		List<Map<String, String>> recorded = recorded("call01-caller");
		List<Map<String, String>> simulated = simulated("call01", "5550101", "Caller 01", 1_000, 2, 5, null);

		assertThat(simulated).isEqualTo(recorded);
		// both Local channels open alike: Down and Ring halves, caller ids, LocalBridge
		assertThat(simulated.subList(0, 7)).extracting(e -> e.get("Event")).containsExactly("Newchannel",
				"Newchannel", "NewCallerid", "NewConnectedLine", "NewCallerid", "NewConnectedLine", "LocalBridge");
	}

	@Test
	void a_refused_call_sends_the_recordings_events_busy_and_cause_17() throws Exception {
		List<Map<String, String>> recorded = recorded("call06-caller");
		List<Map<String, String>> simulated = simulated("call06", "5550106", "Caller 06", 1_000, 1, 5, "0");

		assertThat(simulated).isEqualTo(recorded);
		assertThat(simulated).filteredOn(e -> "Hangup".equals(e.get("Event")))
				.extracting(e -> e.get("Cause") + " " + e.get("Cause-txt"))
				.containsExactly("17 User busy", "0 Unknown");
	}

	/** One call's events in the recording, by Linkedid, without the noise, channel numbers neutralised. */
	private static List<Map<String, String>> recorded(String linkedId) throws Exception {
		String text = Files.readString(AmiReplayTest.RECORDING, StandardCharsets.UTF_8);
		List<Map<String, String>> events = new ArrayList<>();
		for (String block : text.split("\r\n\r\n")) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String line : block.split("\r\n")) {
				int colon = line.indexOf(": ");
				if (colon > 0) {
					fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
				}
			}
			if (ofCall(fields, linkedId) && !NOISE.contains(fields.get("Event"))) {
				events.add(compared(fields));
			}
		}
		return events;
	}

	/** One call placed in the simulator, read the same way. */
	private static List<Map<String, String>> simulated(String label, String number, String name, double patience,
			double ring, double talk, String lines) {
		List<AmiMessage> messages = new CopyOnWriteArrayList<>();
		try (SimulatedPbx pbx = new SimulatedPbx(SimulatorSettings.recordingBench().withSpeed(50), messages::add)) {
			if (lines != null) {
				pbx.call(() -> {
					pbx.setGlobal("LINES", lines);
					return null;
				});
			}
			pbx.placeCall(new CallSpec(label, number, name, patience, ring, talk));
			await().atMost(Duration.ofSeconds(20)).until(() -> messages.stream().anyMatch(
					m -> "Hangup".equals(m.eventName()) && (label + "-caller").equals(m.get("Uniqueid"))));
		}
		List<Map<String, String>> events = new ArrayList<>();
		for (AmiMessage m : messages) {
			Map<String, String> fields = new LinkedHashMap<>();
			m.headers().forEach(h -> fields.putIfAbsent(h[0], h[1]));
			if (ofCall(fields, label + "-caller")) {
				events.add(compared(fields));
			}
		}
		return events;
	}

	/** An event of the call: its channel's Linkedid, or for {@code LocalBridge} its first half's. */
	private static boolean ofCall(Map<String, String> fields, String linkedId) {
		return linkedId.equals(fields.get("Linkedid")) || linkedId.equals(fields.get("LocalOneLinkedid"));
	}

	private static Map<String, String> compared(Map<String, String> fields) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (String key : COMPARED) {
			String value = fields.get(key);
			if (value != null) {
				// Asterisk numbers Local channels across the whole run; the simulator per call.
				kept.put(key, value.replaceAll("-[0-9a-f]{8};", "-N;"));
			}
		}
		return kept;
	}

	private static List<String> callers(long seed) {
		SimulatorSettings base = SimulatorSettings.recordingBench();
		SimulatorSettings settings = new SimulatorSettings(base.queue(), base.lineVariable(), base.refusalEvent(),
				base.username(), base.password(), 3, 100, 30, 600, 60, 4, 7, 1, 3, 100, seed);
		List<String> numbers = new CopyOnWriteArrayList<>();
		try (SimulatedPbx pbx = new SimulatedPbx(settings, m -> {
			if ("NewCallerid".equals(m.eventName()) && m.get("Channel").endsWith(";1")
					&& m.get("Channel").startsWith("Local/s@incoming")) {
				numbers.add(m.get("CallerIDNum"));
			}
		})) {
			pbx.start();
			await().atMost(Duration.ofSeconds(20)).until(() -> numbers.size() >= 20);
		}
		return List.copyOf(numbers.subList(0, 20));
	}
}
