package jp.ikiiki.desk.agentdesk.internal;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueLinkedId;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueSession;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpSessionEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.AgentDeskProperties;
import jp.ikiiki.desk.agentdesk.DeskMember;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.telephony.CallConnected;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * A phone stays bound to an agent only while the console session that bound it lives: signing out and a session
 * time-out end it (the container tells the session listener), and so does the end of the application instance that
 * held the session — a clean stop, a restart on the same host and port, or a crash noticed by the missing
 * heartbeat — without touching other instances' bindings. After the end, a call to that phone opens no entry for the
 * absent agent.
 */
@SpringBootTest
class DeskBindingLifecycleIT {

	static final String PHONE = "Local/agent3@agents";

	@Autowired
	AgentDesk desk;
	@Autowired
	DeskSessions sessions;
	@Autowired
	DeskInstances instances;
	@Autowired
	DeskBindings bindings;
	@Autowired
	QueueMembers members;
	@Autowired
	ApplicationEventPublisher publisher;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	AuditTrail audit;
	@Autowired
	AgentDeskProperties properties;

	final String agent = uniqueUser("agent-life");

	@BeforeEach
	void phoneFree() {
		jdbc.sql("delete from agent_binding where member_interface = :m").param("m", PHONE).update();
		await().atMost(Duration.ofSeconds(30)).until(() -> as(agent, "AGENT",
				() -> members.members().stream().anyMatch(m -> m.memberInterface().equals(PHONE))));
	}

	@AfterEach
	void release() {
		as(agent, "AGENT", desk::release);
	}

	@Test
	void signing_out_or_a_session_time_out_ends_the_binding_and_calls_no_longer_open_entries_for_the_agent() {
		String session = uniqueSession();
		as(agent, "AGENT", () -> desk.bind("inquiry", PHONE, session));
		assertThat(as(agent, "AGENT", () -> desk.binding())).isPresent();

		// What the container does on ログアウト (invalidate) and on a time-out alike.
		sessions.sessionDestroyed(new HttpSessionEvent(new MockHttpSession(null, session)));

		assertThat(as(agent, "AGENT", () -> desk.binding())).isEmpty();
		assertThat(as(agent, "AGENT", () -> desk.members())).filteredOn(m -> m.memberInterface().equals(PHONE))
				.extracting(DeskMember::boundTo).containsOnlyNulls();
		String call = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(call, "inquiry", PHONE, uniqueNumber(), BigDecimal.ONE, Instant.now()));
		assertThat(jdbc.sql("select count(*) from call_log where linked_id = :l").param("l", call).query(Long.class)
				.single()).isZero();
		assertThat(auditOf(agent)).anyMatch(d -> d.contains("ログアウトまたはセッション終了") && d.contains(PHONE));
	}

	@Test
	void another_session_of_someone_else_ending_leaves_the_binding_alone() {
		as(agent, "AGENT", () -> desk.bind("inquiry", PHONE, uniqueSession()));
		sessions.sessionDestroyed(new HttpSessionEvent(new MockHttpSession(null, uniqueSession())));
		assertThat(as(agent, "AGENT", () -> desk.binding())).isPresent();
	}

	@Test
	void a_binding_follows_its_session_when_the_session_gets_a_new_id() {
		String before = uniqueSession();
		String after = uniqueSession();
		as(agent, "AGENT", () -> desk.bind("inquiry", PHONE, before));
		sessions.sessionIdChanged(new HttpSessionEvent(new MockHttpSession(null, after)), before);

		sessions.sessionDestroyed(new HttpSessionEvent(new MockHttpSession(null, before)));
		assertThat(as(agent, "AGENT", () -> desk.binding())).isPresent();
		sessions.sessionDestroyed(new HttpSessionEvent(new MockHttpSession(null, after)));
		assertThat(as(agent, "AGENT", () -> desk.binding())).isEmpty();
	}

	@Test
	void the_bindings_of_an_instance_that_crashed_stop_counting_after_the_timeout_and_are_swept() {
		UUID crashed = instance(null, Instant.now().minus(properties.instanceTimeout()).minusSeconds(5));
		String absent = uniqueUser("agent-gone");
		bindRow(absent, PHONE, crashed);

		// Not counted any more: the phone is free and a call to it opens nothing for the absent agent.
		assertThat(bindings.atMember("inquiry", PHONE)).isEmpty();
		String call = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(call, "inquiry", PHONE, uniqueNumber(), BigDecimal.ONE, Instant.now()));
		assertThat(jdbc.sql("select count(*) from call_log where linked_id = :l").param("l", call).query(Long.class)
				.single()).isZero();

		instances.sweep();
		assertThat(jdbc.sql("select count(*) from desk_instance where id = :i").param("i", crashed).query(Long.class)
				.single()).isZero();
		assertThat(jdbc.sql("select count(*) from agent_binding where username = :u").param("u", absent)
				.query(Long.class).single()).isZero();
		assertThat(auditOf(absent)).anyMatch(d -> d.contains("アプリケーションの停止"));
	}

	@Test
	void a_restart_on_the_same_host_and_port_ends_the_earlier_instances_bindings_and_no_others() {
		String node = "desk-test-host:" + (20_000 + (int) (Math.random() * 10_000));
		UUID earlier = instance(node, Instant.now());
		UUID elsewhere = instance("other-host:8080", Instant.now());
		String left = uniqueUser("agent-left");
		String stays = uniqueUser("agent-stays");
		bindRow(left, PHONE, earlier);
		bindRow(stays, "Local/elsewhere-" + stays + "@agents", elsewhere);

		DeskInstances restarted = new DeskInstances(jdbc, audit, properties);
		restarted.afterSingletonsInstantiated();
		restarted.endEarlierInstances(node);

		assertThat(jdbc.sql("select username from agent_binding where username in (:u)").param("u", List.of(left, stays))
				.query(String.class).list()).containsExactly(stays);
		assertThat(auditOf(left)).anyMatch(d -> d.contains("再起動"));
		restarted.stop();
		jdbc.sql("delete from desk_instance where id = :i").param("i", elsewhere).update();
	}

	@Test
	void a_clean_stop_ends_the_bindings_of_the_stopping_instance() {
		DeskInstances stopping = new DeskInstances(jdbc, audit, properties);
		stopping.afterSingletonsInstantiated();
		String leaving = uniqueUser("agent-stop");
		bindRow(leaving, PHONE, stopping.id());

		stopping.stop();

		assertThat(jdbc.sql("select count(*) from agent_binding where username = :u").param("u", leaving)
				.query(Long.class).single()).isZero();
		assertThat(auditOf(leaving)).anyMatch(d -> d.contains("アプリケーションの停止"));
		// The running instance is untouched.
		assertThat(jdbc.sql("select count(*) from desk_instance where id = :i").param("i", instances.id())
				.query(Long.class).single()).isOne();
	}

	private UUID instance(String node, Instant seen) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into desk_instance (id, node, started_at, seen_at) values (:i, :n, :s, :s)").param("i", id)
				.param("n", node).param("s", seen.atOffset(java.time.ZoneOffset.UTC)).update();
		return id;
	}

	private void bindRow(String username, String phone, UUID instance) {
		jdbc.sql("""
				insert into agent_binding (username, queue, member_interface, session_key, instance_id)
				values (:u, 'inquiry', :m, :s, :i)
				""").param("u", username).param("m", phone).param("s", DeskSessions.key(uniqueSession()))
				.param("i", instance).update();
	}

	private List<String> auditOf(String username) {
		return jdbc.sql("select detail from audit_event where username = :u").param("u", username).query(String.class)
				.list();
	}
}
