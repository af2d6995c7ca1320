package jp.ikiiki.desk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Asterisk configuration in {@code telephony/} against what the application expects: the names in
 * {@code application.yml} ({@code ikiiki.telephony.*}), the line gate's behaviour (followed through the dialplan),
 * the recording's event shapes, and a manager user with exactly the rights the application's actions and events
 * need in Asterisk 22.
 */
class TelephonyConfigTest {

	private static final Path DIR = Path.of("telephony");

	/** Family and key of the limit in AstDB, written by the application with DBPut. */
	private static final String ASTDB_LINES = "ikiiki/lines";

	/**
	 * Actions the application sends, with the classes Asterisk 22 registers them under (main/manager.c, main/db.c,
	 * apps/app_queue.c). An empty set means no class is needed. A user may run an action when its write classes
	 * share at least one class with the action's.
	 */
	private static final Map<String, Set<String>> ACTIONS = new LinkedHashMap<>();

	/** Events the application reads, with the class Asterisk 22 sends them under (as in the recording). */
	private static final Map<String, String> EVENTS = new LinkedHashMap<>();

	static {
		ACTIONS.put("Login", Set.of());
		ACTIONS.put("Challenge", Set.of());
		ACTIONS.put("Ping", Set.of());
		ACTIONS.put("Events", Set.of());
		ACTIONS.put("Logoff", Set.of());
		ACTIONS.put("QueueStatus", Set.of());
		ACTIONS.put("QueueSummary", Set.of());
		ACTIONS.put("Setvar", Set.of("call"));
		ACTIONS.put("Getvar", Set.of("call", "reporting"));
		ACTIONS.put("QueuePause", Set.of("agent"));
		ACTIONS.put("DBPut", Set.of("system"));
		ACTIONS.put("DBGet", Set.of("system", "reporting"));
		// asterisk-java 3.42 sends CoreSettings after every login to learn the version (falls back to the CLI
		// command "core show version", which would need the "command" class).
		ACTIONS.put("CoreSettings", Set.of("system", "reporting"));

		EVENTS.put("Newchannel", "call");
		EVENTS.put("Hangup", "call");
		EVENTS.put("DialBegin", "call");
		EVENTS.put("DialEnd", "call");
		EVENTS.put("BridgeEnter", "call");
		EVENTS.put("QueueCallerJoin", "agent");
		EVENTS.put("QueueCallerLeave", "agent");
		EVENTS.put("QueueCallerAbandon", "agent");
		EVENTS.put("QueueMemberStatus", "agent");
		EVENTS.put("QueueMemberPause", "agent");
		EVENTS.put("AgentCalled", "agent");
		EVENTS.put("AgentConnect", "agent");
		EVENTS.put("AgentComplete", "agent");
		EVENTS.put("UserEvent", "user");
		EVENTS.put("VarSet", "dialplan");
	}

	private static String queue;
	private static String lineVariable;
	private static String refusalEvent;
	private static String amiUsername;

