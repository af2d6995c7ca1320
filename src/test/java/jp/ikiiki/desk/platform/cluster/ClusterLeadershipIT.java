package jp.ikiiki.desk.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leadership by advisory lock against a real PostgreSQL (the embedded one): a node whose session dies gives up at
 * once and telephony follows; a second contender waits while the leader's session lives and takes over when it
 * dies; messages reach the other node and not twice this one.
 */
@SpringBootTest(properties = { "ikiiki.cluster.enabled=true", "ikiiki.cluster.node=it-node-a",
		"ikiiki.cluster.check-interval=200ms" })
// a cluster node's timers and its leader lock must not outlive the class among the cached contexts of the run
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClusterLeadershipIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TestConfiguration
	static class Recording {

		@Bean
		Events leadershipEvents() {
			return new Events();
		}
	}

	static class Events {

		final List<Object> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void on(LeadershipGained e) {
			seen.add(e);
		}

		@EventListener
		void on(LeadershipLost e) {
			seen.add(e);
		}
	}

	@Autowired Leadership leadership;
	@Autowired Events events;
	@Autowired TelephonyStatus telephony;
	@Autowired AmiSimulator simulator;
	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;
	@Autowired ClusterMessages messages;
	@Autowired JobLocks jobLocks;
	@Autowired org.springframework.boot.actuate.health.HealthContributorRegistry healthContributors;
	@Autowired com.vaadin.flow.i18n.I18NProvider labels;

	@Test
	void a_leader_whose_session_dies_gives_up_at_once_and_the_next_leader_takes_the_ami_connection_and_records_the_gap() {
		await().atMost(WAIT).until(leadership::isLeader);
		await().atMost(WAIT).until(() -> telephony.status().state() == TelephonyStatus.State.CONNECTED);
		long setvarsBefore = actions("Setvar");
		long queueStatusBefore = actions("QueueStatus");
		int gainedBefore = count(LeadershipGained.class);
		// The wallboards of the other nodes get the leader's live state, without any caller's data.
		await().atMost(WAIT).until(() -> jdbc.sql("select state -> 'status' ->> 'state' from telephony_live_state")
				.query(String.class).optional().filter("CONNECTED"::equals).isPresent());

		// The server ends the leader's session (what it does when the node dies or its network goes).
		terminate("ikiiki-leader:it-node-a");

		await().atMost(WAIT).until(() -> events.seen.stream().anyMatch(e -> e instanceof LeadershipLost l
				&& l.reason().startsWith("database connection lost")));
		// The only node takes over again: the term the dead session left is ended at its last heartbeat.
		await().atMost(WAIT).until(() -> count(LeadershipGained.class) > gainedBefore);
		LeadershipGained gained = (LeadershipGained) events.seen.stream().filter(LeadershipGained.class::isInstance)
				.reduce((a, b) -> b).orElseThrow();
		assertThat(gained.previousNode()).isEqualTo("it-node-a");
		assertThat(gained.previousLastSeen()).isNotNull().isBefore(Instant.now());
		await().atMost(WAIT).until(() -> telephony.status().state() == TelephonyStatus.State.CONNECTED
				&& actions("Setvar") > setvarsBefore && actions("QueueStatus") > queueStatusBefore);
		assertThat(jdbc.sql("select count(*) from cluster_leader_term where ended_at is null and lock_key = 1").query(Integer.class)
				.single()).isEqualTo(1);
		assertThat(jdbc.sql("select end_reason from cluster_leader_term where ended_at is not null and lock_key = 1 order by id desc limit 1")
				.query(String.class).single()).isEqualTo("node lost");
		// The gap runs from the dead session's last heartbeat to the new connection.
		await().atMost(WAIT).until(() -> jdbc.sql("""
				select count(*) from telephony_gap where reason in ('leadership given up', 'leader node changed')
				  and restored_at is not null""").query(Integer.class).single() >= 1);
		assertThat(jdbc.sql("select count(*) from telephony_gap where restored_at is null").query(Integer.class)
				.single()).isZero();
	}

	@Test
	void a_second_node_waits_while_the_leaders_session_lives_and_takes_over_when_it_dies() {
		ClusterProperties settings = new ClusterProperties(true, "", Duration.ofMillis(200), Duration.ofSeconds(3), 99);
		List<Object> bEvents = new CopyOnWriteArrayList<>();
		List<Object> cEvents = new CopyOnWriteArrayList<>();
		DedicatedConnections connections = new DedicatedConnections(dataSource, Duration.ofSeconds(3));
		var b = new AdvisoryLockLeadership(named(settings, "it-node-b"), connections, bEvents::add);
		var c = new AdvisoryLockLeadership(named(settings, "it-node-c"), connections, cEvents::add);

		b.check();
		c.check();
		c.check();
		assertThat(b.isLeader()).isTrue();
		assertThat(c.isLeader()).isFalse();
		assertThat(cEvents).isEmpty();

		terminate("ikiiki-leader:it-node-b");
		b.check();
		assertThat(b.isLeader()).isFalse();
		assertThat(bEvents).last().isInstanceOfSatisfying(LeadershipLost.class,
				l -> assertThat(l.reason()).startsWith("database connection lost"));

		c.check();
		assertThat(c.isLeader()).isTrue();
		assertThat(cEvents).singleElement().isInstanceOfSatisfying(LeadershipGained.class,
				g -> assertThat(g.previousNode()).isEqualTo("it-node-b"));
		// The node that lost its session tries again and finds the lock taken.
		b.check();
		assertThat(b.isLeader()).isFalse();
		assertThat(leadership.isLeader()).as("another lock key: another installation").isTrue();
		terminate("ikiiki-leader:it-node-c");
		c.check();
		b.check();
		assertThat(b.isLeader()).isTrue();
	}

	@Test
	void messages_reach_the_other_node_once_and_come_back_to_their_own_node_only_in_memory() {
		var other = new PostgresMessages(jdbc, new DedicatedConnections(dataSource, Duration.ofSeconds(3)), "it-other");
		List<ClusterMessages.Message> here = new CopyOnWriteArrayList<>();
		List<ClusterMessages.Message> there = new CopyOnWriteArrayList<>();
		Runnable unsubscribe = messages.subscribe("it.topic", here::add);
		other.subscribe("it.topic", there::add);
		other.start();
		try {
			await().atMost(WAIT).until(other::listening);
			await().atMost(WAIT).until(() -> ((PostgresMessages) messages).listening());
			other.publish("it.topic", "41");
			messages.publish("it.topic", "42");

			await().atMost(WAIT).until(() -> here.size() >= 2 && there.size() >= 2);
			assertThat(here).containsExactlyInAnyOrder(new ClusterMessages.Message("it.topic", "41", false),
					new ClusterMessages.Message("it.topic", "42", true));
			assertThat(there).containsExactlyInAnyOrder(new ClusterMessages.Message("it.topic", "41", true),
					new ClusterMessages.Message("it.topic", "42", false));
		} finally {
			other.stop();
			unsubscribe.run();
		}
	}

	@Test
	void a_job_lock_refuses_a_second_holder_and_dies_with_its_session_so_that_another_node_can_take_the_job_over() {
		JobLocks.Held held = jobLocks.tryLock(7499, 1, "job-it").orElseThrow();
		try {
			assertThat(held.alive()).isTrue();
			assertThat(jobLocks.isFree(7499, 1)).isFalse();
			assertThat(jobLocks.tryLock(7499, 1, "job-it-second")).isEmpty();

			terminate("ikiiki-job-it"); // what the server does when the holder's node dies

			assertThat(held.alive()).isFalse();
			assertThat(jobLocks.isFree(7499, 1)).isTrue();
			try (JobLocks.Held next = jobLocks.tryLock(7499, 1, "job-it-next").orElseThrow()) {
				assertThat(next.alive()).isTrue();
			}
			assertThat(jobLocks.isFree(7499, 1)).isTrue();
		} finally {
			held.close();
		}
	}

	@Test
	void two_nodes_writing_to_different_directories_report_the_mismatch_and_two_sharing_one_directory_are_healthy(
			@TempDir Path root) throws Exception {
		// Far ahead of the real clock: these test nodes never count the context's own node as alive.
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2031-04-01T01:00:00Z"));
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		// This node's own check runs from its start and reports in /actuator/health: alone, it is healthy.
		var contributor = (org.springframework.boot.actuate.health.HealthIndicator) healthContributors
				.getContributor("sharedStorage");
		await().atMost(WAIT).until(() -> contributor.health().getStatus().equals(Status.UP));
		var apart = List.of(storageNode("it-storage-x", root.resolve("x"), clock),
				storageNode("it-storage-y", root.resolve("y"), clock));
		var shared = List.of(storageNode("it-storage-s1", root.resolve("shared"), clock),
				storageNode("it-storage-s2", root.resolve("shared"), clock));
		try {
			threeChecks(apart, now);
			SharedStorageCheck x = apart.get(0);
			// Each node of the pair that does not share the directory sees the other's marker missing.
			assertThat(x.last().problems()).extracting(SharedStorageCheck.Problem::directory,
					SharedStorageCheck.Problem::node).containsExactly(org.assertj.core.groups.Tuple.tuple("mailings",
							"it-storage-y"));
			assertThat(apart.get(1).last().problems()).extracting(SharedStorageCheck.Problem::node)
					.containsExactly("it-storage-x");
			assertThat(new SharedStorageHealth(x).health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(x.problem("mailings")).get().asString().contains("共有されていません", "it-storage-y");
			assertThat(x.problem("scans")).isEmpty();
			assertThat(root.resolve("x").resolve(".ikiiki-node-it-storage-x")).exists();
			assertThat(root.resolve("x").resolve(".ikiiki-node-it-storage-y")).doesNotExist();
			// On the home page of the security manager (and of operators, whose print runs it refuses); not of agents.
			var items = new SharedStorageWorkItems(x, labels);
			assertThat(jp.ikiiki.desk.shared.CurrentUser.callAsSystem(items::forCurrentUser, "SECURITY_ADMIN"))
					.singleElement().satisfies(item -> {
						assertThat(item.title()).isEqualTo("共有ストレージの不一致");
						assertThat(item.detail()).contains("このノード（it-storage-x）", "mailings（it-storage-y）");
						assertThat(item.urgency()).isEqualTo(jp.ikiiki.desk.platform.ui.WorkItems.Urgency.OVERDUE);
					});
			assertThat(jp.ikiiki.desk.shared.CurrentUser.callAsSystem(items::forCurrentUser, "AGENT")).isEmpty();

			// Those two nodes are gone; a pair sharing one directory sees each other's markers: healthy.
			jdbc.sql("delete from cluster_storage_marker where node like 'it-storage-%'").update();
			threeChecks(shared, now);
			for (var n : shared) {
				assertThat(n.last().problems()).isEmpty();
				assertThat(n.problem("mailings")).isEmpty();
				assertThat(new SharedStorageHealth(n).health().getStatus()).isEqualTo(Status.UP);
			}
			assertThat(shared.get(0).last().peers()).containsExactly("it-storage-s2");
		} finally {
			jdbc.sql("delete from cluster_storage_marker where node like 'it-storage-%'").update();
		}
	}

	/** Each node checks at once, after 40 s and after 80 s: past the 30 s a new marker is allowed to appear. */
	private static void threeChecks(List<SharedStorageCheck> nodes, AtomicReference<Instant> now) {
		for (int i = 0; i < 3; i++) {
			for (var n : nodes) {
				n.check();
			}
			now.set(now.get().plusSeconds(40));
		}
	}

	private SharedStorageCheck storageNode(String node, Path dir, Clock clock) {
		return new SharedStorageCheck(node, new SharedStorageProperties(java.util.Map.of("mailings", dir),
				Duration.ofMinutes(1), Duration.ofSeconds(30)), jdbc, clock);
	}

	private static ClusterProperties named(ClusterProperties p, String node) {
		return new ClusterProperties(p.enabled(), node, p.checkInterval(), p.checkTimeout(), p.lockKey());
	}

	private void terminate(String applicationName) {
		// The application's role may end sessions of its own role (pg_signal_backend is not needed for that).
		assertThat(jdbc.sql("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity "
				+ "where application_name = :name) t").param("name", applicationName).query(Integer.class).single())
				.isEqualTo(1);
	}

	private int count(Class<?> type) {
		return (int) events.seen.stream().filter(type::isInstance).count();
	}

	private long actions(String action) {
		return simulator.actions().stream().map(a -> a.get("Action")).filter(action::equalsIgnoreCase).count();
	}
}
