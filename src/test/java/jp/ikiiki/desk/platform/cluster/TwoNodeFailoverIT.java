package jp.ikiiki.desk.platform.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two application nodes on their own test hosts against one PostgreSQL 15 server, one PBX (the simulator) for both,
 * a browser on each node: the agent's desk on the node that is not the leader pops the call the leader's AMI
 * connection saw, both wallboards show the leader's connection; the leader is killed (kill -9) twice and each time
 * the other node takes the AMI connection within the 15 s the centre allows, puts the line limit in force again, and
 * no call is recorded twice. Needs root (network namespaces) and Debian's PostgreSQL 15: skipped, saying which is
 * missing, otherwise. The ten-kill run with figures is {@code bench.ClusterFailoverBenchmark}.
 */
class TwoNodeFailoverIT {

	/** What the centre allows for the other node to take the AMI connection (and the limit) after a leader dies. */
	static final Duration TAKEOVER = Duration.ofSeconds(15);

	@Test
	void the_other_node_takes_the_ami_connection_within_15_seconds_of_each_kill_and_pops_reach_either_node()
			throws Exception {
		TwoNodes.unavailable().ifPresent(why -> Assumptions.abort("two-node test skipped: " + why));
		try (TwoNodes cluster = new TwoNodes(); Chromium chromium = Chromium.launch()) {
			AppNode a = cluster.start(0);
			AppNode b = cluster.start(1);
			cluster.awaitReady(a);
			cluster.awaitReady(b);
			await().atMost(TAKEOVER).until(() -> cluster.leader().isPresent() && cluster.pbx.clients() == 1);
			String leaderName = cluster.leader().orElseThrow();
			AppNode leader = cluster.nodes[cluster.index(leaderName)];
			AppNode follower = cluster.nodes[1 - cluster.index(leaderName)];
			Chromium.user(cluster.jdbc, new BCryptPasswordEncoder(4), "cluster-agent", "受付 二郎", "cluster-pass-1",
					"AGENT");
			Chromium.user(cluster.jdbc, new BCryptPasswordEncoder(4), "cluster-fm", "床 三郎", "cluster-pass-2",
					"FLOOR_MANAGER");
			List<String> calls = new ArrayList<>();

			try (var deskCtx = chromium.context(1280, 720); var boardCtx = chromium.context(1280, 720)) {
				// The agent works on the node that does not hold the AMI connection.
				Page desk = deskCtx.newPage();
				desk.setDefaultTimeout(30_000);
				signIn(desk, follower, "cluster-agent", "cluster-pass-1");
				desk.navigate(follower.url("/desk"));
				desk.locator("#desk-member-select").click();
				desk.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Local/agent1@agents"))
						.click();
				desk.locator("#desk-bind").click();
				assertThat(desk.locator("#desk-binding")).hasText("接続中: Local/agent1@agents");

				Page board = boardCtx.newPage();
				board.setDefaultTimeout(30_000);
				signIn(board, follower, "cluster-fm", "cluster-pass-2");
				board.navigate(follower.url("/wallboard"));
				assertThat(board.locator("#wallboard-connection")).hasText("電話システム接続中");

				calls.add(call(cluster, "0829200001"));
				assertThat(desk.locator("#desk-pop")).hasAttribute("data-linked-id", calls.get(0) + "-caller");
				assertThat(desk.locator("#desk-pop-number")).hasText("0829-20-0001");
				desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("cluster-1-pop-on-follower.png")));
				board.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("cluster-2-wallboard-follower.png")));

				// First kill, once the call has ended and is recorded: the leader dies; the agent's node takes over.
				awaitRecorded(cluster, calls.get(0));
				failover(cluster, leader, follower);
				assertThat(board.locator("#wallboard-connection")).hasText("電話システム接続中");
				calls.add(call(cluster, "0829200002"));
				assertThat(desk.locator("#desk-pop")).hasAttribute("data-linked-id", calls.get(1) + "-caller",
						new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
				assertThat(desk.locator("#desk-pop-number")).hasText("0829-20-0002");
				desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("cluster-3-pop-after-failover.png")));
			}

			// The killed node comes back as the follower; second kill: it takes over again.
			AppNode back = cluster.start(cluster.index(leader.name));
			cluster.awaitReady(back);
			assertThat(cluster.leader()).contains(follower.name);
			try (var boardCtx = chromium.context(1280, 720)) {
				Page board = boardCtx.newPage();
				board.setDefaultTimeout(30_000);
				signIn(board, back, "cluster-fm", "cluster-pass-2");
				board.navigate(back.url("/wallboard"));
				assertThat(board.locator("#wallboard-connection")).hasText("電話システム接続中");
				awaitRecorded(cluster, calls.get(1));
				failover(cluster, follower, back);
				assertThat(board.locator("#wallboard-connection")).hasText("電話システム接続中");
				board.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("cluster-4-wallboard-new-leader.png")));
			}
			calls.add(call(cluster, "0829200003"));

			// Every call recorded exactly once, whichever node recorded it.
			awaitRecorded(cluster, calls.get(2));
			assertThat(cluster.jdbc.sql("select count(*) from call_record where linked_id in (:ids)")
					.param("ids", calls.stream().map(c -> c + "-caller").toList()).query(Integer.class).single())
					.isEqualTo(3);
			assertThat(cluster.jdbc.sql("select count(*) from call_record group by linked_id having count(*) > 1")
					.query(Integer.class).list()).isEmpty();
			assertThat(cluster.jdbc.sql("select count(*) from call_log where linked_id in (:ids)")
					.param("ids", calls.subList(0, 2).stream().map(c -> c + "-caller").toList()).query(Integer.class)
					.single()).isEqualTo(2);
			// Two deaths recorded, and the telephony gaps they left closed.
			assertThat(cluster.jdbc.sql("select count(*) from cluster_leader_term where end_reason = 'node lost'")
					.query(Integer.class).single()).isEqualTo(2);
			assertThat(cluster.jdbc.sql("select count(*) from telephony_gap where restored_at is null")
					.query(Integer.class).single()).isZero();
		}
	}

	/** Kills the leader with SIGKILL and waits for the other node's connection and its line limit. */
	static Duration failover(TwoNodes cluster, AppNode leader, AppNode other) throws InterruptedException {
		long logins = cluster.logins();
		int actions = cluster.actions();
		long start = System.nanoTime();
		leader.kill();
		await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(50)).until(() -> cluster.logins() > logins
				&& cluster.limitsAppliedSince(actions) > 0);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(cluster.leader()).contains(other.name);
		assertThat(cluster.pbx.clients()).as("only the leader is connected to the PBX").isEqualTo(1);
		return took;
	}

	/** Waits until the call has ended and the leader has recorded it. */
	static void awaitRecorded(TwoNodes cluster, String label) {
		await().atMost(Duration.ofSeconds(60)).until(() -> cluster.jdbc.sql(
				"select count(*) from call_record where linked_id = :id").param("id", label + "-caller")
				.query(Integer.class).single() == 1);
	}

	/** Places a short call the agent answers; returns its label (Linkedid {@code label-caller}). */
	static String call(TwoNodes cluster, String number) {
		String label = "cl-" + UUID.randomUUID().toString().substring(0, 8);
		cluster.pbx.pbx().placeCall(new CallSpec(label, number, "Caller", 1_000, 1, 3));
		return label;
	}

	static void signIn(Page page, AppNode node, String username, String password) {
		page.navigate(node.url("/login"));
		page.locator("input[name='username']").fill(username);
		page.locator("input[name='password']").fill(password);
		page.locator("input[name='password']").press("Enter");
		assertThat(page.locator("[data-testid='current-user']")).hasAttribute("data-username", username);
	}
}
