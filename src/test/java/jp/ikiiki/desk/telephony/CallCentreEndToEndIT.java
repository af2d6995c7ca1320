package jp.ikiiki.desk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.GetVarResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole path as in production, with the simulator in Asterisk's place: a floor manager's resize reaches the
 * dialplan, calls are answered, refused over the limit, abandoned and timed out, the AMI connection drops and comes
 * back, and every call is recorded once with its outcome; the drop is a closed gap and the limit is in force again.
 * The calls are the test's own (Linkedids carry a token of this run), so nothing else in the database matters.
 * The clock is the real one: the resizes confirm out-of-hours use, as a floor manager testing at night would.
 */
@SpringBootTest
class CallCentreEndToEndIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;
	@Autowired
	TelephonyStatus telephony;
	@Autowired
	JdbcClient jdbc;

	/** This run's calls: their Linkedids begin with it. */
	private final String run = "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";

	private CallSpec call(String name, String number, double patience, double talk) {
		return new CallSpec(run + name, number, name.toUpperCase(java.util.Locale.ROOT), patience, 1, talk);
	}

	@Test
	void refusals_abandons_timeouts_a_resize_and_a_dropped_connection_all_end_up_counted_once() throws Exception {
		await().atMost(WAIT).until(() -> telephony.status().state() == TelephonyStatus.State.CONNECTED);
		long gapsBefore = jdbc.sql("select count(*) from telephony_gap").query(Long.class).single();

		asFloorManager(() -> lines.resizeNow(2, true, "test"));
		var tool = new ManagerConnectionImpl();
		tool.setHostname("127.0.0.1");
		tool.setPort(simulator.port());
		tool.setUsername("ikiiki");
		tool.setPassword("ikiiki-demo");
		tool.login();
		try {
			await().atMost(WAIT).until(() -> "2".equals(var(tool, "LINES")));

			// Two callers talk (2 lines in use), a third is refused by the line limit.
			simulator.pbx().placeCall(call("a", "0829999001", 1_000, 40));
			simulator.pbx().placeCall(call("b", "0829999002", 1_000, 40));
			await().atMost(WAIT).until(() -> simulator.pbx().stats().linesInUse() == 2);
			simulator.pbx().placeCall(call("c", "0829999003", 1_000, 5));
			await().atMost(WAIT).until(() -> outcomes().size() == 1);

			// Lines back to 5; nobody free: one caller gives up, one waits out the queue's 30 s.
			asFloorManager(() -> lines.resizeNow(5, true, "test"));
			await().atMost(WAIT).until(() -> "5".equals(var(tool, "LINES")));
			await().atMost(WAIT).until(() -> outcomes().size() == 3); // a and b finished talking
			pause(tool, true);
			simulator.pbx().placeCall(call("d", "0829999004", 5, 5));
			simulator.pbx().placeCall(call("e", "0829999005", 1_000, 5));
			await().atMost(WAIT).until(() -> outcomes().size() == 5);

			// The connection drops; it comes back by itself, the limit is applied again, and the next call counts.
			simulator.dropConnections();
			await().atMost(WAIT).until(() -> telephony.status().state() != TelephonyStatus.State.CONNECTED
					|| telephony.status().reconnects() > 0);
			await().atMost(WAIT).until(() -> telephony.status().state() == TelephonyStatus.State.CONNECTED
					&& telephony.status().reconnects() > 0);
			if (!tool.getState().name().equals("CONNECTED")) {
				await().atMost(WAIT).until(() -> tool.getState().name().equals("CONNECTED"));
			}
			pause(tool, false);
			simulator.pbx().placeCall(call("f", "0829999006", 1_000, 5));
			await().atMost(WAIT).until(() -> outcomes().size() == 6);
			assertThat(var(tool, "LINES")).isEqualTo("5");
		} finally {
			tool.logoff();
		}

		assertThat(outcomes()).containsExactlyInAnyOrderEntriesOf(Map.of(
				"0829999001", "ANSWERED", "0829999002", "ANSWERED", "0829999003", "REFUSED",
				"0829999004", "ABANDONED", "0829999005", "TIMEOUT", "0829999006", "ANSWERED"));
		Map<String, Object> timeout = jdbc.sql("select wait_seconds, hold_time from call_record where linked_id = :id")
				.param("id", run + "e-caller").query().singleRow();
		assertThat(((Number) timeout.get("hold_time")).intValue()).isEqualTo(30);
		List<Map<String, Object>> gaps = jdbc.sql("select lost_at, restored_at, reason from telephony_gap order by id")
				.query().listOfRows();
		assertThat(gaps).hasSizeGreaterThan((int) gapsBefore);
		assertThat(gaps.get(gaps.size() - 1).get("restored_at")).as("the drop's gap closed on reconnect").isNotNull();

		// Replaying nothing new: the rows stay as they are (one per call).
		assertThat(jdbc.sql("select count(*) from call_record where linked_id like :run").param("run", run + "%")
				.query(Long.class).single()).isEqualTo(6);
	}

	private Map<String, String> outcomes() {
		return jdbc.sql("select caller_number, outcome from call_record where linked_id like :run")
				.param("run", run + "%").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String var(ManagerConnectionImpl c, String name) throws Exception {
		var response = c.sendAction(new GetVarAction(name), 5_000);
		return response instanceof GetVarResponse r ? r.getValue() : response.getAttribute("value");
	}

	private static void pause(ManagerConnectionImpl c, boolean paused) throws Exception {
		for (int i = 1; i <= 3; i++) {
			c.sendAction(new QueuePauseAction("Local/agent" + i + "@agents", "inquiry", paused), 5_000);
		}
	}

	private static void asFloorManager(Runnable action) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("e2e-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			action.run();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
