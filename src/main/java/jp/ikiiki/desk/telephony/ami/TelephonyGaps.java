package jp.ikiiki.desk.telephony.ami;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes {@code telephony_gap}: a row opens when telephony data stops (connection lost, application stopped or
 * starting) and closes ({@code restored_at}) when the connection is back. At most one row is open at a time.
 * <p>
 * Start-up: a row left open by the previous run (stopped cleanly, or lost and never restored) stays open, so the
 * time the application was down counts as a gap until the first connection. If none is open (the previous run
 * crashed while connected) a row opens at start-up: the crash's own downtime cannot be known and is not covered.
 */
public class TelephonyGaps {

	private final JdbcClient jdbc;

	public TelephonyGaps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a gap at {@code at} unless one is open already; true when a row was inserted. */
	public synchronized boolean openIfNone(Instant at, String reason) {
		return jdbc.sql("""
				insert into telephony_gap (lost_at, reason)
				select :at, :reason
				where not exists (select 1 from telephony_gap where restored_at is null)
				""").param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("reason", reason).update() == 1;
	}

	/** Closes the open gap (if any) at {@code at}; the number of rows closed. */
	public synchronized int closeOpen(Instant at) {
		return jdbc.sql("""
				update telephony_gap set restored_at = greatest(:at, lost_at)
				where restored_at is null
				""").param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
	}
}
