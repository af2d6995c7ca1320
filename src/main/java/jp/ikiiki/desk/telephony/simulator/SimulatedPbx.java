package jp.ikiiki.desk.telephony.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Asterisk behind {@link AmiSimulator}: a queue with static {@code Local/agentN@agents} members, a
 * line gate like the one in {@code telephony/extensions.conf} (group count against a global variable, a
 * {@code UserEvent} and {@code Busy} over the limit), and the AMI events a real Asterisk 22 sends for each step of
 * a call, in the recording's order and with its field names. The noise the recording has in between
 * ({@code VarSet}, {@code Newexten}, {@code DeviceStateChange}) is left out.
 * <p>
 * All state lives on one thread (the "pbx" thread); events leave in the order they happen. Simulated time runs
 * {@link SimulatorSettings#speed()} times faster than the wall clock.
 */
public final class SimulatedPbx implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SimulatedPbx.class);
	private static final String PRESENTATION_ALLOWED = "0 (Presentation Allowed, Not Screened)";

	/** Outcome counters of the calls placed so far. */
	public record Stats(long offered, long answered, long abandoned, long timedOut, long refused, int linesInUse,
			int waiting) {
	}

	private final SimulatorSettings settings;
	private final Consumer<AmiMessage> sink;
	private final ScheduledThreadPoolExecutor pbx;
	/** Draws of the arrival process only, so that the same seed gives the same callers whatever else happens. */
	private final SplittableRandom arrivals;
	private final SplittableRandom random;
	private final long epochMicros = System.currentTimeMillis() * 1_000;
	private final long startNanos = System.nanoTime();
	private long lastTimestamp;
	private final Map<String, String> globals = new HashMap<>();
	private final Map<String, String> astDb = new HashMap<>();
	private final List<Member> members = new ArrayList<>();
	private final List<Call> waiting = new ArrayList<>();
	private final Map<String, SimChannel> channels = new HashMap<>();
	private final AtomicLong eventsEmitted = new AtomicLong();
	private int lastMember = -1;
	private int localSeq;
	private int uniqueSeq;
	private int linesInUse;
	private long offered, answered, abandoned, timedOut, refused;
	private long totalHold, totalTalk;
	private double surgeFactor = 1;
	private long surgeUntilMicros;
	private ScheduledFuture<?> nextArrival;

	public SimulatedPbx(SimulatorSettings settings, Consumer<AmiMessage> sink) {
		this.settings = settings;
		this.sink = sink;
		this.arrivals = new SplittableRandom(settings.seed());
		this.random = arrivals.split();
		this.pbx = new ScheduledThreadPoolExecutor(1, r -> {
			Thread t = new Thread(r, "ami-sim-pbx");
			t.setDaemon(true);
			return t;
		});
		pbx.setRemoveOnCancelPolicy(true);
		long loginTime = epochMicros / 1_000_000;
		for (int i = 1; i <= settings.agents(); i++) {
			members.add(new Member("Agent " + i, "Local/agent" + i + "@agents", loginTime));
		}
		globals.put(settings.lineVariable(), String.valueOf(settings.initialLines()));
	}

	/** Starts the random arrival process (when its rate is above zero). */
	public void start() {
		if (settings.arrivalsPerMinute() > 0) {
			pbx.execute(this::scheduleNextArrival);
		}
	}

	public SimulatorSettings settings() {
		return settings;
	}

	public long eventsEmitted() {
		return eventsEmitted.get();
	}

	/** Runs a task on the pbx thread and waits for its result. */
	public <T> T call(Callable<T> task) {
		Future<T> f = pbx.submit(task);
		try {
			return f.get(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
		} catch (java.util.concurrent.TimeoutException e) {
			throw new IllegalStateException("pbx thread did not answer", e);
		}
	}

	void execute(Runnable task) {
		pbx.execute(guard(task));
	}

	public Stats stats() {
		return call(() -> new Stats(offered, answered, abandoned, timedOut, refused, linesInUse, waiting.size()));
	}

	/** Places one scripted call now. */
	public void placeCall(CallSpec spec) {
		execute(() -> arrive(spec, null, null));
	}

	/** Multiplies the arrival rate by {@code factor} for {@code minutes} simulated minutes (after a mailing). */
	public void surge(double factor, double minutes) {
		execute(() -> {
			surgeFactor = factor;
			surgeUntilMicros = nowMicros() + (long) (minutes * 60e6);
			if (nextArrival != null && nextArrival.cancel(false)) {
				scheduleNextArrival();
			}
		});
	}

	// ---------------------------------------------------------------- actions (called on the pbx thread)

	int linesInUseNow() {
		return linesInUse;
	}

	String getGlobal(String name) {
		return globals.get(name);
	}

	void setGlobal(String name, String value) {
		globals.put(name, value);
		emit(event("VarSet", "dialplan,all").add("Channel", "none").add("Uniqueid", "none").add("Variable", name)
				.add("Value", value));
	}

	SimChannel channel(String name) {
		return channels.get(name);
	}

	void setChannelVariable(SimChannel ch, String name, String value) {
		emit(ch.put(event("VarSet", "dialplan,all")).add("Variable", name).add("Value", value));
	}

	void dbPut(String family, String key, String value) {
		astDb.put(family + "/" + key, value);
	}

	String dbGet(String family, String key) {
		return astDb.get(family + "/" + key);
	}

	/** Pauses or unpauses a member; false when no member has that interface. */
	boolean pause(String iface, boolean paused, String reason) {
		for (Member m : members) {
			if (m.iface.equalsIgnoreCase(iface)) {
				m.paused = paused;
				m.pausedReason = paused && reason != null ? reason : "";
				if (paused) {
					m.lastPause = nowMicros() / 1_000_000;
				}
				emit(memberEvent("QueueMemberPause", m));
				if (!paused) {
					dispatch();
				}
				return true;
			}
		}
		return false;
	}

	/** The events of a {@code QueueStatus} answer (without the response and the complete event). */
	List<AmiMessage> queueStatus(String queueFilter, String actionId) {
		List<AmiMessage> list = new ArrayList<>();
		if (queueFilter != null && !queueFilter.isEmpty() && !queueFilter.equals(settings.queue())) {
			return list;
		}
		long completed = answered;
		AmiMessage params = AmiMessage.event("QueueParams").add("Queue", settings.queue()).add("Max", 0)
				.add("Strategy", "rrmemory").add("Calls", waiting.size())
				.add("Holdtime", completed == 0 ? 0 : totalHold / completed)
				.add("TalkTime", completed == 0 ? 0 : totalTalk / completed).add("Completed", completed)
				.add("Abandoned", abandoned + timedOut).add("ServiceLevel", 0).add("ServicelevelPerf", "0.0")
				.add("ServicelevelPerf2", "0.0").add("Weight", 0);
		list.add(withActionId(params, actionId));
		for (Member m : members) {
			AmiMessage e = AmiMessage.event("QueueMember").add("Queue", settings.queue()).add("Name", m.name)
					.add("Location", m.iface).add("StateInterface", m.iface).add("Membership", "static")
					.add("Penalty", 0).add("CallsTaken", m.callsTaken).add("LastCall", m.lastCall)
					.add("LastPause", m.lastPause).add("LoginTime", m.loginTime).add("InCall", m.call != null ? 1 : 0)
					.add("Status", m.status.code).add("Paused", m.paused ? 1 : 0).add("PausedReason", m.pausedReason)
					.add("Wrapuptime", 0);
			list.add(withActionId(e, actionId));
		}
		int position = 1;
		long now = nowMicros();
		for (Call c : waiting) {
			AmiMessage e = AmiMessage.event("QueueEntry").add("Queue", settings.queue()).add("Position", position++)
					.add("Channel", c.queueLeg.name).add("Uniqueid", c.queueLeg.uniqueId)
					.add("CallerIDNum", c.queueLeg.callerNum).add("CallerIDName", c.queueLeg.callerName)
					.add("ConnectedLineNum", c.queueLeg.connectedNum).add("ConnectedLineName", c.queueLeg.connectedName)
					.add("Wait", (now - c.joinedAt) / 1_000_000).add("Priority", 0);
			list.add(withActionId(e, actionId));
		}
		return list;
	}

	private static AmiMessage withActionId(AmiMessage m, String actionId) {
		return actionId == null ? m : m.add("ActionID", actionId);
	}

	/** A call placed by {@code Originate} ({@code Data} of {@code Wait} = the caller's patience). */
	void originate(CallSpec spec, String actionId, String data) {
		arrive(spec, actionId, data);
	}

	double randomTalk() {
		return uniform(random, settings.minTalkSeconds(), settings.maxTalkSeconds());
	}

	double randomRing() {
		return uniform(random, settings.minRingSeconds(), settings.maxRingSeconds());
	}

	// ---------------------------------------------------------------- the call flow

	private void scheduleNextArrival() {
		double gapSeconds = nextArrivalGap();
		String number = String.format("0%d%08d", 3 + arrivals.nextInt(7), arrivals.nextInt(100_000_000));
		double patience = -Math.log(1 - arrivals.nextDouble()) * settings.meanPatienceSeconds();
		double ring = uniform(arrivals, settings.minRingSeconds(), settings.maxRingSeconds());
		double talk = uniform(arrivals, settings.minTalkSeconds(), settings.maxTalkSeconds());
		nextArrival = schedule(gapSeconds, () -> {
			arrive(new CallSpec(null, number, "Caller", patience, ring, talk), null, null);
			scheduleNextArrival();
		});
	}

	/** Simulated seconds until the next random caller: exponential at the rate now (a surge multiplies it). */
	double nextArrivalGap() {
		double rate = settings.arrivalsPerMinute() * (nowMicros() < surgeUntilMicros ? surgeFactor : 1);
		return -Math.log(1 - arrivals.nextDouble()) * 60 / rate;
	}

	private void arrive(CallSpec spec, String originateId, String originateData) {
		offered++;
		String base = "Local/s@incoming-" + String.format("%08x", localSeq++);
		String callerId = spec.label() != null ? spec.label() + "-caller" : nextUniqueId();
		String queueId = spec.label() != null ? spec.label() + "-queue" : nextUniqueId();
		Call c = new Call(spec, originateId, originateData);
		LocalChannel incoming = openLocal(base, callerId, queueId, callerId, "incoming", "s", spec.callerNumber(),
				spec.callerName(), true);
		c.caller = incoming.first();
		c.queueLeg = incoming.second();
		emit(c.caller.put(event("DialBegin", "call,all"), "Dest").add("DialString", "s@incoming"));

		int inUse = linesInUse + 1;
		int lines = parseLines(globals.get(settings.lineVariable()));
		if (inUse > lines) {
			refuse(c, lines, inUse);
			return;
		}
		linesInUse = inUse;
		c.queueLeg.priority = 5;
		newState(c.queueLeg, ChannelState.UP);
		newState(c.caller, ChannelState.UP);
		emit(c.caller.put(event("DialEnd", "call,all"), "Dest").add("DialStatus", "ANSWER"));
		if (originateId != null) {
			emit(event("OriginateResponse", "call,all").add("ActionID", originateId).add("Response", "Success")
					.add("Channel", c.caller.name).add("Application", "Wait").add("Data", originateData)
					.add("Reason", 4).add("Uniqueid", c.caller.uniqueId).add("CallerIDNum", c.caller.callerNum)
					.add("CallerIDName", c.caller.callerName));
		}
		c.timer = schedule(0.5, () -> join(c));
	}

	private static int parseLines(String value) {
		try {
			return value == null ? 0 : Integer.parseInt(value.trim());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private void refuse(Call c, int lines, int inUse) {
		refused++;
		c.queueLeg.priority = 10;
		emit(c.queueLeg.put(event("UserEvent", "user,all")).add("UserEvent", settings.refusalEvent())
				.add("Queue", settings.queue()).add("Lines", lines).add("InUse", inUse));
		c.queueLeg.priority = 11;
		newState(c.queueLeg, ChannelState.BUSY);
		emit(c.caller.put(event("DialEnd", "call,all"), "Dest").add("DialStatus", "BUSY"));
		hangupRequest(c.queueLeg, "HangupRequest", HangupCause.UNKNOWN);
		hangupRequest(c.queueLeg, "SoftHangupRequest", HangupCause.NORMAL_CLEARING);
		if (c.originateId != null) {
			emit(event("OriginateResponse", "call,all").add("ActionID", c.originateId).add("Response", "Failure")
					.add("Channel", "Local/s@incoming").add("Application", "Wait").add("Data", c.originateData)
					.add("Reason", 5).add("Uniqueid", c.caller.uniqueId).add("CallerIDNum", c.caller.callerNum)
					.add("CallerIDName", c.caller.callerName));
		}
		hangup(c.queueLeg, HangupCause.USER_BUSY);
		hangup(c.caller, HangupCause.UNKNOWN);
	}

	private void join(Call c) {
		c.queueLeg.priority = 6;
		waiting.add(c);
		c.joinedAt = nowMicros();
		c.originalPosition = waiting.size();
		emit(c.queueLeg.put(event("QueueCallerJoin", "agent,all")).add("Queue", settings.queue())
				.add("Position", waiting.size()).add("Count", waiting.size()));
		c.timer = schedule(c.spec.patienceSeconds(), () -> abandon(c, c.spec.patienceSeconds()));
		c.timeoutTimer = schedule(settings.queueTimeoutSeconds(), () -> timeout(c, settings.queueTimeoutSeconds()));
		dispatch();
	}

	private void dispatch() {
		for (Call c : waiting) {
			if (c.member != null) {
				continue;
			}
			Member m = nextFreeMember();
			if (m == null) {
				return;
			}
			ring(c, m);
		}
	}

	private Member nextFreeMember() {
		for (int i = 1; i <= members.size(); i++) {
			int index = (lastMember + i) % members.size();
			Member m = members.get(index);
			if (!m.paused && m.call == null) {
				lastMember = index;
				return m;
			}
		}
		return null;
	}

	private void ring(Call c, Member m) {
		String agent = m.iface.substring("Local/".length(), m.iface.indexOf('@'));
		String base = "Local/" + agent + "@agents-" + String.format("%08x", localSeq++);
		c.member = m;
		m.call = c;
		// The agent's Local channel does not announce its first half's connected line yet: that comes with ringing.
		LocalChannel toAgent = openLocal(base, nextUniqueId(), nextUniqueId(), c.caller.linkedId, "agents", agent,
				c.caller.callerNum, c.caller.callerName, false);
		c.agentOne = toAgent.first();
		c.agentTwo = toAgent.second();
		emit(agentEvent("AgentCalled", c, m));
		emit(c.agentOne.put(c.queueLeg.put(event("DialBegin", "call,all")), "Dest").add("DialString", m.iface));
		c.agentOne.exten = "s";
		c.agentOne.connected(c.caller.callerNum, c.caller.callerName);
		newState(c.agentOne, ChannelState.RINGING);
		emit(c.agentOne.put(event("NewConnectedLine", "call,all")));
		emit(c.agentOne.put(c.queueLeg.put(event("DialState", "call,all")), "Dest").add("DialStatus", "RINGING"));
		m.status = MemberStatus.IN_USE;
		emit(memberEvent("QueueMemberStatus", m));
		c.ringStart = nowMicros();
		c.ringTimer = schedule(c.spec.ringSeconds(), () -> answer(c));
	}

	private void answer(Call c) {
		if (c.done) {
			return;
		}
		Member m = c.member;
		c.agentTwo.priority = 4;
		newState(c.agentTwo, ChannelState.UP);
		newState(c.agentOne, ChannelState.UP);
		emit(c.agentOne.put(c.queueLeg.put(event("DialEnd", "call,all")), "Dest").add("DialStatus", "ANSWER"));
		int position = leaveQueue(c);
		long now = nowMicros();
		long hold = Math.round((now - c.joinedAt) / 1e6);
		long ring = Math.round((now - c.ringStart) / 1e6);
		c.holdSeconds = hold;
		emit(c.queueLeg.put(event("QueueCallerLeave", "agent,all")).add("Queue", settings.queue())
				.add("Position", position).add("Count", waiting.size()));
		emit(agentEvent("AgentConnect", c, m).add("HoldTime", hold).add("RingTime", ring));
		c.bridgeId = new UUID(random.nextLong(), random.nextLong()).toString();
		emit(bridgeFields(event("BridgeCreate", "call,all"), c.bridgeId, 0));
		emit(c.agentOne.put(bridgeFields(event("BridgeEnter", "call,all"), c.bridgeId, 1)));
		emit(c.queueLeg.put(bridgeFields(event("BridgeEnter", "call,all"), c.bridgeId, 2)));
		answered++;
		totalHold += hold;
		c.answeredAt = now;
		c.timer = schedule(c.spec.talkSeconds(), () -> complete(c));
	}

	private void complete(Call c) {
		Member m = c.member;
		long talk = Math.round((nowMicros() - c.answeredAt) / 1e6);
		totalTalk += talk;
		c.agentTwo.priority = 6;
		hangupRequest(c.agentTwo, "SoftHangupRequest", HangupCause.NORMAL_CLEARING);
		hangupRequest(c.agentOne, "HangupRequest", HangupCause.NORMAL_CLEARING);
		hangup(c.agentTwo, HangupCause.NORMAL_CLEARING);
		m.callsTaken++;
		m.lastCall = nowMicros() / 1_000_000;
		m.status = MemberStatus.NOT_IN_USE;
		m.call = null;
		emit(memberEvent("QueueMemberStatus", m));
		emit(agentEvent("AgentComplete", c, m).add("HoldTime", c.holdSeconds).add("TalkTime", talk)
				.add("Reason", "agent"));
		emit(c.agentOne.put(bridgeFields(event("BridgeLeave", "call,all"), c.bridgeId, 1)));
		emit(c.queueLeg.put(bridgeFields(event("BridgeLeave", "call,all"), c.bridgeId, 0)));
		emit(bridgeFields(event("BridgeDestroy", "call,all"), c.bridgeId, 0));
		hangup(c.agentOne, HangupCause.NORMAL_CLEARING);
		hangupRequest(c.queueLeg, "SoftHangupRequest", HangupCause.NORMAL_CLEARING);
		hangupRequest(c.caller, "HangupRequest", HangupCause.NORMAL_CLEARING);
		hangup(c.queueLeg, HangupCause.NORMAL_CLEARING);
		hangup(c.caller, HangupCause.NORMAL_CLEARING);
		end(c);
	}

	/**
	 * The caller hangs up while waiting (or while a member's phone rings), {@code waited} simulated seconds after
	 * joining. The hold time is the whole seconds waited, as Asterisk counts it, taken from when the hang-up was due
	 * rather than when the timer ran, so that a busy machine does not lengthen it.
	 */
	private void abandon(Call c, double waited) {
		if (c.done || c.answeredAt != 0) {
			return;
		}
		cancelRing(c);
		hangupRequest(c.queueLeg, "HangupRequest", HangupCause.UNKNOWN);
		hangup(c.caller, HangupCause.UNKNOWN);
		int position = waiting.indexOf(c) + 1;
		long hold = (long) Math.floor(waited);
		emit(c.queueLeg.put(event("QueueCallerAbandon", "agent,all")).add("Queue", settings.queue())
				.add("Position", position).add("OriginalPosition", c.originalPosition).add("HoldTime", hold));
		leaveQueue(c);
		emit(c.queueLeg.put(event("QueueCallerLeave", "agent,all")).add("Queue", settings.queue())
				.add("Position", position).add("Count", waiting.size()));
		hangupRequest(c.queueLeg, "SoftHangupRequest", HangupCause.NORMAL_CLEARING);
		hangup(c.queueLeg, HangupCause.UNKNOWN);
		abandoned++;
		end(c);
	}

	/**
	 * The queue's own timeout: Asterisk reports it as {@code QueueCallerAbandon} too, before the hang-up; the hold
	 * time is the timeout, as for {@link #abandon}.
	 */
	private void timeout(Call c, double waited) {
		if (c.done || c.answeredAt != 0) {
			return;
		}
		cancelRing(c);
		int position = waiting.indexOf(c) + 1;
		long hold = (long) Math.floor(waited);
		emit(c.queueLeg.put(event("QueueCallerAbandon", "agent,all")).add("Queue", settings.queue())
				.add("Position", position).add("OriginalPosition", c.originalPosition).add("HoldTime", hold));
		leaveQueue(c);
		emit(c.queueLeg.put(event("QueueCallerLeave", "agent,all")).add("Queue", settings.queue())
				.add("Position", position).add("Count", waiting.size()));
		c.queueLeg.priority = 8;
		hangupRequest(c.queueLeg, "SoftHangupRequest", HangupCause.NORMAL_CLEARING);
		hangupRequest(c.caller, "HangupRequest", HangupCause.NORMAL_CLEARING);
		hangup(c.caller, HangupCause.NORMAL_CLEARING);
		hangup(c.queueLeg, HangupCause.NORMAL_CLEARING);
		timedOut++;
		end(c);
	}

	private void cancelRing(Call c) {
		Member m = c.member;
		if (m == null) {
			return;
		}
		if (c.ringTimer != null) {
			c.ringTimer.cancel(false);
		}
		emit(c.agentOne.put(c.queueLeg.put(event("DialEnd", "call,all")), "Dest").add("DialStatus", "CANCEL"));
		hangup(c.agentTwo, HangupCause.UNKNOWN);
		hangup(c.agentOne, HangupCause.UNKNOWN);
		m.status = MemberStatus.NOT_IN_USE;
		m.call = null;
		c.member = null;
		emit(memberEvent("QueueMemberStatus", m));
	}

	private int leaveQueue(Call c) {
		int position = waiting.indexOf(c) + 1;
		waiting.remove(c);
		if (c.timeoutTimer != null) {
			c.timeoutTimer.cancel(false);
		}
		if (c.timer != null) {
			c.timer.cancel(false);
		}
		return position;
	}

	private void end(Call c) {
		c.done = true;
		linesInUse--;
		if (c.timer != null) {
			c.timer.cancel(false);
		}
		dispatch();
	}

	/**
	 * Opens a Local channel as Asterisk 22 announces it (the recording's order): both halves' {@code Newchannel}
	 * (the first Down, the second Ring), the caller id on the first half, its connected line when
	 * {@code connectFirst}, caller id and connected line on the second half, then {@code LocalBridge}.
	 *
	 * @return both halves
	 */
	private LocalChannel openLocal(String base, String firstId, String secondId, String linkedId, String context,
			String exten, String number, String name, boolean connectFirst) {
		SimChannel first = new SimChannel(base + ";1", firstId, linkedId, ChannelState.DOWN, context, exten);
		SimChannel second = new SimChannel(base + ";2", secondId, linkedId, ChannelState.RING, context, exten);
		channels.put(first.name, first);
		channels.put(second.name, second);
		emit(first.put(event("Newchannel", "call,all")));
		emit(second.put(event("Newchannel", "call,all")));
		first.caller(number, name);
		emit(first.put(event("NewCallerid", "call,all")).add("CID-CallingPres", PRESENTATION_ALLOWED));
		if (connectFirst) {
			first.connected(number, name);
			emit(first.put(event("NewConnectedLine", "call,all")));
		}
		second.caller(number, name).connected(number, name);
		emit(second.put(event("NewCallerid", "call,all")).add("CID-CallingPres", PRESENTATION_ALLOWED));
		emit(second.put(event("NewConnectedLine", "call,all")));
		AmiMessage bridge = event("LocalBridge", "call,all");
		first.put(bridge, "LocalOne");
		second.put(bridge, "LocalTwo");
		emit(bridge.add("Context", context).add("Exten", exten).add("LocalOptimization", "Yes"));
		return new LocalChannel(first, second);
	}

	private void newState(SimChannel ch, ChannelState state) {
		ch.state = state;
		emit(ch.put(event("Newstate", "call,all")));
	}

	/** {@code HangupRequest} (the channel's own) or {@code SoftHangupRequest} (asked by another), number only. */
	private void hangupRequest(SimChannel ch, String request, HangupCause cause) {
		emit(ch.put(event(request, "call,all")).add("Cause", cause.code));
	}

	private void hangup(SimChannel ch, HangupCause cause) {
		channels.remove(ch.name);
		emit(ch.put(event("Hangup", "call,all")).add("Cause", cause.code).add("Cause-txt", cause.text));
	}

	private AmiMessage agentEvent(String name, Call c, Member m) {
		return c.agentOne.put(c.queueLeg.put(event(name, "agent,all")), "Dest").add("Queue", settings.queue())
				.add("Interface", m.iface).add("MemberName", m.name);
	}

	private static AmiMessage bridgeFields(AmiMessage m, String id, int channelsInBridge) {
		return m.add("BridgeUniqueid", id).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
				.add("BridgeCreator", "<unknown>").add("BridgeName", "<unknown>")
				.add("BridgeNumChannels", channelsInBridge).add("BridgeVideoSourceMode", "none");
	}

	private AmiMessage memberEvent(String name, Member m) {
		return event(name, "agent,all").add("Queue", settings.queue()).add("MemberName", m.name)
				.add("Interface", m.iface).add("StateInterface", m.iface).add("Membership", "static").add("Penalty", 0)
				.add("CallsTaken", m.callsTaken).add("LastCall", m.lastCall).add("LastPause", m.lastPause)
				.add("LoginTime", m.loginTime).add("InCall", m.call != null && m.call.answeredAt != 0 ? 1 : 0)
				.add("Status", m.status.code).add("Paused", m.paused ? 1 : 0).add("PausedReason", m.pausedReason)
				.add("Ringinuse", 0).add("Wrapuptime", 0);
	}

	// ---------------------------------------------------------------- time, ids, output

	private AmiMessage event(String name, String privilege) {
		return AmiMessage.event(name).add("Privilege", privilege).add("Timestamp", timestamp());
	}

	String timestamp() {
		long now = Math.max(nowMicros(), lastTimestamp + 1);
		lastTimestamp = now;
		return String.format("%d.%06d", now / 1_000_000, now % 1_000_000);
	}

	long nowMicros() {
		return epochMicros + (long) ((System.nanoTime() - startNanos) / 1_000.0 * settings.speed());
	}

	private String nextUniqueId() {
		return (nowMicros() / 1_000_000) + "." + uniqueSeq++;
	}

	private static double uniform(SplittableRandom r, double min, double max) {
		return max <= min ? min : min + r.nextDouble() * (max - min);
	}

	private ScheduledFuture<?> schedule(double simSeconds, Runnable task) {
		long micros = (long) (simSeconds * 1e6 / settings.speed());
		return pbx.schedule(guard(task), Math.max(0, micros), TimeUnit.MICROSECONDS);
	}

	private static Runnable guard(Runnable task) {
		return () -> {
			try {
				task.run();
			} catch (RuntimeException e) {
				log.error("Simulator step failed", e);
			}
		};
	}

	private void emit(AmiMessage m) {
		eventsEmitted.incrementAndGet();
		sink.accept(m);
	}

	@Override
	public void close() {
		pbx.shutdownNow();
	}

	/** The two halves of a Local channel: {@code ;1} towards the caller, {@code ;2} running the dialplan. */
	private record LocalChannel(SimChannel first, SimChannel second) {
	}

	private static final class Member {
		final String name;
		final String iface;
		final long loginTime;
		boolean paused;
		String pausedReason = "";
		MemberStatus status = MemberStatus.NOT_IN_USE;
		int callsTaken;
		long lastCall;
		long lastPause;
		Call call;

		Member(String name, String iface, long loginTime) {
			this.name = name;
			this.iface = iface;
			this.loginTime = loginTime;
		}
	}

	private static final class Call {
		final CallSpec spec;
		final String originateId;
		final String originateData;
		SimChannel caller;
		SimChannel queueLeg;
		SimChannel agentOne;
		SimChannel agentTwo;
		Member member;
		long joinedAt;
		long ringStart;
		long answeredAt;
		long holdSeconds;
		int originalPosition;
		String bridgeId;
		boolean done;
		ScheduledFuture<?> timer;
		ScheduledFuture<?> timeoutTimer;
		ScheduledFuture<?> ringTimer;

		Call(CallSpec spec, String originateId, String originateData) {
			this.spec = spec;
			this.originateId = originateId;
			this.originateData = originateData;
		}
	}
}
