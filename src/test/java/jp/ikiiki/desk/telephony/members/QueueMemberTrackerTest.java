package jp.ikiiki.desk.telephony.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.telephony.QueueMemberChanged;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMemberState.Activity;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.junit.jupiter.api.Test;

/** Member states from the event sequences of the recording (agent 1 of queue inquiry, calls 01 and 08). */
class QueueMemberTrackerTest {

	private static final String QUEUE = "inquiry";
	private static final String AGENT1 = "Local/agent1@agents";

	private final List<QueueMemberChanged> published = new ArrayList<>();
	private final QueueMemberTracker tracker = new QueueMemberTracker(e -> published.add((QueueMemberChanged) e));

	@Test
	void an_answered_call_rings_connects_and_frees_the_member() {
		feed(status(1795336729.0, 1, false, 0)); // as QueueStatus reports it after login
		assertThat(agent1().activity()).isEqualTo(Activity.AVAILABLE);

		feed(called(1795336741.598627, "call01-caller"));
		feed(status(1795336741.598684, 2, false, 0)); // Local members report "in use" while ringing
		assertThat(agent1().activity()).isEqualTo(Activity.RINGING);
		assertThat(agent1().linkedId()).isEqualTo("call01-caller");

		feed(connect(1795336744.602262, "call01-caller"));
		assertThat(agent1().activity()).isEqualTo(Activity.IN_CALL);
		assertThat(agent1().since()).isEqualTo(Instant.ofEpochMilli(1795336744602L));

		feed(complete(1795336752.110852, "call01-caller"));
		feed(status(1795336752.110864, 1, false, 1));
		QueueMemberState after = agent1();
		assertThat(after.activity()).isEqualTo(Activity.AVAILABLE);
		assertThat(after.linkedId()).isNull();
		assertThat(after.callsTaken()).isEqualTo(1);
		assertThat(after.name()).isEqualTo("Agent 1");
	}

	@Test
	void lanes_out_of_order_end_in_the_same_state() {
		// The member lane is ahead: its "not in use" after the call arrives before the agent lane's events.
		feed(status(1795336729.0, 1, false, 0));
		feed(status(1795336752.110864, 1, false, 1));
		feed(called(1795336741.598627, "call01-caller"));
		feed(connect(1795336744.602262, "call01-caller"));
		feed(complete(1795336752.110852, "call01-caller"));
		feed(status(1795336741.598684, 2, false, 0)); // late and older than what is shown: ignored
		assertThat(agent1().activity()).isEqualTo(Activity.AVAILABLE);
		assertThat(agent1().callsTaken()).isEqualTo(1);
	}

	@Test
	void a_pause_shows_with_its_reason_and_a_queue_call_wins_over_it() {
		feed(status(1795336784.320834, 1, false, 2));
		feed(pause(1795336793.907056, true, "break"));
		assertThat(agent1().activity()).isEqualTo(Activity.PAUSED);
		assertThat(agent1().pausedReason()).isEqualTo("break");

		feed(pause(1795336828.409175, false, ""));
		assertThat(agent1().activity()).isEqualTo(Activity.AVAILABLE);
		assertThat(agent1().pausedReason()).isNull();
	}

	@Test
	void a_ring_without_answer_frees_the_member_and_device_states_map_to_activities() {
		feed(called(100.0, "c1"));
		feed(ringNoAnswer(115.0));
		assertThat(agent1().activity()).isEqualTo(Activity.AVAILABLE);
		feed(status(116.0, 5, false, 0));
		assertThat(agent1().activity()).isEqualTo(Activity.UNAVAILABLE);
		feed(status(117.0, 3, false, 0));
		assertThat(agent1().activity()).isEqualTo(Activity.BUSY);
	}

	@Test
	void only_visible_changes_are_published_and_removal_is_reported() {
		feed(status(1.0, 1, false, 0));
		feed(status(2.0, 1, false, 0)); // nothing new
		assertThat(published).hasSize(1);

		var removed = new QueueMemberRemovedEvent(this);
		removed.setQueue(QUEUE);
		removed.setInterface(AGENT1);
		removed.setTimestamp(3.0);
		feed(removed);
		assertThat(published).hasSize(2);
		assertThat(published.get(1).removed()).isTrue();
		assertThat(tracker.members()).isEmpty();
	}

	private QueueMemberState agent1() {
		return tracker.member(QUEUE, AGENT1).orElseThrow();
	}

	private void feed(ManagerEvent e) {
		tracker.onEvent(e);
	}

	private QueueMemberEvent status(double ts, int status, boolean paused, int callsTaken) {
		var e = new QueueMemberStatusEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setStatus(status);
		e.setPaused(paused);
		e.setCallsTaken(callsTaken);
		e.setTimestamp(ts);
		return e;
	}

	private QueueMemberPauseEvent pause(double ts, boolean paused, String reason) {
		var e = new QueueMemberPauseEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setPaused(paused);
		e.setPausedreason(reason);
		e.setStatus(1);
		e.setCallsTaken(2);
		e.setTimestamp(ts);
		return e;
	}

	private AgentCalledEvent called(double ts, String linkedId) {
		var e = new AgentCalledEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setLinkedId(linkedId);
		e.setTimestamp(ts);
		return e;
	}

	private AgentConnectEvent connect(double ts, String linkedId) {
		var e = new AgentConnectEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setLinkedId(linkedId);
		e.setTimestamp(ts);
		return e;
	}

	private AgentCompleteEvent complete(double ts, String linkedId) {
		var e = new AgentCompleteEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setTimestamp(ts);
		return e;
	}

	private AgentRingNoAnswerEvent ringNoAnswer(double ts) {
		var e = new AgentRingNoAnswerEvent(this);
		e.setQueue(QUEUE);
		e.setInterface(AGENT1);
		e.setMemberName("Agent 1");
		e.setTimestamp(ts);
		return e;
	}
}
