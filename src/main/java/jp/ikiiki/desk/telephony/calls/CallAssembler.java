package jp.ikiiki.desk.telephony.calls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.HungUpBy;
import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;

/**
 * Builds one record per call (keyed by Linkedid) from the AMI event stream. Pure state, no I/O: {@link #accept}
 * returns the calls the event finished, and the caller persists them.
 * <p>
 * Rules, from the recording in {@code src/test/resources/fixtures/ami/} (Asterisk 22):
 * <ul>
 * <li>A call ends when every channel seen with its Linkedid has hung up, one of them on the caller's side (the
 * channel whose Uniqueid is the Linkedid, or the one that joined the queue).</li>
 * <li>ANSWERED needs an {@code AgentConnect}; {@code QueueCallerLeave} comes before it and alone means nothing.</li>
 * <li>Asterisk sends {@code QueueCallerAbandon} for a real abandon and for a queue timeout alike: only a caller-side
 * {@code HangupRequest}/{@code Hangup} before it makes it an abandon.</li>
 * <li>A refused call has only the refusal {@code UserEvent}, no queue event. The AMI connection registers
 * {@link LineLimitRejectEvent} for it, so asterisk-java builds one only for that event's name.</li>
 * <li>Calls that neither joined the configured queue nor were refused (internal calls, say) are not recorded.</li>
 * </ul>
 * Events of a finished call are ignored (a Linkedid never comes back), so replaying a stream changes nothing.
 * Calls open at a {@code DisconnectEvent} are marked incomplete; a {@code QueueStatus} answer (QueueParams,
 * QueueEntry…, QueueStatusComplete) re-seeds the callers waiting. Thread-safe: lanes may call concurrently.
 */
final class CallAssembler {

	/** Finished Linkedids remembered to ignore their stray events; far more than the calls of a few hours. */
	private static final int FINISHED_REMEMBERED = 50_000;

	private final String queue;
	private final Duration staleAfter;

