package jp.ikiiki.desk.telephony.calls;

import static jp.ikiiki.desk.telephony.calls.Ami.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

/** The call state machine, scenario by scenario, with events as asterisk-java builds them from Asterisk 22. */
class CallAssemblerTest {

	final CallAssembler assembler = new CallAssembler("inquiry", Duration.ofHours(4));

	List<FinishedCall> feed(List<ManagerEvent> events) {
		List<FinishedCall> finished = new ArrayList<>();
		events.forEach(e -> finished.addAll(assembler.accept(e)));
		return finished;
	}

	static ManagerEvent channel(String type, double t, String uniqueId, String linkedId) {
		return event(type, t, "Channel", "PJSIP/trunk-" + uniqueId, "Uniqueid", uniqueId, "Linkedid", linkedId,
				"CallerIDNum", "0821234567");
	}

	static ManagerEvent queue(String type, double t, String uniqueId, String linkedId, String... more) {
		String[] headers = new String[6 + more.length];
		headers[0] = "Uniqueid";
		headers[1] = uniqueId;
		headers[2] = "Linkedid";
		headers[3] = linkedId;
		headers[4] = "Queue";
		headers[5] = "inquiry";
		System.arraycopy(more, 0, headers, 6, more.length);
		return event(type, t, headers);
	}

	/** A caller on channel c-1 answered by agent leg a-1 after 4 s; the caller hangs up. */
	static List<ManagerEvent> answered(String id, double t0) {
		String agent = id + "-agent";
		return List.of(channel("Newchannel", t0, id, id),
				queue("QueueCallerJoin", t0 + 0.5, id, id, "Position", "1", "CallerIDNum", "0821234567"),
				channel("Newchannel", t0 + 0.6, agent, id),
				queue("AgentCalled", t0 + 0.6, id, id, "DestUniqueid", agent, "MemberName", "Agent 1"),
				queue("QueueCallerLeave", t0 + 4.5, id, id, "Position", "1"),
				queue("AgentConnect", t0 + 4.5, id, id, "DestUniqueid", agent, "MemberName", "Agent 1",
						"Interface", "PJSIP/agent1", "HoldTime", "4", "RingTime", "2"),
				queue("AgentComplete", t0 + 34.5, id, id, "DestUniqueid", agent, "MemberName", "Agent 1",
						"HoldTime", "4", "TalkTime", "30", "Reason", "caller"),
				channel("Hangup", t0 + 34.6, id, id), channel("Hangup", t0 + 34.7, agent, id));
	}

	@Test
	void an_answered_call_is_recorded_once_its_last_channel_hung_up() {
		List<ManagerEvent> events = answered("c1", 1000);
		assertThat(feed(events.subList(0, events.size() - 1))).isEmpty();
		assertThat(assembler.linesInUse()).isZero();

		FinishedCall call = feed(events.subList(events.size() - 1, events.size())).get(0);

		assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(call.linkedId()).isEqualTo("c1");
		assertThat(call.arrivedAt()).isEqualTo(Instant.ofEpochSecond(1000));
		assertThat(call.waitSeconds()).isEqualByComparingTo("4.000");
		assertThat(call.ringSeconds()).isEqualTo(2);
		assertThat(call.talkSeconds()).isEqualTo(30);
		assertThat(call.member()).isEqualTo("Agent 1");
		assertThat(call.callerNumber()).isEqualTo("0821234567");
		assertThat(call.hungUpBy()).isEqualTo(HungUpBy.CALLER);
		assertThat(call.incomplete()).isFalse();
		assertThat(assembler.openCalls()).isZero();
	}