	private static AsteriskConf extensions;
	private static AsteriskConf queues;
	private static AsteriskConf pjsip;
	private static AsteriskConf manager;
	private static AsteriskConf modules;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readConfiguration() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
			Map<String, Object> root = new Yaml().load(in);
			Map<String, Object> telephony = (Map<String, Object>) ((Map<String, Object>) root.get("ikiiki")).get("telephony");
			queue = (String) telephony.get("queue");
			lineVariable = (String) telephony.get("line-variable");
			refusalEvent = (String) telephony.get("refusal-event");
			amiUsername = placeholderDefault((String) ((Map<String, Object>) telephony.get("ami")).get("username"));
		}
		extensions = AsteriskConf.read(DIR.resolve("extensions.conf"));
		queues = AsteriskConf.read(DIR.resolve("queues.conf"));
		pjsip = AsteriskConf.read(DIR.resolve("pjsip.conf"));
		manager = AsteriskConf.read(DIR.resolve("manager.conf"));
		modules = AsteriskConf.read(DIR.resolve("modules.conf"));
	}

	private static String placeholderDefault(String value) {
		Matcher placeholder = Pattern.compile("^\\$\\{[A-Z_]+:(.*)}$").matcher(value);
		return placeholder.matches() ? placeholder.group(1) : value;
	}

	private Dialplan.Run call(Map<String, String> globals, Map<String, String> astdb, int inUse) {
		return new Dialplan(extensions.section("incoming"), "s", globals, astdb,
				Map.of(queue + "@lines", inUse)).run();
	}

	private static Map<String, String> globals(Integer lines) {
		Map<String, String> globals = new HashMap<>();
		extensions.section("globals").entries().forEach(e -> globals.put(e.key(), e.value()));
		if (lines != null) {
			globals.put(lineVariable, String.valueOf(lines));
		}
		return globals;
	}

	// ------------------------------------------------------------------------------------------------ line gate

	@Test
	void sixth_concurrent_call_over_a_limit_of_five_is_refused_with_the_recordings_user_event_and_never_answered() {
		Dialplan.Run run = call(globals(5), Map.of(), 6);

		// Recording, call 06: UserEvent LineLimitReject with Queue: inquiry, Lines: 5, InUse: 6, then Busy.
		assertThat(run.dataOf("UserEvent")).isEqualTo(refusalEvent + ",Queue: " + queue + ",Lines: 5,InUse: 6");
		assertThat(run.applications()).endsWith("UserEvent", "Busy").doesNotContain("Answer", "Queue");
	}

	@Test
	void call_within_the_limit_is_answered_and_waits_in_the_queue_for_at_most_30_seconds() {
		Dialplan.Run run = call(globals(5), Map.of(), 5);

		assertThat(run.applications()).endsWith("Answer", "Queue").doesNotContain("UserEvent", "Busy");
		assertThat(run.dataOf("Queue")).isEqualTo(queue + ",,,,30");
	}

	@Test
	void the_call_joins_its_queues_line_group_before_it_is_counted() {
		Dialplan.Run run = call(globals(5), Map.of(), 1);

		// Dialplan.run() also fails when GROUP_COUNT is read before the call joined the group.
		assertThat(run.dataOf("Set")).isEqualTo("GROUP(lines)=" + queue);
		assertThat(run.applications().indexOf("Set")).isLessThan(run.applications().lastIndexOf("GotoIf"));
	}

	@Test
	void a_limit_of_zero_refuses_every_call() {
		Dialplan.Run run = call(globals(0), Map.of(), 1);

		assertThat(run.dataOf("UserEvent")).isEqualTo(refusalEvent + ",Queue: " + queue + ",Lines: 0,InUse: 1");
		assertThat(run.ran("Answer")).isFalse();
	}

	@Test
	void after_an_asterisk_restart_the_limit_comes_from_astdb_where_the_application_stored_it() {
		Map<String, String> globals = globals(null);
		Dialplan.Run run = call(globals, Map.of(ASTDB_LINES, "3"), 4);

		assertThat(globals).containsEntry(lineVariable, "3");
		assertThat(run.dataOf("UserEvent")).contains("Lines: 3,InUse: 4");
	}

	@Test
	void without_a_stored_limit_the_dialplan_falls_back_to_the_contracts_smallest_daily_average_of_two_lines() {
		Map<String, String> globals = globals(null);
		assertThat(call(globals, Map.of(), 2).ran("Queue")).isTrue();
		assertThat(globals).containsEntry(lineVariable, "2");
		assertThat(call(globals(null), Map.of(), 3).ran("UserEvent")).isTrue();
	}

	@Test
	void a_limit_applied_at_run_time_wins_over_astdb() {
		Map<String, String> globals = globals(7);
		assertThat(call(globals, Map.of(ASTDB_LINES, "1"), 7).ran("Queue")).isTrue();
		assertThat(globals).containsEntry(lineVariable, "7");
	}

	@Test
	void dialplan_reload_keeps_the_applied_limit() {
		// pbx_config re-applies [globals] on reload: the line variable must not be one of them.
		assertThat(extensions.section("globals").get(lineVariable)).isEmpty();
		assertThat(extensions.section("general").get("clearglobalvars")).contains("no");
	}

	@Test
	void calls_for_any_dialled_number_enter_the_line_gate() {
		List<AsteriskConf.Entry> exten = extensions.section("incoming").entries().stream()
				.filter(e -> e.key().equals("exten") && !e.value().startsWith("s,")).toList();
		assertThat(exten).isNotEmpty().allSatisfy(e -> assertThat(e.value()).endsWith(",1,Goto(s,1)"));
	}

	// ------------------------------------------------------------------------------------------------ queue, agents

	@Test
	void the_queue_named_in_application_yml_rings_agents_round_robin_for_15_seconds_without_announcements() {
		AsteriskConf.Section inquiry = queues.section(queue);
		assertThat(inquiry.get("strategy")).contains("rrmemory");
		assertThat(inquiry.get("timeout")).contains("15");
		assertThat(inquiry.get("timeoutpriority")).contains("app");
		assertThat(inquiry.get("announce-holdtime")).contains("no");
		assertThat(inquiry.get("musicclass")).contains("default");
		// Admitted callers always join and are never dropped early: no outcome outside the app's four.
		assertThat(inquiry.get("joinempty")).contains("yes");
		assertThat(inquiry.get("leavewhenempty")).contains("no");
	}

	@Test
	void every_queue_member_is_a_pjsip_agent_endpoint_with_its_state_interface() {
		List<String> members = queues.section(queue).all("member");
		assertThat(members).hasSizeGreaterThanOrEqualTo(3);
		Pattern member = Pattern.compile("^Local/(agent\\d+)@agents,0,Agent (\\d+),PJSIP/(agent\\d+)$");
		Set<String> agents = new LinkedHashSet<>();
		for (String line : members) {
			Matcher m = member.matcher(line);
			assertThat(m.matches()).as(line).isTrue();
			assertThat(m.group(3)).isEqualTo(m.group(1));
			assertThat(m.group(1)).isEqualTo("agent" + m.group(2));
			agents.add(m.group(1));
		}
		assertThat(agents).hasSameSizeAs(members);

		for (String agent : agents) {
			Map<String, AsteriskConf.Section> byType = pjsip.sections(agent).stream()
					.collect(Collectors.toMap(s -> pjsip.effective(s, "type").orElseThrow(), s -> s));
			assertThat(byType).as(agent).containsOnlyKeys("endpoint", "auth", "aor");
			AsteriskConf.Section endpoint = byType.get("endpoint");
			assertThat(endpoint.get("auth")).contains(agent);
			assertThat(endpoint.get("aors")).contains(agent);
			assertThat(pjsip.effective(endpoint, "context")).contains("from-agents");
			assertThat(pjsip.effective(byType.get("auth"), "username")).contains(agent);
			assertThat(pjsip.effective(byType.get("aor"), "max_contacts")).contains("1");
		}
		assertThat(Dialplan.steps(extensions.section("agents"), "_agent.").get(1).data()).isEqualTo("PJSIP/${EXTEN}");
	}

	@Test
	void agents_phones_cannot_reach_the_queue_the_gate_or_a_trunk() {
		assertThat(extensions.section("from-agents").entries())
				.allSatisfy(e -> assertThat(e.value()).endsWith(",1,Hangup(21)"));
	}

	@Test
	void the_carrier_trunk_template_delivers_calls_to_the_line_gate() {
		AsteriskConf.Section carrier = pjsip.template("carrier-endpoint").orElseThrow();
		assertThat(carrier.get("type")).contains("endpoint");
		assertThat(carrier.get("context")).contains("incoming");
		assertThat(pjsip.template("carrier-registration").flatMap(r -> r.get("endpoint"))).contains("carrier");
		assertThat(pjsip.template("carrier-identify").flatMap(r -> r.get("endpoint"))).contains("carrier");
		// Only the trunk leads into the gate: every other endpoint (the agents) has another context.
		pjsip.sections().stream().filter(s -> !s.template())
				.filter(s -> pjsip.effective(s, "type").orElse("").equals("endpoint"))
				.filter(s -> !s.inherits().contains("carrier-endpoint"))
				.forEach(s -> assertThat(pjsip.effective(s, "context")).as(s.name()).isNotEqualTo(
						Optional.of("incoming")));
	}

	@Test
	void no_secret_in_the_repository_is_real() {
		for (AsteriskConf conf : List.of(pjsip, manager)) {
			conf.sections().forEach(s -> s.entries().stream()
					.filter(e -> e.key().equalsIgnoreCase("password") || e.key().equalsIgnoreCase("secret"))
					.forEach(e -> assertThat(e.value()).as(s.name() + " " + e.key()).isEqualTo("CHANGE-ME")));
		}
	}

	@Test
	void asterisk_refuses_to_start_without_the_modules_the_gate_and_queue_use() {
		List<String> required = modules.section("modules").all("require");
		assertThat(required).contains("app_queue.so", "app_userevent.so", "func_groupcount.so", "func_db.so",
				"func_global.so", "func_logic.so", "pbx_config.so", "chan_pjsip.so", "res_pjsip.so", "app_dial.so");
	}

	// ------------------------------------------------------------------------------------------------ manager

	@Test
	void manager_events_carry_timestamps() {
		AsteriskConf.Section general = manager.section("general");
		assertThat(general.get("enabled")).contains("yes");
		assertThat(general.get("timestampevents")).contains("yes");
		assertThat(general.get("port")).contains("5038");
	}

	@Test
	void manager_user_may_run_every_action_and_read_every_event_the_application_needs() {
		AsteriskConf.Section user = manager.section(amiUsername);
		Set<String> write = classes(user.get("write").orElse(""));
		Set<String> read = classes(user.get("read").orElse(""));

		ACTIONS.forEach((action, needed) -> assertThat(allowed(write, needed)).as(action).isTrue());
		EVENTS.forEach((event, needed) -> assertThat(read).as(event).contains(needed));
	}

	@Test
	void manager_user_has_no_class_it_could_do_without() {
		AsteriskConf.Section user = manager.section(amiUsername);
		Set<String> write = classes(user.get("write").orElse(""));
		Set<String> read = classes(user.get("read").orElse(""));

		assertThat(write).doesNotContain("all", "command", "originate", "config");
		assertThat(read).doesNotContain("all");
		for (String granted : write) {
			Set<String> without = new TreeSet<>(write);
			without.remove(granted);
			assertThat(ACTIONS.values().stream().anyMatch(needed -> !allowed(without, needed)))
					.as("write class %s is needed by some action", granted).isTrue();
		}
		for (String granted : read) {
			assertThat(EVENTS.containsValue(granted)).as("read class %s is needed by some event", granted).isTrue();
		}
	}

	@Test
	void manager_user_is_reachable_from_the_application_host_only() {
		AsteriskConf.Section user = manager.section(amiUsername);
		assertThat(user.all("deny")).containsExactly("0.0.0.0/0.0.0.0");
		assertThat(user.all("permit")).containsExactly("127.0.0.1/255.255.255.255");
		assertThat(manager.section("general").get("bindaddr")).contains("127.0.0.1");
	}

	private static Set<String> classes(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	private static boolean allowed(Set<String> write, Set<String> needed) {
		return needed.isEmpty() || write.contains("all") || needed.stream().anyMatch(write::contains);
	}
}
