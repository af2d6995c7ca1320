package jp.ikiiki.desk.notices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A running notice run's liveness: a session-level advisory lock (7402, run id) held on a connection of its own for as
 * long as the run works. PostgreSQL releases it when that session ends, however it ends (the JVM killed, the node's
 * network gone), so a {@code RUNNING} run whose lock can be taken is an orphan ({@link InterruptedNoticeRuns}). The
 * lock is taken before the run's row is written: no sweep can mistake a run being registered for an orphan.
 */
final class RunLock implements AutoCloseable {

	static final int CLASS_ID = 7402;
	private static final Logger log = LoggerFactory.getLogger(RunLock.class);

	private final Connection connection;
	private final long runId;

	private RunLock(Connection connection, long runId) {
		this.connection = connection;
		this.runId = runId;
	}

	/** Takes the run's lock on a new connection; a run id is new, so the lock is free. */
	static RunLock take(DataSource dataSource, long runId) {
		Connection c = null;
		try {
			c = dataSource.getConnection();
			c.setAutoCommit(true);
			try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				s.setInt(1, CLASS_ID);
				s.setInt(2, Math.toIntExact(runId));
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						throw new IllegalStateException("the lock of a new notice run is held");
					}
				}
			}
			return new RunLock(c, runId);
		} catch (SQLException e) {
			closeQuietly(c);
			throw new DataAccessResourceFailureException("notice run lock not taken", e);
		} catch (RuntimeException e) {
			closeQuietly(c);
			throw e;
		}
	}

	/** Releases the lock before the connection goes back to the pool (a pooled session must not keep it). */
	@Override
	public void close() {
		try (PreparedStatement s = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
			s.setInt(1, CLASS_ID);
			s.setInt(2, Math.toIntExact(runId));
			s.execute();
		} catch (SQLException e) {
			// A broken session has lost its locks with it; the pool drops the connection.
			log.warn("Notice run {}: lock not released: {}", runId, SafeThrowables.describe(e));
		} finally {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection c) {
		if (c != null) {
			try {
				c.close();
			} catch (SQLException e) {
				log.warn("notice run lock connection not closed: {}", SafeThrowables.describe(e));
			}
		}
	}
}
