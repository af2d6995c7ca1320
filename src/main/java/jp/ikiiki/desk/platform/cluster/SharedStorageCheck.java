package jp.ikiiki.desk.platform.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SharedStorage} with several nodes. Every {@code check-interval} this node writes, into each configured
 * directory, the marker {@code .ikiiki-node-<node>} holding a token of this run of the node, and records the token
 * in {@code cluster_storage_marker}; then, for every other node that recorded its markers within the last three
 * intervals (a live node), it reads that node's marker in the same directory (by name: each node may mount the share
 * at its own path). A marker missing or holding another token for longer than {@code wait} means the two nodes do
 * not see the same directory: reported in the log (names and paths, nothing personal), by the health indicator
 * (DOWN) and the metric, and as a refusal to start file-writing work in that directory ({@link #problem}).
 */
final class SharedStorageCheck implements SharedStorage {

	private static final Logger log = LoggerFactory.getLogger(SharedStorageCheck.class);
	static final String MARKER_PREFIX = ".ikiiki-node-";

	/** One directory another node (or this one) does not see as it should. */
	record Problem(String directory, Path path, String node, String reason) {
	}

	/**
	 * The last check's outcome.
	 *
	 * @param checkedAt when; null before the first check
	 * @param peers     the other live nodes seen in the database
	 * @param problems  empty when every directory is shared with every live node
	 */
	record Result(Instant checkedAt, List<String> peers, List<Problem> problems) {
	}

	private final String node;
	private final SharedStorageProperties properties;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String token = UUID.randomUUID().toString();
	private final Map<String, Instant> missingSince = new HashMap<>();
	private volatile Result last = new Result(null, List.of(), List.of());
	private ScheduledExecutorService timer;

	SharedStorageCheck(String node, SharedStorageProperties properties, JdbcClient jdbc, Clock clock) {
		this.node = node;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Result last() {
		return last;
	}

	String node() {
		return node;
	}

	@Override
	public Optional<String> problem(String directory) {
		return last.problems().stream().filter(p -> p.directory().equals(directory)).findFirst()
				.map(p -> "ファイルの保存先「" + directory + "」がノード " + node + " とノード " + p.node()
						+ " で共有されていません（" + p.reason() + "）。一方のノードで作成したファイルが他方から見えないため、"
						+ "保存先を共有ストレージにしてから実行してください（運用手順書「Two nodes」）");
	}

	synchronized void start() {
		if (timer != null) {
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "cluster-shared-storage");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleWithFixedDelay(() -> {
			try {
				check();
			} catch (RuntimeException e) {
				log.warn("Shared storage check failed ({}); trying again", e.getClass().getSimpleName());
			}
		}, 0, properties.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	/** One check: writes this node's markers, then looks for the other live nodes'. */
	synchronized Result check() {
		Instant now = clock.instant();
		List<Problem> problems = new ArrayList<>();
		for (var d : properties.directories().entrySet()) {
			try {
				writeMarker(d.getValue());
				jdbc.sql("""
						insert into cluster_storage_marker (node, directory, token, written_at) values (:n, :d, :t, :at)
						on conflict (node, directory) do update set token = excluded.token, written_at = excluded.written_at""")
						.param("n", node).param("d", d.getKey()).param("t", token).param("at", Timestamp.from(now))
						.update();
			} catch (IOException e) {
				problems.add(new Problem(d.getKey(), d.getValue(), node, "このノードから書き込めません: "
						+ e.getClass().getSimpleName()));
			}
		}
		record Peer(String node, String directory, String token) {
		}
		Instant alive = now.minus(properties.checkInterval().multipliedBy(3));
		List<Peer> peers = jdbc.sql("""
				select node, directory, token from cluster_storage_marker
				where node <> :n and written_at >= :alive order by node, directory""")
				.param("n", node).param("alive", Timestamp.from(alive))
				.query((rs, i) -> new Peer(rs.getString(1), rs.getString(2), rs.getString(3))).list();
		Map<String, Instant> stillMissing = new HashMap<>();
		for (Peer p : peers) {
			Path dir = properties.directories().get(p.directory());
			String reason;
			if (dir == null) {
				reason = "このノードには設定がありません";
			} else {
				String seen = readMarker(dir, p.node());
				reason = seen == null ? "ノード " + p.node() + " の目印ファイルが見えません"
						: seen.equals(p.token()) ? null : "ノード " + p.node() + " の目印ファイルが古いか別物です";
			}
			if (reason == null) {
				continue;
			}
			String key = p.node() + "/" + p.directory();
			Instant since = missingSince.getOrDefault(key, now);
			stillMissing.put(key, since);
			// a node that has just written its marker may not be visible yet through a share's cache
			if (!Duration.between(since, now).minus(properties.markerWait()).isNegative()) {
				problems.add(new Problem(p.directory(), dir, p.node(), reason));
			}
		}
		missingSince.clear();
		missingSince.putAll(stillMissing);
		Result result = new Result(now, peers.stream().map(Peer::node).distinct().toList(), List.copyOf(problems));
		logChange(last, result);
		last = result;
		return result;
	}

	private void logChange(Result before, Result now) {
		for (Problem p : now.problems()) {
			if (!before.problems().contains(p)) {
				log.error("Shared storage: directory '{}' ({}) is not shared between node {} and node {}: {}. Files "
						+ "one node writes there are missing on the other; mount the same share on every node",
						p.directory(), p.path(), node, p.node(), english(p));
			}
		}
		if (!before.problems().isEmpty() && now.problems().isEmpty()) {
			log.info("Shared storage: every directory is shared with the live nodes {}", now.peers());
		}
	}

	private static String english(Problem p) {
		return p.path() == null ? "not configured on this node"
				: p.reason().contains("書き込めません") ? "not writable here" : "the other node's marker is not seen here";
	}

	private void writeMarker(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path marker = dir.resolve(markerName(node));
		Path tmp = dir.resolve(markerName(node) + ".tmp");
		Files.writeString(tmp, token, StandardCharsets.UTF_8);
		Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String readMarker(Path dir, String node) {
		try {
			return Files.readString(dir.resolve(markerName(node)), StandardCharsets.UTF_8).strip();
		} catch (NoSuchFileException e) {
			return null;
		} catch (IOException e) {
			return null;
		}
	}

	static String markerName(String node) {
		return MARKER_PREFIX + node.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
