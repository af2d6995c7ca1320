package jp.ikiiki.desk.telephony.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import jp.ikiiki.desk.telephony.LineLimitRejectEvent;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiSimulatorTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private AmiSimulator simulator;
	private DefaultManagerConnection connection;
	private final EventRecorder recorder = new EventRecorder();

	@BeforeEach
	void start() throws Exception {
		simulator = new AmiSimulator(SimulatorSettings.recordingBench().withSpeed(20), 0).start();
		connection = new DefaultManagerConnection("127.0.0.1", simulator.port(), "ikiiki", "ikiiki-demo");
		connection.registerUserEventClass(LineLimitRejectEvent.class);
		connection.addEventListener(recorder);
	}

	@AfterEach
	void stop() {
		if (connection.getState() == ManagerConnectionState.CONNECTED) {
			connection.logoff();
		}
		simulator.close();
	}

	@Test
	void asterisk_java_logs_in_with_the_md5_challenge_and_pings() throws Exception {
		connection.login();

		assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
		assertThat(connection.getProtocolIdentifier()).isEqualTo("Asterisk Call Manager/11.0.0");
		List<String> actions = simulator.actions().stream().map(a -> a.get("Action")).toList();
		assertThat(actions).containsSubsequence("Challenge", "Login");
		assertThat(simulator.actions()).filteredOn(a -> "Login".equals(a.get("Action")))
				.allSatisfy(a -> assertThat(a.get("AuthType")).isEqualToIgnoringCase("MD5"));
		PingAction ping = new PingAction();
		ping.setActionId("ping-1");
		ManagerResponse pong = connection.sendAction(ping, 5_000);
		assertThat(pong.getResponse()).isEqualTo("Success");
		assertThat(pong.getAttribute("Ping")).isEqualTo("Pong");
		assertThat(pong.getActionId()).isEqualTo("ping-1");
	}

	@Test
	void a_wrong_password_is_rejected() {
		DefaultManagerConnection wrong = new DefaultManagerConnection("127.0.0.1", simulator.port(), "ikiiki",
				"not-the-secret");

		assertThatThrownBy(wrong::login).isInstanceOf(AuthenticationFailedException.class);
		assertThat(simulator.logins()).isZero();
	}

	@Test
	void setvar_without_a_channel_sets_a_global_that_getvar_reads_and_raises_varset() throws Exception {
		connection.login();

		ManagerResponse set = connection.sendAction(new SetVarAction("LINES", "7"), 5_000);
		ManagerResponse get = connection.sendAction(new GetVarAction("LINES"), 5_000);

		assertThat(set.getResponse()).isEqualTo("Success");
		assertThat(set.getMessage()).isEqualTo("Variable Set");
		assertThat(get.getAttribute("Value")).isEqualTo("7");
		VarSetEvent varSet = recorder.await(VarSetEvent.class, e -> "LINES".equals(e.getVariable()), WAIT);
		assertThat(varSet.getValue()).isEqualTo("7");
		assertThat(simulator.pbx().call(() -> simulator.pbx().getGlobal("LINES"))).isEqualTo("7");
	}

	@Test
	void dbput_stores_what_dbget_answers_with_an_event_list() throws Exception {
		connection.login();

		ManagerResponse put = connection.sendAction(new DbPutAction("ikiiki", "lines", "4"), 5_000);
		ResponseEvents got = connection.sendEventGeneratingAction(new DbGetAction("ikiiki", "lines"), 5_000);
		ResponseEvents missing = connection.sendEventGeneratingAction(new DbGetAction("ikiiki", "nothing"), 5_000);

		assertThat(put.getResponse()).isEqualTo("Success");
		assertThat(got.getResponse().getResponse()).isEqualTo("Success");
		assertThat(got.getEvents()).filteredOn(DbGetResponseEvent.class::isInstance)
				.singleElement()
				.satisfies(e -> {
					DbGetResponseEvent r = (DbGetResponseEvent) e;
					assertThat(r.getFamily()).isEqualTo("ikiiki");
					assertThat(r.getKey()).isEqualTo("lines");
					assertThat(r.getVal()).isEqualTo("4");
				});
		assertThat(missing.getResponse()).isInstanceOf(ManagerError.class);
	}

	@Test
	void queue_status_lists_params_members_and_completes() throws Exception {
		connection.login();

		QueueStatusAction action = new QueueStatusAction();
		action.setQueue("inquiry");
		ResponseEvents status = connection.sendEventGeneratingAction(action, 5_000);

		assertThat(status.getResponse().getResponse()).isEqualTo("Success");
		assertThat(status.getEvents()).filteredOn(QueueParamsEvent.class::isInstance).hasSize(1);
		List<QueueMemberEvent> members = status.getEvents().stream().filter(QueueMemberEvent.class::isInstance)
				.map(QueueMemberEvent.class::cast).toList();
		assertThat(members).extracting(QueueMemberEvent::getLocation).containsExactly("Local/agent1@agents",
				"Local/agent2@agents", "Local/agent3@agents");
		assertThat(members).extracting(QueueMemberEvent::getName).containsExactly("Agent 1", "Agent 2", "Agent 3");
		assertThat(status.getEvents()).filteredOn(QueueStatusCompleteEvent.class::isInstance).singleElement()
				.satisfies(e -> assertThat(((QueueStatusCompleteEvent) e).getListItems()).isEqualTo(4));
	}

	@Test
	void queue_status_lists_a_waiting_caller_as_queue_entry() throws Exception {
		connection.login();
		pauseAll();
		simulator.pbx().placeCall(new CallSpec("call12", "5550112", "Caller 12", 1_000, 1, 5));
		recorder.await(QueueCallerJoinEvent.class, e -> "call12-caller".equals(e.getLinkedId()), WAIT);

		ResponseEvents status = connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000);

		assertThat(status.getEvents()).filteredOn(QueueEntryEvent.class::isInstance).singleElement().satisfies(e -> {
			QueueEntryEvent entry = (QueueEntryEvent) e;
			assertThat(entry.getQueue()).isEqualTo("inquiry");
			assertThat(entry.getPosition()).isEqualTo(1);
			assertThat(entry.getUniqueId()).isEqualTo("call12-queue");
		});
		assertThat(status.getEvents()).filteredOn(QueueMemberEvent.class::isInstance)
				.allSatisfy(e -> assertThat(((QueueMemberEvent) e).getPaused()).isTrue());
	}

	@Test
	void an_answered_call_leaves_the_queue_before_the_agent_connects() throws Exception {
		connection.login();

		simulator.pbx().placeCall(new CallSpec("call01", "5550101", "Caller 01", 1_000, 2, 5));

		HangupEvent last = recorder.await(HangupEvent.class, e -> "call01-caller".equals(e.getUniqueId()), WAIT);
		List<ManagerEvent> call = callEvents("call01-caller");
		assertThat(call.get(0)).isInstanceOfSatisfying(NewChannelEvent.class, e -> {
			assertThat(e.getUniqueId()).isEqualTo("call01-caller");
			assertThat(e.getChannel()).isEqualTo("Local/s@incoming-00000000;1");
		});
		assertThat(call).extracting(e -> e.getClass().getSimpleName()).containsSubsequence("QueueCallerJoinEvent",
				"AgentCalledEvent", "QueueCallerLeaveEvent", "AgentConnectEvent", "AgentCompleteEvent", "HangupEvent");
		QueueCallerJoinEvent join = first(call, QueueCallerJoinEvent.class);
		assertThat(join.getQueue()).isEqualTo("inquiry");
		assertThat(join.getUniqueId()).isEqualTo("call01-queue");
		assertThat(join.getCallerIdNum()).isEqualTo("5550101");
		AgentCalledEvent called = first(call, AgentCalledEvent.class);
		assertThat(called.getInterface()).isEqualTo("Local/agent1@agents");
		AgentConnectEvent connect = first(call, AgentConnectEvent.class);
		assertThat(connect.getMemberName()).isEqualTo("Agent 1");
		assertThat(connect.getRingtime()).isEqualTo(2);
		AgentCompleteEvent complete = first(call, AgentCompleteEvent.class);
		assertThat(complete.getTalkTime()).isEqualTo(5);
		assertThat(complete.getReason()).isEqualTo("agent");
		assertThat(last.getCause()).isEqualTo(16);
		assertThat(simulator.pbx().stats().answered()).isEqualTo(1);
	}

	@Test
	void an_abandoned_call_hangs_up_before_queue_caller_abandon() throws Exception {
		connection.login();
		pauseAll();

		simulator.pbx().placeCall(new CallSpec("call05", "5550105", "Caller 05", 4, 1, 5));

		recorder.await(QueueCallerLeaveEvent.class, e -> "call05-caller".equals(e.getLinkedId()), WAIT);
		List<ManagerEvent> call = callEvents("call05-caller");
		int callerHangup = indexOf(call, e -> e instanceof HangupEvent h && "call05-caller".equals(h.getUniqueId()));
		int abandon = indexOf(call, QueueCallerAbandonEvent.class::isInstance);
		assertThat(callerHangup).isNotNegative().isLessThan(abandon);
		QueueCallerAbandonEvent event = (QueueCallerAbandonEvent) call.get(abandon);
		assertThat(event.getHoldTime()).isEqualTo(4);
		assertThat(event.getOriginalPosition()).isEqualTo(1);
		assertThat(simulator.pbx().stats().abandoned()).isEqualTo(1);
	}

	@Test
	void a_queue_timeout_reports_abandon_with_the_timeout_before_the_caller_hangs_up() throws Exception {
		connection.login();
		pauseAll();

		simulator.pbx().placeCall(new CallSpec("call11", "5550111", "Caller 11", 60, 1, 5));

		recorder.await(HangupEvent.class, e -> "call11-caller".equals(e.getUniqueId()), WAIT);
		List<ManagerEvent> call = callEvents("call11-caller");
		int abandon = indexOf(call, QueueCallerAbandonEvent.class::isInstance);
		int callerHangup = indexOf(call, e -> e instanceof HangupEvent h && "call11-caller".equals(h.getUniqueId()));
		assertThat(abandon).isNotNegative().isLessThan(callerHangup);
		assertThat(((QueueCallerAbandonEvent) call.get(abandon)).getHoldTime()).isEqualTo(30);
		assertThat(simulator.pbx().stats().timedOut()).isEqualTo(1);
	}

	@Test
	void a_call_over_the_line_limit_is_refused_with_the_user_event_busy_and_cause_17() throws Exception {
		connection.login();
		connection.sendAction(new SetVarAction("LINES", "1"), 5_000);

		simulator.pbx().placeCall(new CallSpec("call09", "5550109", "Caller 09", 1_000, 1, 60));
		simulator.pbx().placeCall(new CallSpec("call10", "5550110", "Caller 10", 1_000, 1, 60));

		recorder.await(HangupEvent.class, e -> "call10-caller".equals(e.getUniqueId()), WAIT);
		List<ManagerEvent> call = callEvents("call10-caller");
		LineLimitRejectEvent reject = first(call, LineLimitRejectEvent.class);
		assertThat(reject.getQueue()).isEqualTo("inquiry");
		assertThat(reject.getLines()).isEqualTo(1);
		assertThat(reject.getInUse()).isEqualTo(2);
		assertThat(reject.getUniqueId()).isEqualTo("call10-queue");
		assertThat(reject.getLinkedId()).isEqualTo("call10-caller");
		assertThat(first(call, DialEndEvent.class).getDialStatus()).isEqualTo("BUSY");
		assertThat(call).filteredOn(HangupEvent.class::isInstance).extracting(e -> ((HangupEvent) e).getCause())
				.containsExactly(17, 0);
		assertThat(call).noneMatch(e -> e instanceof QueueCallerJoinEvent);
		assertThat(simulator.pbx().stats().refused()).isEqualTo(1);
	}

	@Test
	void originate_like_the_recording_bench_places_a_call_named_by_its_channel_ids() throws Exception {
		connection.login();
		OriginateAction originate = new OriginateAction();
		originate.setChannel("Local/s@incoming");
		originate.setApplication("Wait");
		originate.setData("40");
		originate.setCallerId("\"Caller 01\" <5550101>");
		originate.setAsync(true);
		originate.setChannelId("call01-caller");
		originate.setOtherChannelId("call01-queue");
		originate.setActionId("call01");

		ManagerResponse queued = connection.sendAction(originate, 5_000);

		assertThat(queued.getResponse()).isEqualTo("Success");
		assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
		OriginateResponseEvent response = recorder.await(OriginateResponseEvent.class,
				e -> "call01-caller".equals(e.getUniqueId()), WAIT);
		assertThat(response.getResponse()).isEqualTo("Success");
		QueueCallerJoinEvent join = recorder.await(QueueCallerJoinEvent.class,
				e -> "call01-caller".equals(e.getLinkedId()), WAIT);
		assertThat(join.getUniqueId()).isEqualTo("call01-queue");
		assertThat(join.getCallerIdNum()).isEqualTo("5550101");
		assertThat(join.getCallerIdName()).isEqualTo("Caller 01");
	}

	@Test
	void a_refusal_event_of_another_name_is_built_as_line_limit_reject_when_configured() throws Exception {
		SimulatorSettings b = SimulatorSettings.recordingBench();
		SimulatorSettings renamed = new SimulatorSettings(b.queue(), b.lineVariable(), "OverLimit", b.username(),
				b.password(), 3, 0, 30, 0, 60, 4, 7, 1, 3, 20, 1);
		try (AmiSimulator other = new AmiSimulator(renamed, 0).start()) {
			DefaultManagerConnection c = new DefaultManagerConnection("127.0.0.1", other.port(), "ikiiki",
					"ikiiki-demo");
			jp.ikiiki.desk.telephony.ami.AmiEventDispatcherAccess.registerRefusalEvent(c, "OverLimit");
			EventRecorder events = new EventRecorder();
			c.addEventListener(events);
			c.login();
			other.pbx().placeCall(new CallSpec("call20", "5550120", "Caller 20", 1_000, 1, 5));

			LineLimitRejectEvent reject = events.await(LineLimitRejectEvent.class,
					e -> "call20-caller".equals(e.getLinkedId()), WAIT);
			assertThat(reject.getLines()).isZero();
			assertThat(reject.getInUse()).isEqualTo(1);
			c.logoff();
		}
	}

	private void pauseAll() throws Exception {
		for (int i = 1; i <= 3; i++) {
			QueuePauseAction pause = new QueuePauseAction("Local/agent" + i + "@agents", "inquiry", true);
			assertThat(connection.sendAction(pause, 5_000).getResponse()).isEqualTo("Success");
		}
		recorder.await(QueueMemberPauseEvent.class, e -> "Agent 3".equals(e.getMemberName()), WAIT);
	}

	private List<ManagerEvent> callEvents(String linkedId) {
		return recorder.events().stream()
				.filter(e -> linkedId.equals(jp.ikiiki.desk.telephony.ami.AmiEventDispatcherAccess.callId(e)))
				.toList();
	}

	private static <T> T first(List<ManagerEvent> events, Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).findFirst()
				.orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
	}

	private static int indexOf(List<ManagerEvent> events, java.util.function.Predicate<ManagerEvent> match) {
		for (int i = 0; i < events.size(); i++) {
			if (match.test(events.get(i))) {
				return i;
			}
		}
		return -1;
	}
}
