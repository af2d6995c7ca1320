package jp.ikiiki.desk.telephony.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Event-to-metric and event-to-wallboard latency: {@code bench.calls} calls (default 40), one at a time, are
 * placed in the built-in simulator, which writes the call's first events to its AMI socket at once. Measured from
 * the moment the call is placed to
 * <ul>
 * <li>the {@code ikiiki_lines_in_use} gauge reading 1 in the meter registry {@code /actuator/prometheus} serves
 * (polled every 0.1 ms), and</li>
 * <li>the wallboard in headless Chromium showing the line in use (a MutationObserver in the page notes the
 * browser's clock when the pushed text changes; browser and JVM share the machine's clock).</li>
 * </ul>
 * Prints p50, p95, p99 and max; goal p99 &lt; 1 s.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=CallCentreLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallCentreLatencyBenchmark {

	private static final int CALLS = Integer.getInteger("bench.calls", 40);
	private static final int LINES = 10;

	@LocalServerPort
	int port;
	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;
	@Autowired
	MeterRegistry registry;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PasswordEncoder encoder;

	@Test
	void from_a_call_placed_to_the_metric_and_to_the_wallboard() throws Exception {
		Chromium.user(jdbc, encoder, "bench-fm", "現場責任者", "bench-pass-1", "FLOOR_MANAGER");
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"bench-fm", null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			lines.resizeNow(LINES, true, "latency benchmark");
		} finally {
			SecurityContextHolder.clearContext();
		}
		List<Double> toMetric = new ArrayList<>();
		List<Double> toWallboard = new ArrayList<>();
		try (Chromium chromium = Chromium.launch(); var context = chromium.context(1400, 1000)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "bench-fm", "bench-pass-1");
			page.navigate("http://localhost:" + port + "/wallboard");
			page.locator("#wallboard-lines .wallboard-value").waitFor();
			page.evaluate("() => { window.__seen = [];"
					+ " const tile = document.querySelector('#wallboard-lines');"
					+ " new MutationObserver(() => window.__seen.push({t: Date.now(),"
					+ "  text: tile.querySelector('.wallboard-value').textContent}))"
					+ " .observe(tile, {subtree: true, childList: true, characterData: true}); }");
			String inUse = "1 / " + LINES;
			String idle = "0 / " + LINES;
			for (int i = 0; i < CALLS; i++) {
				waitUntil(() -> gauge() == 0 && idle.equals(page.locator("#wallboard-lines .wallboard-value")
						.textContent()), 30_000);
				page.evaluate("() => { window.__seen = []; }");
				long placedAtMillis = System.currentTimeMillis();
				long placedAt = System.nanoTime();
				// A patient caller answered after 1 s of ringing who talks 20 s (the tests' simulator runs ten
				// times faster than real time): the line is held about 2 s.
				simulator.pbx().placeCall(new CallSpec("lat" + i, "0820000000", "Caller", 1_000, 1, 20));
				while (gauge() < 1) {
					if (System.nanoTime() - placedAt > 30_000_000_000L) {
						throw new AssertionError("the gauge never showed the call");
					}
					Thread.onSpinWait();
				}
				toMetric.add((System.nanoTime() - placedAt) / 1e6);
				Double shownAt = null;
				long deadline = System.nanoTime() + 30_000_000_000L;
				while (shownAt == null && System.nanoTime() < deadline) {
					Object t = page.evaluate("text => { const s = window.__seen.find(e => e.text === text);"
							+ " return s ? s.t : null; }", inUse);
					shownAt = t == null ? null : ((Number) t).doubleValue();
					if (shownAt == null) {
						Thread.sleep(20);
					}
				}
				assertThat(shownAt).as("the wallboard showed call %d", i).isNotNull();
				toWallboard.add(shownAt - placedAtMillis);
			}
		}
		print("event → metric (ikiiki_lines_in_use)", toMetric);
		print("event → wallboard (pushed to Chromium)", toWallboard);
	}

	private double gauge() {
		return registry.get("ikiiki.lines.in.use").gauge().value();
	}

	private static void waitUntil(BooleanSupplier condition, long millis) throws InterruptedException {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out");
			}
			Thread.sleep(20);
		}
	}

	private static void print(String what, List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "%n[bench] CallCentreLatencyBenchmark %s over %d calls: p50 %.1f ms, p95 %.1f ms,"
				+ " p99 %.1f ms, max %.1f ms%n", what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99), sorted.get(sorted.size() - 1));
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}
}
