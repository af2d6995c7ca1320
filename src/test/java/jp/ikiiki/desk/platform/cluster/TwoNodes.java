package jp.ikiiki.desk.platform.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.telephony.simulator.AmiMessage;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.SimulatorSettings;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two-node set-up on test hosts: PostgreSQL 15 on {@code .2}, nodes {@code a} on {@code .3} and {@code b} on
 * {@code .4}, the AMI simulator (one PBX for both) on the bridge's address in this JVM. Used by
 * {@link TwoNodeFailoverIT} and the benchmark.
 */
final class TwoNodes implements AutoCloseable {

	static final Duration START_UP = Duration.ofMinutes(4);
	static final int HTTP_PORT = 8080;
	static final String[] NAMES = { "a", "b" };

	final TestHosts hosts;
	final NamespacedPostgres db;
	final AmiSimulator pbx;
	final JdbcClient jdbc;
	final Path work;
	private final String[] namespaces = new String[2];
	final AppNode[] nodes = new AppNode[2];
	private final List<AutoCloseable> closing = new ArrayList<>();

	/** Why the set-up cannot run here, or empty when it can. */
	static Optional<String> unavailable() {
		return TestHosts.unavailable().or(NamespacedPostgres::unavailable);
	}

	TwoNodes() throws IOException {
		hosts = new TestHosts();
		closing.add(hosts);
		try {
			db = new NamespacedPostgres(hosts.host("db", 2), TestHosts.SUBNET + "2");
			closing.add(0, db);
			namespaces[0] = hosts.host("a", 3);
			namespaces[1] = hosts.host("b", 4);
			db.start();
			// One PBX, one queue member (so that every call goes to the agent the test binds).
			pbx = new AmiSimulator(new SimulatorSettings("inquiry", "LINES", "LineLimitReject", "ikiiki", "ikiiki-demo",
					1, 4, 30, 0, 60, 60, 300, 1, 1, 1, 1), 0).start(InetAddress.getByName(TestHosts.BRIDGE_ADDRESS));
			closing.add(0, pbx::close);
			var ds = new SimpleDriverDataSource(new org.postgresql.Driver(), db.url("ikiiki"), "ikiiki_app",
					db.appPassword);
			jdbc = JdbcClient.create(ds);
			work = Files.createTempDirectory("ikiiki-cluster-");
		} catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** Starts node {@code i} (0 = a, 1 = b). */
	AppNode start(int i) throws IOException {
		return start(i, false);
	}

	/** Starts node {@code i}, with the demo users and subjects when {@code demo} (one node at a time makes them). */
	AppNode start(int i, boolean demo) throws IOException {
		// Ports differ: the desk tells its instances apart by host name and port, and the test hosts share this
		// machine's host name (two real servers have names of their own).
		nodes[i] = AppNode.start(NAMES[i], namespaces[i], TestHosts.SUBNET + (3 + i), HTTP_PORT + i, db,
				TestHosts.BRIDGE_ADDRESS, pbx.port(), work, demo);
		return nodes[i];
	}

	void awaitReady(AppNode node) {
		await().atMost(START_UP).pollInterval(Duration.ofMillis(500)).until(node::ready);
	}

	/** The leader recorded in the database (its open term), if any. */
	Optional<String> leader() {
		return jdbc.sql("select node from cluster_leader_term where ended_at is null and lock_key = 1")
				.query(String.class).optional();
	}

	int index(String name) {
		return NAMES[0].equals(name) ? 0 : 1;
	}

	long logins() {
		return pbx.logins();
	}

	/** Setvar of the line variable after the {@code from}-th action. */
	long limitsAppliedSince(int from) {
		List<AmiMessage> actions = pbx.actions();
		return actions.subList(Math.min(from, actions.size()), actions.size()).stream()
				.filter(a -> "Setvar".equalsIgnoreCase(a.get("Action")) && "LINES".equals(a.get("Variable"))).count();
	}

	int actions() {
		return pbx.actions().size();
	}

	@Override
	public void close() {
		for (AppNode n : nodes) {
			if (n != null) {
				try {
					n.close();
				} catch (Exception e) {
					System.err.println("node not stopped: " + e);
				}
			}
		}
		for (AutoCloseable c : closing) {
			try {
				c.close();
			} catch (Exception e) {
				System.err.println("not closed: " + e);
			}
		}
	}
}
