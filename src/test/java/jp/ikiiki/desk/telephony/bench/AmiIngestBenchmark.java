package jp.ikiiki.desk.telephony.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import jp.ikiiki.desk.telephony.ami.AmiEventDispatcher;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import jp.ikiiki.desk.telephony.simulator.SimulatorSettings;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * AMI ingestion through a real socket: simulator → TCP → asterisk-java → {@link AmiEventDispatcher} lanes → a
 * counting consumer. Counts what the simulator wrote against what the consumer got (asterisk-java's own legacy
 * DialEvent/BridgeEvent and the connection events left out). Prints figures; asserts zero loss only.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=AmiIngestBenchmark}
 */
@Tag("bench")
class AmiIngestBenchmark {

	private static final Path RECORDING = Path.of("src/test/resources/fixtures/ami/ami-events.log");

	@Test
	void replayed_recording_as_fast_as_the_socket_takes_it() throws Exception {
		int rounds = 100;
		try (AmiSimulator simulator = new AmiSimulator(SimulatorSettings.recordingBench(), 0,
				new AmiSimulator.Replay(RECORDING, 0, rounds)).start()) {
			run("replay x" + rounds, simulator, null);
		}
	}

	@Test
	void live_simulated_calls_at_high_speed() throws Exception {
		SimulatorSettings settings = SimulatorSettings.recordingBench().withAgents(200, 100_000).withSpeed(100);
		try (AmiSimulator simulator = new AmiSimulator(settings, 0).start()) {
			run("live calls", simulator, () -> {
				for (int i = 0; i < 3_000; i++) {
					// Every 10th caller gives up at once, the others are answered after a 1 s ring and 2 s talk.
					double patience = i % 10 == 0 ? 0.6 : 1_000;
					simulator.pbx().placeCall(new CallSpec("b" + i, "0300000000", "Caller", patience, 1, 2));
				}
			});
		}
	}

	private void run(String name, AmiSimulator simulator, Runnable load) throws Exception {
		AtomicLong counted = new AtomicLong();
		AmiEventConsumer consumer = event -> {
			if (counts(event)) {
				counted.incrementAndGet();
			}
		};
		try (AmiEventDispatcher dispatcher = new AmiEventDispatcher(List.of(consumer), 8)) {
			DefaultManagerConnection connection = new DefaultManagerConnection("127.0.0.1", simulator.port(),
					"ikiiki", "ikiiki-demo");
			connection.registerUserEventClass(LineLimitRejectEvent.class);
			connection.addEventListener(dispatcher::dispatch);
			long start = System.nanoTime();
			connection.login();
			if (load != null) {
				load.run();
			}
			long lastWritten = -1;
			long lastChange = System.nanoTime();
			long lastProgress = System.nanoTime();
			// Done when nothing was written for a second and the consumer has caught up (or stalled for 10 s).
			while (true) {
				Thread.sleep(50);
				long written = simulator.eventsWritten();
				if (written != lastWritten) {
					lastWritten = written;
					lastChange = System.nanoTime();
				}
				boolean quiet = System.nanoTime() - lastChange > 1_000_000_000L;
				if (quiet && counted.get() >= written + 1) {
					break;
				}
				if (counted.get() < written + 1) {
					lastProgress = Math.max(lastProgress, lastChange);
				}
				if (System.nanoTime() - lastProgress > 30_000_000_000L) {
					break;
				}
			}
			long end = System.nanoTime();
			double seconds = (end - start - 1_000_000_000L) / 1e9;
			connection.logoff();
			long written = simulator.eventsWritten();
			// The simulator's FullyBooted right after the login is not in eventsWritten.
			long expected = written + 1;
			long received = counted.get();
			System.out.printf("AmiIngestBenchmark %s: written %,d events, received %,d, lost %,d, %.2f s, %,.0f events/s%n",
					name, expected, received, expected - received, seconds, received / seconds);
			assertThat(received).isEqualTo(expected);
		}
	}

	private static boolean counts(ManagerEvent event) {
		Class<?> type = event.getClass();
		return type != DialEvent.class && type != BridgeEvent.class && !(event instanceof ConnectEvent)
				&& !(event instanceof DisconnectEvent);
	}
}
