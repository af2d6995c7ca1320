package jp.ikiiki.desk.telephony.members;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.QueueMemberChanged;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMemberState.Activity;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.asteriskjava.manager.event.AbstractAgentEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps every queue member's state from the AMI events.
 * <p>
 * Two kinds of events describe a member, and they arrive on different lanes of the event dispatch (member
 * events carry no Linkedid, agent events carry their call's), so their relative order is not guaranteed; each
 * change is therefore applied only if it is not older than what the member already shows, by the events'
 * {@code Timestamp}.
 * <ul>
 * <li>Member events ({@code QueueMember} from QueueStatus, {@code QueueMemberStatus}, {@code QueueMemberAdded},
 * {@code QueueMemberPause}, {@code QueueMemberRemoved}) give the device status, the pause and the calls taken.
 * They do not say whether the member is talking: with {@code Local/} members Asterisk reports status 2 (in use)
 * while a queue call only rings, and {@code InCall} stays 0 during the conversation (see the recording).
 * <li>Agent events ({@code AgentCalled}, {@code AgentConnect}, {@code AgentComplete}, {@code AgentRingNoAnswer})
 * give the queue call: ringing, connected, ended.
 * </ul>
 */
@Service
class QueueMemberTracker implements AmiEventConsumer, QueueMembers {

	private enum QueueCall {
		NONE, RINGING, CONNECTED
	}

	/** Mutable state of one member; guarded by the tracker's lock. */
	private static final class Member {
		final String queue;
		final String iface;
		String name;
		DeviceState status = DeviceState.UNKNOWN;
		boolean paused;
		String pausedReason;
		int callsTaken;
		double memberTs = Double.NEGATIVE_INFINITY;
		QueueCall call = QueueCall.NONE;
		String linkedId;
		double callTs = Double.NEGATIVE_INFINITY;
		Activity activity;
		Instant since;
		QueueMemberState shown;

		Member(String queue, String iface) {
			this.queue = queue;
			this.iface = iface;
		}
	}

	private final ApplicationEventPublisher events;
	private final Map<String, Member> members = new HashMap<>();

	QueueMemberTracker(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void onEvent(ManagerEvent event) {
		QueueMemberChanged change;
		synchronized (this) {
			change = apply(event);
		}
		if (change != null) {
			events.publishEvent(change);
		}
	}

	private QueueMemberChanged apply(ManagerEvent event) {
		double ts = timestamp(event);
		if (event instanceof QueueMemberRemovedEvent e) {
			Member m = members.remove(key(e.getQueue(), e.getInterface()));
			return m == null ? null : new QueueMemberChanged(state(m), true);
		}
		if (event instanceof QueueMemberEvent e) { // QueueMember (QueueStatus) and QueueMemberStatus
			return member(e.getQueue(), e.getInterface(), ts, m -> {
				m.name = first(e.getMemberName(), e.getName(), m.name);
				m.status = e.getStatus() == null ? m.status : DeviceState.of(e.getStatus());
				m.paused = Boolean.TRUE.equals(e.getPaused());
				m.pausedReason = m.paused ? blankToNull(e.getPausedreason()) : null;
				m.callsTaken = e.getCallsTaken() == null ? m.callsTaken : e.getCallsTaken();
			});
		}
		if (event instanceof QueueMemberAddedEvent e) {
			return member(e.getQueue(), e.getInterface(), ts, m -> {
				m.name = first(e.getMemberName(), m.name);
				m.status = e.getStatus() == null ? m.status : DeviceState.of(e.getStatus());
				m.paused = Boolean.TRUE.equals(e.getPaused());
				m.pausedReason = m.paused ? blankToNull(e.getPausedReason()) : null;
				m.callsTaken = e.getCallsTaken() == null ? m.callsTaken : e.getCallsTaken();
			});
		}
		if (event instanceof QueueMemberPauseEvent e) { // Asterisk 12+: the member's whole state with the pause
			return member(e.getQueue(), e.getInterface(), ts, m -> {
				m.name = first(e.getMemberName(), m.name);
				m.paused = Boolean.TRUE.equals(e.getPaused());
				m.pausedReason = m.paused ? blankToNull(first(e.getPausedreason(), e.getReason())) : null;
				m.status = e.getStatus() == null ? m.status : DeviceState.of(e.getStatus());
				m.callsTaken = e.getCallsTaken() == null ? m.callsTaken : e.getCallsTaken();
			});
		}
		if (event instanceof QueueMemberPausedEvent e) { // older Asterisk: the pause alone
			return member(e.getQueue(), e.getInterface(), ts, m -> {
				m.name = first(e.getMemberName(), m.name);
				m.paused = Boolean.TRUE.equals(e.getPaused());
				m.pausedReason = m.paused ? blankToNull(first(e.getPausedReason(), e.getReason())) : null;
			});
		}
		if (event instanceof AgentCalledEvent e) {
			return call(e.getQueue(), e.getInterface(), e.getMemberName(), ts, QueueCall.RINGING, e.getLinkedId());
		}
		if (event instanceof AgentConnectEvent e) {
			return call(e.getQueue(), e.getInterface(), e.getMemberName(), ts, QueueCall.CONNECTED, e.getLinkedId());
		}
		if (event instanceof AgentCompleteEvent || event instanceof AgentRingNoAnswerEvent) {
			AbstractAgentEvent e = (AbstractAgentEvent) event;
			String iface = e instanceof AgentCompleteEvent c ? first(c.getInterface(), e.getMember())
					: first(((AgentRingNoAnswerEvent) e).getInterface(), e.getMember());
			return call(e.getQueue(), iface, e.getMemberName(), ts, QueueCall.NONE, null);
		}
		return null;
	}

	private QueueMemberChanged member(String queue, String iface, double ts, java.util.function.Consumer<Member> update) {
		if (queue == null || iface == null) {
			return null;
		}
		Member m = members.computeIfAbsent(key(queue, iface), k -> new Member(queue, iface));
		if (ts < m.memberTs) {
			return null; // an older description than the one shown
		}
		m.memberTs = ts;
		update.accept(m);
		return changed(m, ts);
	}

	private QueueMemberChanged call(String queue, String iface, String name, double ts, QueueCall call, String linkedId) {
		if (queue == null || iface == null) {
			return null;
		}
		Member m = members.computeIfAbsent(key(queue, iface), k -> new Member(queue, iface));
		if (ts < m.callTs) {
			return null;
		}
		m.callTs = ts;
		m.name = first(name, m.name);
		m.call = call;
		m.linkedId = call == QueueCall.NONE ? null : linkedId;
		if (call == QueueCall.NONE && m.status != DeviceState.NOT_INUSE && ts >= m.memberTs) {
			// The queue call is over; the member event that says "not in use" may not have arrived yet.
			m.status = DeviceState.NOT_INUSE;
		}
		return changed(m, ts);
	}

	/** Recomputes the activity; reports the member if anything shown about it changed (or it is new). */
	private QueueMemberChanged changed(Member m, double ts) {
		Activity now = activity(m);
		if (now != m.activity) {
			m.activity = now;
			m.since = Double.isFinite(ts) ? Instant.ofEpochMilli(Math.round(ts * 1000)) : null;
		}
		QueueMemberState state = state(m);
		if (state.equals(m.shown)) {
			return null;
		}
		m.shown = state;
		return new QueueMemberChanged(state, false);
	}

	private static Activity activity(Member m) {
		if (m.call == QueueCall.CONNECTED) {
			return Activity.IN_CALL;
		}
		if (m.call == QueueCall.RINGING) {
			return Activity.RINGING;
		}
		if (m.paused) {
			return Activity.PAUSED;
		}
		return m.status.activity();
	}

	private static QueueMemberState state(Member m) {
		return new QueueMemberState(m.queue, m.iface, m.name == null ? m.iface : m.name,
				m.activity == null ? activity(m) : m.activity, m.paused, m.pausedReason, m.callsTaken, m.since, m.linkedId);
	}

	@Override
	public synchronized List<QueueMemberState> members() {
		List<QueueMemberState> all = new ArrayList<>();
		for (Member m : members.values()) {
			all.add(state(m));
		}
		all.sort(Comparator.comparing(QueueMemberState::queue).thenComparing(QueueMemberState::name)
				.thenComparing(QueueMemberState::memberInterface));
		return all;
	}

	@Override
	public synchronized Optional<QueueMemberState> member(String queue, String memberInterface) {
		Member m = members.get(key(queue, memberInterface));
		return m == null ? Optional.empty() : Optional.of(state(m));
	}

	/** The event's Timestamp header (seconds), or the time it was received. */
	private static double timestamp(ManagerEvent event) {
		if (event.getTimestamp() != null) {
			return event.getTimestamp();
		}
		return event.getDateReceived() == null ? Double.NEGATIVE_INFINITY : event.getDateReceived().getTime() / 1000.0;
	}

	private static String key(String queue, String iface) {
		return queue + "\u0000" + iface;
	}

	@SafeVarargs
	private static <T> T first(T... values) {
		for (T v : values) {
			if (v != null && !(v instanceof String s && s.isBlank())) {
				return v;
			}
		}
		return null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
