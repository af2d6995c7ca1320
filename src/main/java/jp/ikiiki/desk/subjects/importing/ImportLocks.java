package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL advisory locks that serialise imports, held by the import's own transaction.
 * <p>
 * Transaction-level on purpose: the lock ends with the transaction however it ends — commit, rollback, an
 * exception, the connection closed by the pool, or the JVM killed (the server ends the backend and its locks when
 * the socket closes) — so a pooled connection never keeps a lock of an import that is over, and a crash never
 * leaves a kind locked. A session-level lock would stay with the pooled connection after an error path forgot to
 * release it. Works across application nodes sharing the database.
 * <ul>
 * <li>one lock per kind, tried without waiting: a second import of the same kind is refused at once;</li>
 * <li>one lock for the comparison and apply phase of every kind, waited for: an index and a progress import may
 * read and validate at the same time, but they add subjects one after the other, so that both never insert the
 * same new 宛名番号.</li>
 * </ul>
 */
final class ImportLocks {

	/** The advisory lock class of subject imports ("IKSI"). */
	static final int LOCK_CLASS = 0x494B5349;
	private static final int APPLY = 0;

	private ImportLocks() {
	}

	/** Takes the kind's lock for the current transaction if it is free; false if another import holds it. */
	static boolean tryKind(JdbcTemplate jdbc, SubjectFileKind kind) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class,
				LOCK_CLASS, kind.ordinal() + 1));
	}

	/** {@link #tryKind(JdbcTemplate, SubjectFileKind)} for a {@code JdbcClient}. */
	static boolean tryKind(org.springframework.jdbc.core.simple.JdbcClient jdbc, SubjectFileKind kind) {
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:class, :key)")
				.param("class", LOCK_CLASS).param("key", kind.ordinal() + 1).query(Boolean.class).single());
	}

	/** Waits for the comparison-and-apply lock, held until the current transaction ends. */
	static void awaitApply(JdbcTemplate jdbc) {
		jdbc.execute("select pg_advisory_xact_lock(" + LOCK_CLASS + ", " + APPLY + ")"); // constants only
	}
}
