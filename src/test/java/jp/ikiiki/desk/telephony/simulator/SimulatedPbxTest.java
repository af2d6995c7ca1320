package jp.ikiiki.desk.telephony.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class SimulatedPbxTest {

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
		SimulatorSettings settings = SimulatorSettings.recordingBench().withAgents(50, 10_000).withArrivals(60)
				.withSpeed(200);
		long calm = offeredIn(settings, 1, Duration.ofMillis(1_500));
		long surge = offeredIn(settings, 5, Duration.ofMillis(1_500));

		// 60/min over about 300 simulated seconds: about 300 calls; five times that in a surge.
		assertThat(calm).isBetween(200L, 420L);
		assertThat(surge).isGreaterThan(calm * 3);
	}

	private static long offeredIn(SimulatorSettings settings, double surgeFactor, Duration wall) {
		try (SimulatedPbx pbx = new SimulatedPbx(settings, m -> { })) {
			if (surgeFactor != 1) {
				pbx.surge(surgeFactor, 60);
			}
			pbx.start();
			sleep(wall);
			return pbx.stats().offered();
		}
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
			EventRecorder.waitUntil(() -> numbers.size() >= 20, Duration.ofSeconds(20), "20 random calls");
		}
		return List.copyOf(numbers.subList(0, 20));
	}

	private static void sleep(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