	private final Map<String, OpenCall> open = new HashMap<>();
	private final Map<String, Boolean> finished = new LinkedHashMap<>(1024, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > FINISHED_REMEMBERED;
		}
	};
	/** Callers a QueueStatus reported waiting whose call has not been seen since (Uniqueid → joined at). */
	private final Map<String, Instant> seededWaiting = new HashMap<>();
	private Map<String, Instant> snapshot;
	private Instant snapshotAt;
	private Instant lastEventAt = Instant.EPOCH;

	/**
	 * @param queue        the queue whose callers are recorded
	 * @param staleAfter   an open call without events for this long (its hang-up was missed) is closed as
	 *                     incomplete
	 */
	CallAssembler(String queue, Duration staleAfter) {
		this.queue = queue;
		this.staleAfter = staleAfter;
	}

	/** Applies one event; returns the calls it finished (usually none), oldest first. */
	synchronized List<FinishedCall> accept(ManagerEvent event) {
		Instant at = AmiFields.timestamp(event);
		if (at.isAfter(lastEventAt)) {
			lastEventAt = at;
		}
		if (event instanceof DisconnectEvent) {
			open.values().forEach(call -> call.incomplete = true);
			return List.of();
		}
		if (event instanceof QueueParamsEvent params) {
			if (queue.equals(params.getQueue())) {
				snapshot = new HashMap<>();
				snapshotAt = at;
			}
			return List.of();
		}
		if (event instanceof QueueEntryEvent entry) {
			if (snapshot != null && queue.equals(entry.getQueue()) && entry.getUniqueId() != null) {
				long waited = entry.getWait() == null ? 0 : entry.getWait();
				snapshot.put(entry.getUniqueId(), at.minusSeconds(waited));
			}
			return List.of();
		}
		if (event instanceof QueueStatusCompleteEvent) {
			applySnapshot();
			return List.of();
		}
		String linkedId = AmiFields.linkedId(event);
		if (linkedId == null) {
			return List.of();
		}
		if (finished.containsKey(linkedId)) {
			return sweep(at);
		}
		OpenCall call = open.computeIfAbsent(linkedId, OpenCall::new);
		call.apply(event, at);
		List<FinishedCall> done = new ArrayList<>(1);
		if (call.isOver()) {
			open.remove(linkedId);
			finished.put(linkedId, Boolean.TRUE);
			if (call.isRecorded()) {
				done.add(call.finish());
			}
		}
		done.addAll(sweep(at));
		return done;
	}

	/** Callers waiting in the queue now (neither answered nor gone). */
	synchronized int callersWaiting() {
		return (int) open.values().stream().filter(OpenCall::isWaiting).count() + seededWaiting.size();
	}

	/** How long the longest-waiting caller has waited, at {@code now}; 0 when nobody waits. */
	synchronized double longestWaitSeconds(Instant now) {
		Instant earliest = seededWaiting.values().stream().min(Instant::compareTo).orElse(null);
		for (OpenCall call : open.values()) {
			if (call.isWaiting() && call.joinedQueueAt != null
					&& (earliest == null || call.joinedQueueAt.isBefore(earliest))) {
				earliest = call.joinedQueueAt;
			}
		}
		return earliest == null ? 0 : Math.max(0, Duration.between(earliest, now).toMillis() / 1000.0);
	}

	/** Calls in progress holding a line: past the line gate (not refused) and the caller still connected. */
	synchronized int linesInUse() {
		return (int) open.values().stream().filter(OpenCall::holdsLine).count()
				+ (int) seededWaiting.keySet().stream().filter(id -> open.values().stream()
						.noneMatch(c -> c.callerChannels.contains(id))).count();
	}

	/** Calls not yet finished (for tests and diagnostics). */
	synchronized int openCalls() {
		return open.size();
	}

	private void applySnapshot() {
		if (snapshot == null) {
			return;
		}
		seededWaiting.clear();
		snapshot.forEach((uniqueId, joinedAt) -> {
			OpenCall known = open.values().stream().filter(c -> c.callerChannels.contains(uniqueId)).findFirst()
					.orElse(null);
			if (known == null) {
				seededWaiting.put(uniqueId, joinedAt);
			}
			else if (known.joinedQueueAt == null) {
				known.joinedQueueAt = joinedAt;
			}
		});
		// Callers we thought waiting but Asterisk no longer lists left the queue while we were not listening.
		for (OpenCall call : open.values()) {
			if (call.isWaiting() && call.joinedQueueAt != null && call.joinedQueueAt.isBefore(snapshotAt)
					&& call.callerChannels.stream().noneMatch(snapshot::containsKey)) {
				call.incomplete = true;
				call.leftQueueAt = snapshotAt;
			}
		}
		snapshot = null;
	}

	/** Closes calls whose hang-up was missed (a lost connection), judged by the stream's own clock. */
	private List<FinishedCall> sweep(Instant now) {
		List<FinishedCall> stale = new ArrayList<>();
		var it = open.values().iterator();
		while (it.hasNext()) {
			OpenCall call = it.next();
			if (Duration.between(call.lastEventAt, now).compareTo(staleAfter) > 0) {
				it.remove();
				finished.put(call.linkedId, Boolean.TRUE);
				call.incomplete = true;
				if (call.endedAt == null) {
					call.endedAt = call.lastEventAt;
				}
				if (call.isRecorded()) {
					stale.add(call.finish());
				}
			}
		}
		return stale;
	}

	/** One call in progress. Touched only under the assembler's lock. */
	private final class OpenCall {

		final String linkedId;
		final Set<String> alive = new HashSet<>();
		final Set<String> hungUp = new HashSet<>();
		final Set<String> callerChannels = new HashSet<>();
		Instant arrivedAt;
		Instant lastEventAt;
		String queueName;
		String callerNumber;
		Instant joinedQueueAt;
		Instant leftQueueAt;
		Instant connectedAt;
		Instant abandonedAt;
		Instant endedAt;
		Integer holdTime;
		Integer ringTime;
		Integer talkTime;
		String member;
		String completeReason;
		boolean callerHangupSeen;
		boolean callerHungUpBeforeAbandon;
		boolean refused;
		Integer refusedLines;
		Integer refusedInUse;
		boolean incomplete;
		boolean sawStart;

		OpenCall(String linkedId) {
			this.linkedId = linkedId;
			callerChannels.add(linkedId);
		}

		void apply(ManagerEvent event, Instant at) {
			if (arrivedAt == null) {
				// A call first seen by anything but its first channel's Newchannel started before we listened.
				sawStart = event instanceof org.asteriskjava.manager.event.NewChannelEvent;
				incomplete = !sawStart;
			}
			if (arrivedAt == null || at.isBefore(arrivedAt)) {
				arrivedAt = at;
			}
			lastEventAt = at;
			String uniqueId = AmiFields.uniqueId(event);
			if (event instanceof HangupEvent) {
				if (uniqueId != null) {
					alive.remove(uniqueId);
					hungUp.add(uniqueId);
				}
				if (isCallerSide(uniqueId)) {
					callerHangupSeen = true;
				}
				endedAt = at;
				return;
			}
			if (uniqueId != null && !hungUp.contains(uniqueId)) {
				alive.add(uniqueId);
			}
			if (event instanceof HangupRequestEvent && isCallerSide(uniqueId)) {
				callerHangupSeen = true;
			}
			if (isCallerSide(uniqueId)) {
				takeCallerNumber(event.getCallerIdNum());
			}
			if (event instanceof QueueCallerJoinEvent join && queue.equals(join.getQueue())) {
				queueName = join.getQueue();
				joinedQueueAt = at;
				if (uniqueId != null) {
					callerChannels.add(uniqueId);
					Instant seeded = seededWaiting.remove(uniqueId);
					if (seeded != null && seeded.isBefore(at)) {
						joinedQueueAt = seeded;
					}
				}
				takeCallerNumber(join.getCallerIdNum());
			}
			else if (event instanceof QueueCallerLeaveEvent leave && queue.equals(leave.getQueue())) {
				adoptSeeded(uniqueId, leave.getQueue());
				if (leftQueueAt == null) {
					leftQueueAt = at;
				}
			}
			else if (event instanceof QueueCallerAbandonEvent abandon && queue.equals(abandon.getQueue())) {
				adoptSeeded(uniqueId, abandon.getQueue());
				abandonedAt = at;
				leftQueueAt = at;
				holdTime = abandon.getHoldTime();
				callerHungUpBeforeAbandon = callerHangupSeen;
				if (joinedQueueAt == null && holdTime != null) {
					joinedQueueAt = at.minusSeconds(holdTime);
				}
			}
			else if (event instanceof AgentCalledEvent called && queue.equals(called.getQueue())) {
				adoptSeeded(uniqueId, called.getQueue());
			}
			else if (event instanceof AgentConnectEvent connect && queue.equals(connect.getQueue())) {
				adoptSeeded(uniqueId, connect.getQueue());
				connectedAt = at;
				holdTime = connect.getHoldTime() == null ? null : connect.getHoldTime().intValue();
				ringTime = connect.getRingtime() == null ? null : connect.getRingtime().intValue();
				member = connect.getMemberName() != null ? connect.getMemberName() : connect.getInterface();
				if (leftQueueAt == null) {
					leftQueueAt = at;
				}
				if (joinedQueueAt == null && holdTime != null) {
					joinedQueueAt = at.minusSeconds(holdTime);
				}
			}
			else if (event instanceof AgentCompleteEvent complete && queue.equals(complete.getQueue())) {
				talkTime = complete.getTalkTime() == null ? null : complete.getTalkTime().intValue();
				completeReason = complete.getReason();
				if (member == null) {
					member = complete.getMemberName();
				}
			}
			else if (event instanceof LineLimitRejectEvent reject) {
				refused = true;
				refusedLines = reject.getLines();
				refusedInUse = reject.getInUse();
				if (uniqueId != null) {
					callerChannels.add(uniqueId);
				}
			}
			// every other event only keeps the call's channels and times
		}

		/** A call first seen after a reconnect, in the queue: the snapshot knows when it joined. */
		private void adoptSeeded(String uniqueId, String queueOfEvent) {
			if (uniqueId == null) {
				return;
			}
			if (callerChannels.add(uniqueId) || queueName == null) {
				queueName = queueOfEvent;
			}
			Instant seeded = seededWaiting.remove(uniqueId);
			if (seeded != null && joinedQueueAt == null) {
				joinedQueueAt = seeded;
			}
		}

		private void takeCallerNumber(String number) {
			if (callerNumber == null && number != null && !number.isBlank() && !number.startsWith("<")) {
				callerNumber = number;
			}
		}

		private boolean isCallerSide(String uniqueId) {
			return uniqueId != null && callerChannels.contains(uniqueId);
		}

		boolean isOver() {
			return alive.isEmpty() && callerHangupSeen && endedAt != null;
		}

		boolean isRecorded() {
			return queueName != null || refused;
		}

		boolean isWaiting() {
			return joinedQueueAt != null && leftQueueAt == null && connectedAt == null && !callerHangupSeen;
		}

		boolean holdsLine() {
			return !refused && !callerHangupSeen;
		}

		FinishedCall finish() {
			CallOutcome outcome;
			HungUpBy by;
			if (connectedAt != null) {
				outcome = CallOutcome.ANSWERED;
				by = completeReason == null ? HungUpBy.UNKNOWN : switch (completeReason) {
					case "caller" -> HungUpBy.CALLER;
					case "agent", "transfer" -> HungUpBy.AGENT;
					default -> HungUpBy.UNKNOWN;
				};
			}
			else if (refused) {
				outcome = CallOutcome.REFUSED;
				by = HungUpBy.SYSTEM;
			}
			else if (abandonedAt != null && !callerHungUpBeforeAbandon) {
				outcome = CallOutcome.TIMEOUT;
				by = HungUpBy.SYSTEM;
			}
			else {
				// Abandoned, or it joined the queue and the caller's hang-up came without a QueueCallerAbandon
				// (missed while disconnected): either way the caller gave up unanswered.
				outcome = CallOutcome.ABANDONED;
				by = HungUpBy.CALLER;
			}
			BigDecimal wait = switch (outcome) {
				case REFUSED -> BigDecimal.ZERO.setScale(3);
				case ANSWERED -> seconds(joinedQueueAt, connectedAt, holdTime);
				case ABANDONED, TIMEOUT -> seconds(joinedQueueAt, leftQueueAt != null ? leftQueueAt : endedAt, holdTime);
			};
			Integer talk = talkTime;
			if (talk == null && connectedAt != null && endedAt != null) {
				talk = (int) Duration.between(connectedAt, endedAt).toSeconds();
			}
			return new FinishedCall(linkedId, queueName, outcome, arrivedAt, joinedQueueAt, leftQueueAt, connectedAt,
					endedAt, wait, ringTime, talk, holdTime, member, callerNumber, by,
					callerHungUpBeforeAbandon, refusedLines, refusedInUse, incomplete);
		}

		private static BigDecimal seconds(Instant from, Instant to, Integer fallback) {
			if (from != null && to != null && !to.isBefore(from)) {
				return BigDecimal.valueOf(Duration.between(from, to).toMillis()).movePointLeft(3)
						.setScale(3, RoundingMode.UNNECESSARY);
			}
			return fallback == null ? null : BigDecimal.valueOf(fallback).setScale(3);
		}
	}
}
