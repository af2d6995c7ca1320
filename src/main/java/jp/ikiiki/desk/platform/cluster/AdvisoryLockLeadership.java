package jp.ikiiki.desk.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Leadership by a PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock(LOCK_CLASS, lockKey)}) held on
 * a connection of its own, outside the pool. The lock belongs to the session: when the node dies (kill -9, power)
 * or its connection breaks, the server ends the session and the lock is free for another node — that is the fence,
 * and nothing else is needed: no lease to expire, no clock to trust.
 * <p>
 * Every {@code check-interval} the leader proves, with one statement on that connection, that its session is alive
 * and still holds the lock, and writes its heartbeat ({@code cluster_leader_term.seen_at}); a statement that fails
 * or takes longer than {@code check-timeout} means the connection is lost, and the node gives up leadership at once
 * ({@link LeadershipLost}) and closes the connection, so that the server releases the lock if it still holds it. A
 * follower tries to take the lock at the same interval.
 */
final class AdvisoryLockLeadership implements Leadership {

	private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);
	/** The lock's first key: "IK". */
	static final int LOCK_CLASS = 0x494B;

	private final ClusterProperties properties;
	private final DedicatedConnections connections;
	private final ApplicationEventPublisher events;
	private final String node;
	private ScheduledExecutorService thread;
	private Connection connection;
	private long term;
	private volatile boolean leader;
	private volatile boolean running;

	AdvisoryLockLeadership(ClusterProperties properties, DedicatedConnections connections,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.connections = connections;
		this.events = events;
		this.node = properties.nodeName();
	}

	@Override
	public boolean isLeader() {
		return leader;
	}

	@Override
	public String node() {
		return node;
	}

	/** Starts taking part: tries for the lock now and at every interval. */
	synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "cluster-leadership");
			t.setDaemon(true);
			return t;
		});
		long interval = properties.checkInterval().toMillis();
		thread.scheduleWithFixedDelay(() -> {
			if (running) {
				check();
			}
		}, 0, interval, TimeUnit.MILLISECONDS);
		log.info("Node {} takes part in the leadership (advisory lock {}/{})", node, LOCK_CLASS, properties.lockKey());
	}

	/** A clean stop: leader-only work stops, the term ends, the lock is released for the other node at once. */
	void stop() {
		ScheduledExecutorService t;
		synchronized (this) {
			if (!running) {
				return;
			}
			running = false;
			t = thread;
		}
		try {
			var release = t.submit(() -> {
				if (leader) {
					giveUp("stopping", true);
				}
				close();
			});
			t.shutdown();
			release.get(properties.checkTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
		} catch (Exception e) {
			log.warn("Leadership not released cleanly ({}); the server releases it when the session ends",
					e.getClass().getSimpleName());
		}
		t.shutdownNow();
	}

	/** One check: on the leadership thread (tests call it directly on an instance they never start). */
	void check() {
		try {
			if (connection == null) {
				connection = connections.open("leader:" + node);
			}
			if (leader) {
				if (!stillLeading()) {
					giveUp("lock no longer held", false);
					close(); // whatever the session still holds goes with it
				}
			} else if (tryLock()) {
				takeOver();
			}
		} catch (SQLException | RuntimeException e) {
			if (leader) {
				giveUp("database connection lost (" + e.getClass().getSimpleName() + ")", false);
			} else if (connection != null) {
				log.warn("Leadership check failed ({}); trying again", e.getClass().getSimpleName());
			}
			close();
		}
	}

	private boolean tryLock() throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
			s.setInt(1, LOCK_CLASS);
			s.setInt(2, properties.lockKey());
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** The heartbeat, written only while this session holds the lock: one row means alive and leading. */
	private boolean stillLeading() throws SQLException {
		try (PreparedStatement s = connection.prepareStatement("""
				update cluster_leader_term set seen_at = now()
				where id = ? and ended_at is null and exists (select 1 from pg_locks
				  where locktype = 'advisory' and pid = pg_backend_pid() and granted
				    and classid = ? and objid = ? and objsubid = 2)""")) {
			s.setQueryTimeout((int) Math.max(1, properties.checkTimeout().toSeconds()));
			s.setLong(1, term);
			s.setInt(2, LOCK_CLASS);
			s.setInt(3, properties.lockKey());
			return s.executeUpdate() == 1;
		}
	}

	private void takeOver() throws SQLException {
		String previousNode = null;
		Instant previousSeen = null;
		// Terms left open were ended by a node's death: their last heartbeat is when leader-only work stopped.
		try (PreparedStatement s = connection.prepareStatement("""
				update cluster_leader_term set ended_at = seen_at, end_reason = 'node lost'
				where ended_at is null and lock_key = ? returning node, seen_at""")) {
			s.setInt(1, properties.lockKey());
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					Instant seen = rs.getTimestamp(2).toInstant();
					if (previousSeen == null || seen.isAfter(previousSeen)) {
						previousSeen = seen;
						previousNode = rs.getString(1);
					}
				}
			}
		}
		try (PreparedStatement s = connection.prepareStatement(
				"insert into cluster_leader_term (node, lock_key) values (?, ?) returning id")) {
			s.setString(1, node);
			s.setInt(2, properties.lockKey());
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				term = rs.getLong(1);
			}
		}
		leader = true;
		log.info("Node {} is the leader (term {}; previous leader {} last seen {})", node, term, previousNode,
				previousSeen);
		publish(new LeadershipGained(node, previousNode, previousSeen));
	}

	/** Gives up at once; the lock goes with the connection, which the caller closes. */
	private void giveUp(String reason, boolean clean) {
		leader = false;
		log.warn("Node {} gives up leadership: {}", node, reason);
		publish(new LeadershipLost(node, reason));
		if (clean && connection != null) {
			try (PreparedStatement s = connection.prepareStatement(
					"update cluster_leader_term set ended_at = now(), end_reason = ? where id = ?")) {
				s.setString(1, reason);
				s.setLong(2, term);
				s.executeUpdate();
			} catch (SQLException e) {
				log.debug("Leadership term not ended", e);
			}
		}
	}

	private void publish(Object event) {
		try {
			events.publishEvent(event);
		} catch (RuntimeException e) {
			log.error("A listener of {} failed: {}", event.getClass().getSimpleName(), e.getClass().getName());
		}
	}

	private void close() {
		Connection c = connection;
		connection = null;
		if (c != null) {
			try {
				c.close();
			} catch (SQLException e) {
				log.debug("Leadership connection close", e);
			}
		}
	}

	/** For tests: the term this node leads, 0 when it does not. */
	long term() {
		return leader ? term : 0;
	}

}
