package jp.ikiiki.desk.platform.cluster;

import java.util.Optional;

/**
 * Fencing for a background job that must run on one node at a time (a batch's print run): a PostgreSQL session-level
 * advisory lock ({@code pg_try_advisory_lock(classId, key)}) held on a connection of its own for the job's life. The
 * server releases it when that session ends, however it ends (the job's end, the JVM killed, the node's network
 * gone), so a job recorded as running whose lock is free is an orphan of a dead node, and a second start on any node
 * is refused while the first one lives. With several nodes the connection is a dedicated one outside the pool, with
 * the leadership's timeouts (a vanished node loses its locks within seconds); with one node, a pooled connection
 * (the lock is released before it goes back).
 */
public interface JobLocks {

	/**
	 * Tries to take the lock.
	 *
	 * @param classId the first key: one per kind of job (e.g. 7403 for mailing batch jobs)
	 * @param key     the second key: the job's subject (a batch id)
	 * @param purpose shown as the session's application name ({@code pg_stat_activity}); no personal data
	 * @return the held lock, or empty when another session (this node's or another's) holds it
	 */
	Optional<Held> tryLock(int classId, int key, String purpose);

	/** True when no session holds the lock now: a job recorded as running under it has no live owner. */
	boolean isFree(int classId, int key);

	/** A held lock. Close it when the job ends (idempotent). */
	interface Held extends AutoCloseable {

		/**
		 * True while this session still holds the lock (one statement on its connection). False when the connection
		 * is lost: the job must stop at its next safe point, another node may take over.
		 */
		boolean alive();

		@Override
		void close();
	}
}
