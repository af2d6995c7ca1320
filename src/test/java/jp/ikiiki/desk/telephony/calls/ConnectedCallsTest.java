package jp.ikiiki.desk.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.telephony.CallConnected;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.junit.jupiter.api.Test;

class ConnectedCallsTest {

	final List<Object> published = new ArrayList<>();
	final ConnectedCalls calls = new ConnectedCalls(published::add, "inquiry");

	static AgentConnectEvent connect(String queue, String callerNumber) {
		AgentConnectEvent e = new AgentConnectEvent(new Object());
		e.setQueue(queue);
		e.setInterface("Local/agent1@agents");
		e.setLinkedId("1795336740.1");
		e.setCallerIdNum(callerNumber);
		e.setHoldTime(7L);
		e.setTimestamp(1795336750.25);
		return e;
	}

	@Test
	void an_agent_connect_of_the_queue_publishes_the_call_with_the_callers_number_and_wait() {
		calls.onEvent(connect("inquiry", "0821234567"));

		assertThat(published).singleElement().isEqualTo(new CallConnected("1795336740.1", "inquiry",
				"Local/agent1@agents", "0821234567", java.math.BigDecimal.valueOf(7L),
				Instant.ofEpochSecond(1795336750, 250_000_000)));
		assertThat(published.get(0).toString()).doesNotContain("0821234567");
	}

	@Test
	void a_withheld_number_is_null_and_other_queues_and_events_publish_nothing() {
		calls.onEvent(connect("inquiry", "<unknown>"));
		calls.onEvent(connect("other-queue", "0821234567"));
		calls.onEvent(new AgentCalledEvent(new Object()));

		assertThat(published).singleElement().satisfies(c -> assertThat(((CallConnected) c).callerNumber()).isNull());
	}
}
