package jp.ikiiki.desk.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.LineLimitControl;
import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import jp.ikiiki.desk.telephony.simulator.EventRecorder;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class AmiConnectionIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TestConfiguration
	static class Consumer {

		@Bean
		RecordingConsumer recordingConsumer() {
			return new RecordingConsumer();
		}
	}

	static class RecordingConsumer implements AmiEventConsumer {

		final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onEvent(ManagerEvent event) {
			events.add(event);
		}
	}

	@Autowired TelephonyStatus telephony;
	@Autowired AmiSimulator simulator;
	@Autowired LineLimitControl lineLimit;
	@Autowired RecordingConsumer consumer;
	@Autowired JdbcClient jdbc;
	@Autowired MeterRegistry registry;
	@Autowired MockMvc mvc;
	@Autowired AmiHealthIndicator health;

	@Test
	void the_app_connects_to_its_simulator_and_a_drop_reconnects_reapplies_the_limit_resyncs_and_records_the_gap()
			throws Exception {
		awaitState(TelephonyStatus.State.CONNECTED);
		assertThat(registry.get("ikiiki.ami.connected").gauge().value()).isEqualTo(1);
		double reconnectsBefore = registry.get("ikiiki.ami.reconnects").counter().count();
		EventRecorder.waitUntil(() -> consumer.events.stream().anyMatch(QueueParamsEvent.class::isInstance), WAIT,
				"the queue state after connecting");

		lineLimit.apply(4);
		assertThat(lineLimit.current()).isEqualTo(4);
		EventRecorder.waitUntil(() -> setvars("4") == 1, WAIT, "the line limit sent");
		EventRecorder.waitUntil(() -> simulator.actions().stream().anyMatch(a -> "DBPut".equalsIgnoreCase(a.get("Action"))
				&& "ikiiki".equals(a.get("Family")) && "lines".equals(a.get("Key")) && "4".equals(a.get("Val"))), WAIT,
				"the line limit stored in AstDB");
		assertThat(registry.get("ikiiki.lines.limit").gauge().value()).isEqualTo(4);

		simulator.refuseConnections(true);
		simulator.dropConnections();
		awaitState(TelephonyStatus.State.RECONNECTING);
		assertThat(registry.get("ikiiki.ami.connected").gauge().value()).isZero();
		assertThat(openGaps()).isEqualTo(1);
		assertThat(health.health().getStatus().getCode()).isEqualTo("RECONNECTING");
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

		int queueStatusBefore = count("QueueStatus");
		simulator.refuseConnections(false);
		awaitState(TelephonyStatus.State.CONNECTED);

		assertThat(telephony.status().reconnects()).isEqualTo(1);
		assertThat(registry.get("ikiiki.ami.reconnects").counter().count()).isEqualTo(reconnectsBefore + 1);
		EventRecorder.waitUntil(() -> setvars("4") == 2, WAIT, "the line limit applied again");
		EventRecorder.waitUntil(() -> count("QueueStatus") > queueStatusBefore, WAIT, "QueueStatus after the reconnect");
		assertThat(openGaps()).isZero();
		Boolean lostGapClosed = jdbc.sql("""
				select restored_at is not null and restored_at >= lost_at from telephony_gap
				where reason = 'connection lost' order by id desc limit 1
				""").query(Boolean.class).single();
		assertThat(lostGapClosed).isTrue();
		// The time before the first connection of this run is a gap too, closed at that connection.
		assertThat(jdbc.sql("""
				select count(*) from telephony_gap
				where reason in ('application started', 'application stopped') and restored_at is not null
				""").query(Integer.class).single()).isPositive();
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(health.health().getDetails()).containsEntry("reconnects", 1L);
		mvc.perform(get("/actuator/prometheus"))
				.andExpect(content().string(Matchers.containsString("ikiiki_ami_connected 1.0")))
				.andExpect(content().string(Matchers.containsString("ikiiki_ami_reconnects_total")))
				.andExpect(content().string(Matchers.containsString("ikiiki_lines_limit 4.0")));
	}

	@Test
	void consumers_get_the_simulated_calls_and_the_queue_members_after_connecting() {
		awaitState(TelephonyStatus.State.CONNECTED);
		EventRecorder.waitUntil(() -> consumer.events.stream().filter(QueueMemberEvent.class::isInstance).count() >= 3,
				WAIT, "the members of the queue");
		lineLimit.apply(1);

		simulator.pbx().placeCall(new CallSpec("it-a", "0300000001", "Caller", 1_000, 1, 2));
		simulator.pbx().placeCall(new CallSpec("it-b", "0300000002", "Caller", 1_000, 1, 2));

		EventRecorder.waitUntil(() -> consumer.events.stream()
				.anyMatch(e -> e instanceof HangupEvent h && "it-a-caller".equals(h.getUniqueId())), WAIT,
				"call it-a to end");
		assertThat(consumer.events).anyMatch(e -> e instanceof AgentConnectEvent a && "it-a-caller".equals(a.getLinkedId()));
		assertThat(consumer.events).anyMatch(e -> e instanceof LineLimitRejectEvent r && "it-b-caller".equals(r.getLinkedId())
				&& r.getLines() == 1 && r.getInUse() == 2);
	}

	private void awaitState(TelephonyStatus.State state) {
		EventRecorder.waitUntil(() -> telephony.status().state() == state, WAIT, "AMI state " + state);
	}

	private long setvars(String value) {
		return simulator.actions().stream().filter(a -> "Setvar".equalsIgnoreCase(a.get("Action"))
				&& "LINES".equals(a.get("Variable")) && value.equals(a.get("Value"))).count();
	}

	private int count(String action) {
		return (int) simulator.actions().stream().map(a -> a.get("Action")).filter(action::equalsIgnoreCase).count();
	}

	private Integer openGaps() {
		return jdbc.sql("select count(*) from telephony_gap where restored_at is null").query(Integer.class).single();
	}
}