	@Test
	void leaving_the_queue_alone_is_not_an_answer() {
		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10, "c2", "c2"),
				queue("QueueCallerJoin", 10.5, "c2", "c2"), queue("QueueCallerLeave", 15, "c2", "c2"),
				channel("Hangup", 15.1, "c2", "c2")));

		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(CallOutcome.ABANDONED);
			assertThat(c.waitSeconds()).isEqualByComparingTo("4.5");
		});
	}

	@Test
	void a_caller_hanging_up_while_an_agent_rings_is_an_abandon() {
		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10, "c3", "c3"),
				queue("QueueCallerJoin", 10.5, "c3", "c3"), channel("Newchannel", 10.6, "c3-agent", "c3"),
				queue("AgentCalled", 10.6, "c3", "c3", "DestUniqueid", "c3-agent"),
				channel("HangupRequest", 16.5, "c3", "c3"),
				queue("QueueCallerAbandon", 16.5, "c3", "c3", "HoldTime", "6", "Position", "1",
						"OriginalPosition", "1"),
				queue("QueueCallerLeave", 16.5, "c3", "c3"), channel("Hangup", 16.6, "c3-agent", "c3"),
				channel("Hangup", 16.6, "c3", "c3")));

		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(CallOutcome.ABANDONED);
			assertThat(c.hungUpBy()).isEqualTo(HungUpBy.CALLER);
			assertThat(c.waitSeconds()).isEqualByComparingTo("6");
			assertThat(c.callerHungUpBeforeAbandon()).isTrue();
		});
	}

	@Test
	void a_caller_hanging_up_while_waiting_is_an_abandon_also_when_only_the_hangup_precedes_it() {
		// the recording's order: the caller's Local half hangs up, then the queue reports the abandon
		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10, "c4", "c4"),
				channel("Newchannel", 10, "c4-queue", "c4"), queue("QueueCallerJoin", 10.5, "c4-queue", "c4"),
				channel("Hangup", 14.5, "c4", "c4"), queue("QueueCallerAbandon", 14.5, "c4-queue", "c4", "HoldTime", "4"),
				queue("QueueCallerLeave", 14.5, "c4-queue", "c4"), channel("Hangup", 14.6, "c4-queue", "c4")));

		assertThat(calls).singleElement().extracting(FinishedCall::outcome).isEqualTo(CallOutcome.ABANDONED);
	}

	@Test
	void an_abandon_event_before_any_caller_hangup_is_a_queue_timeout() {
		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10, "c5", "c5"),
				queue("QueueCallerJoin", 10.5, "c5", "c5"),
				queue("QueueCallerAbandon", 40.5, "c5", "c5", "HoldTime", "30"),
				queue("QueueCallerLeave", 40.5, "c5", "c5"), channel("HangupRequest", 41, "c5", "c5"),
				channel("Hangup", 41, "c5", "c5")));

		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(CallOutcome.TIMEOUT);
			assertThat(c.hungUpBy()).isEqualTo(HungUpBy.SYSTEM);
			assertThat(c.waitSeconds()).isEqualByComparingTo("30");
		});
	}

	@Test
	void a_refusal_user_event_makes_a_refused_call_with_the_limit_in_force() {
		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10, "c6", "c6"),
				event("UserEvent", 10.2, "UserEvent", "LineLimitReject", "Uniqueid", "c6", "Linkedid", "c6",
						"Queue", "inquiry", "Lines", "5", "InUse", "6"),
				channel("Hangup", 10.3, "c6", "c6")));

		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(CallOutcome.REFUSED);
			assertThat(c.waitSeconds()).isEqualByComparingTo(BigDecimal.ZERO);
			assertThat(c.refusedLines()).isEqualTo(5);
			assertThat(c.refusedInUse()).isEqualTo(6);
			assertThat(c.hungUpBy()).isEqualTo(HungUpBy.SYSTEM);
		});
		assertThat(assembler.linesInUse()).isZero();
	}

	@Test
	void calls_that_neither_queued_nor_were_refused_are_not_recorded() {
		assertThat(feed(List.of(channel("Newchannel", 10, "x1", "x1"),
				event("QueueCallerJoin", 10.5, "Uniqueid", "x1", "Linkedid", "x1", "Queue", "other"),
				channel("Hangup", 12, "x1", "x1")))).isEmpty();
		assertThat(assembler.openCalls()).isZero();
	}

	@Test
	void the_same_events_twice_give_one_call() {
		List<ManagerEvent> events = answered("c7", 1000);
		List<ManagerEvent> twice = new ArrayList<>(events);
		twice.addAll(events);

		assertThat(feed(twice)).hasSize(1);
		assertThat(assembler.openCalls()).isZero();
	}

	@Test
	void interleaved_lanes_of_different_calls_keep_each_call_apart() {
		List<ManagerEvent> a = answered("c8", 1000);
		List<ManagerEvent> b = List.of(channel("Newchannel", 1001, "c9", "c9"),
				queue("QueueCallerJoin", 1001.5, "c9", "c9"),
				queue("QueueCallerAbandon", 1031.5, "c9", "c9", "HoldTime", "30"),
				queue("QueueCallerLeave", 1031.5, "c9", "c9"), channel("Hangup", 1032, "c9", "c9"));
		// lanes run independently: c9's later events may be handled before c8's earlier ones
		List<ManagerEvent> mixed = new ArrayList<>();
		for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
			if (i < b.size()) {
				mixed.add(b.get(i));
			}
			if (i < a.size()) {
				mixed.add(a.get(i));
			}
		}

		assertThat(feed(mixed)).extracting(FinishedCall::linkedId, FinishedCall::outcome)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c8", CallOutcome.ANSWERED),
						org.assertj.core.groups.Tuple.tuple("c9", CallOutcome.TIMEOUT));
	}

	@Test
	void waiting_callers_and_lines_in_use_follow_the_queue() {
		feed(List.of(channel("Newchannel", 10, "w1", "w1"), queue("QueueCallerJoin", 10.5, "w1", "w1"),
				channel("Newchannel", 20, "w2", "w2"), queue("QueueCallerJoin", 20.5, "w2", "w2")));
		assertThat(assembler.callersWaiting()).isEqualTo(2);
		assertThat(assembler.linesInUse()).isEqualTo(2);
		assertThat(assembler.longestWaitSeconds(Instant.ofEpochSecond(40, 500_000_000))).isCloseTo(30, within(0.001));

		feed(List.of(queue("QueueCallerLeave", 25, "w1", "w1"),
				queue("AgentConnect", 25, "w1", "w1", "HoldTime", "15", "RingTime", "1", "MemberName", "Agent 1")));
		assertThat(assembler.callersWaiting()).isEqualTo(1);
		assertThat(assembler.linesInUse()).isEqualTo(2);
		assertThat(assembler.longestWaitSeconds(Instant.ofEpochSecond(40, 500_000_000))).isCloseTo(20, within(0.001));
	}

	@Test
	void after_a_reconnect_the_queue_status_seeds_waiting_callers_and_their_join_time() {
		// w3 joined before we listened; QueueStatus after the reconnect reports it waiting for 12 s
		feed(List.of(event("QueueParams", 100, "Queue", "inquiry", "Calls", "1"),
				event("QueueEntry", 100, "Queue", "inquiry", "Position", "1", "Uniqueid", "w3", "Channel",
						"PJSIP/trunk-w3", "Wait", "12"),
				event("QueueStatusComplete", 100)));
		assertThat(assembler.callersWaiting()).isEqualTo(1);
		assertThat(assembler.longestWaitSeconds(Instant.ofEpochSecond(100))).isCloseTo(12, within(0.001));

		List<FinishedCall> calls = feed(List.of(queue("QueueCallerLeave", 103, "w3", "w3"),
				queue("AgentConnect", 103, "w3", "w3", "HoldTime", "15", "RingTime", "2", "MemberName", "Agent 2"),
				queue("AgentComplete", 160, "w3", "w3", "TalkTime", "57", "Reason", "agent"),
				channel("Hangup", 160, "w3", "w3")));

		assertThat(assembler.callersWaiting()).isZero();
		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
			assertThat(c.incomplete()).isTrue();
			assertThat(c.joinedQueueAt()).isEqualTo(Instant.ofEpochSecond(88));
			assertThat(c.waitSeconds()).isEqualByComparingTo("15");
			assertThat(c.hungUpBy()).isEqualTo(HungUpBy.AGENT);
		});
	}

	@Test
	void a_call_open_across_a_disconnect_is_marked_incomplete_and_a_missed_hangup_closes_it_later() {
		feed(List.of(channel("Newchannel", 10, "s1", "s1"), queue("QueueCallerJoin", 10.5, "s1", "s1")));
		assembler.accept(new DisconnectEvent(this));
		// the caller left while we were away; Asterisk's queue status no longer lists it
		feed(List.of(event("QueueParams", 60, "Queue", "inquiry", "Calls", "0"), event("QueueStatusComplete", 60)));
		assertThat(assembler.callersWaiting()).isZero();

		List<FinishedCall> calls = feed(List.of(channel("Newchannel", 10 + 4 * 3600 + 1, "s2", "s2")));

		assertThat(calls).singleElement().satisfies(c -> {
			assertThat(c.linkedId()).isEqualTo("s1");
			assertThat(c.incomplete()).isTrue();
			assertThat(c.outcome()).isEqualTo(CallOutcome.ABANDONED);
		});
	}
}
