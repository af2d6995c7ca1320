package jp.ikiiki.desk.mailings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.mailings.MailingJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code mailing_batch_job}: each batch's last long step as every node sees it. Written by the node whose job holds
 * the batch's lock (start, progress every few seconds, end); read by the other nodes' screens and by a start that
 * must tell whether the last job is alive or was left by a dead node.
 */
@Component
class BatchJobRecords {

	/** A batch's last job. */
	record Recorded(long batchId, MailingJobs.Step step, MailingJobs.State state, String node, String startedBy,
			Instant startedAt, long done, long total, String message) {
	}

	private final JdbcClient jdbc;

	BatchJobRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Recorded> find(long batchId) {
		return jdbc.sql("select * from mailing_batch_job where batch_id = :id").param("id", batchId)
				.query(BatchJobRecords::row).optional();
	}

	List<Recorded> running() {
		return jdbc.sql("select * from mailing_batch_job where state = 'RUNNING' order by batch_id")
				.query(BatchJobRecords::row).list();
	}

	/** The job starts (its lock is held): replaces the batch's previous record. */
	void started(long batchId, MailingJobs.Step step, String node, String by, String message) {
		jdbc.sql("""
				insert into mailing_batch_job (batch_id, step, state, node, started_by, message)
				values (:id, :step, 'RUNNING', :node, :by, :message)
				on conflict (batch_id) do update set step = excluded.step, state = 'RUNNING', node = excluded.node,
				    started_by = excluded.started_by, started_at = now(), updated_at = now(), ended_at = null, done = 0,
				    total = 0, message = excluded.message""")
				.param("id", batchId).param("step", step.name()).param("node", node).param("by", by)
				.param("message", message).update();
	}

	void progress(long batchId, String node, long done, long total, String message) {
		jdbc.sql("""
				update mailing_batch_job set done = :done, total = :total, message = :message, updated_at = now()
				where batch_id = :id and node = :node and state = 'RUNNING'""")
				.param("id", batchId).param("node", node).param("done", done).param("total", total)
				.param("message", message).update();
	}

	void ended(long batchId, String node, MailingJobs.State state, long done, long total, String message) {
		jdbc.sql("""
				update mailing_batch_job set state = :state, done = :done, total = :total, message = :message,
				    updated_at = now(), ended_at = now()
				where batch_id = :id and node = :node and state = 'RUNNING'""")
				.param("id", batchId).param("node", node).param("state", state.name()).param("done", done)
				.param("total", total).param("message", message).update();
	}

	/** A job whose node died: FAILED with the reason, if it is still recorded RUNNING. */
	boolean orphaned(long batchId, String message) {
		return jdbc.sql("""
				update mailing_batch_job set state = 'FAILED', message = :message, updated_at = now(), ended_at = now()
				where batch_id = :id and state = 'RUNNING'""").param("id", batchId).param("message", message)
				.update() == 1;
	}

	private static Recorded row(ResultSet rs, int n) throws SQLException {
		return new Recorded(rs.getLong("batch_id"), MailingJobs.Step.valueOf(rs.getString("step")),
				MailingJobs.State.valueOf(rs.getString("state")), rs.getString("node"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), rs.getLong("done"), rs.getLong("total"),
				rs.getString("message"));
	}
}
