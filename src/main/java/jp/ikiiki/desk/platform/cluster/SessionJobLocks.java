package jp.ikiiki.desk.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JobLocks} by session-level advisory locks; the connections come from {@link Opener}. */
final class SessionJobLocks implements JobLocks {

	private static final Logger log = LoggerFactory.getLogger(SessionJobLocks.class);

	/** Where a lock's connection comes from: a dedicated one (several nodes) or the pool (one node). */
	@FunctionalInterface
	interface Opener {
		Connection open(String purpose) throws SQLException;
	}

	private final Opener opener;
	private final JdbcClient jdbc;

	SessionJobLocks(Opener opener, JdbcClient jdbc) {
		this.opener = opener;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Held> tryLock(int classId, int key, String purpose) {
		Connection c = null;
		try {
			c = opener.open(purpose);
			c.setAutoCommit(true);
			try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				s.setInt(1, classId);
				s.setInt(2, key);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						close(c);
						return Optional.empty();
					}
				}
			}
			return Optional.of(new SessionLock(c, classId, key));
		} catch (SQLException e) {
			close(c);
			throw new DataAccessResourceFailureException("job lock not taken", e);
		} catch (RuntimeException e) {
			close(c);
			throw e;
		}
	}

	@Override
	public boolean isFree(int classId, int key) {
		// objsubid 2: the two-key form of the advisory lock functions
		return !Boolean.TRUE.equals(jdbc.sql("""
				select exists (select 1 from pg_locks where locktype = 'advisory' and granted
				  and classid = :c and objid = :k and objsubid = 2)""")
				.param("c", classId).param("k", key).query(Boolean.class).single());
	}

	private static void close(Connection c) {
		if (c != null) {
			try {
				c.close();
			} catch (SQLException e) {
				log.debug("job lock connection close", e);
			}
		}
	}

	private static final class SessionLock implements Held {

		private final Connection connection;
		private final int classId;
		private final int key;
		private boolean closed;

		SessionLock(Connection connection, int classId, int key) {
			this.connection = connection;
			this.classId = classId;
			this.key = key;
		}

		@Override
		public synchronized boolean alive() {
			if (closed) {
				return false;
			}
			try (PreparedStatement s = connection.prepareStatement("""
					select exists (select 1 from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()
					  and granted and classid = ? and objid = ? and objsubid = 2)""")) {
				s.setQueryTimeout(5);
				s.setInt(1, classId);
				s.setInt(2, key);
				try (ResultSet rs = s.executeQuery()) {
					return rs.next() && rs.getBoolean(1);
				}
			} catch (SQLException e) {
				log.warn("Job lock {}/{} lost with its connection ({})", classId, key, e.getClass().getSimpleName());
				return false;
			}
		}

		@Override
		public synchronized void close() {
			if (closed) {
				return;
			}
			closed = true;
			// Released before the connection closes: a pooled session must not keep it.
			try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
				s.setInt(1, classId);
				s.setInt(2, key);
				s.execute();
			} catch (SQLException e) {
				log.warn("Job lock {}/{} not released ({}); it goes with the session", classId, key,
						e.getClass().getSimpleName());
			} finally {
				SessionJobLocks.close(connection);
			}
		}
	}
}
