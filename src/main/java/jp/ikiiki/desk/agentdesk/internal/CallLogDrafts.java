package jp.ikiiki.desk.agentdesk.internal;

import java.time.Instant;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code call_log_draft} (V36): one draft per open entry. */
@Repository
class CallLogDrafts {

	private final JdbcClient jdbc;

	CallLogDrafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CallLogDraft> find(long callLogId) {
		return jdbc.sql("select * from call_log_draft where call_log_id = :id").param("id", callLogId)
				.query((rs, n) -> {
					String kind = rs.getString("caller_kind");
					String outcome = rs.getString("outcome");
					return new CallLogDraft(rs.getString("subject_id"), kind == null ? null : CallerKind.valueOf(kind),
							rs.getObject("category_id", Long.class), rs.getString("note"),
							rs.getObject("manual_entry_id", Long.class), rs.getObject("manual_entry_version", Integer.class),
							outcome == null ? null : Outcome.valueOf(outcome));
				}).optional();
	}

	/** Keeps the draft of an open entry, replacing the one before; false if the entry is closed or unknown. */
	boolean save(long callLogId, CallLogDraft draft, String by, Instant at) {
		return jdbc.sql("""
				insert into call_log_draft (call_log_id, subject_id, caller_kind, category_id, note, manual_entry_id,
				                            manual_entry_version, outcome, saved_at, saved_by, opened_at)
				select l.id, :subject, :kind, :category, :note, :entry, :version, :outcome, :at, :by, :at
				from call_log l where l.id = :id and l.closed_at is null
				on conflict (call_log_id) do update set subject_id = excluded.subject_id,
				       caller_kind = excluded.caller_kind, category_id = excluded.category_id, note = excluded.note,
				       manual_entry_id = excluded.manual_entry_id, manual_entry_version = excluded.manual_entry_version,
				       outcome = excluded.outcome, saved_at = excluded.saved_at, saved_by = excluded.saved_by
				""").param("id", callLogId).param("subject", draft.subjectId())
				.param("kind", draft.callerKind() == null ? null : draft.callerKind().name())
				.param("category", draft.categoryId()).param("note", draft.note())
				.param("entry", draft.manualEntryId()).param("version", draft.manualEntryVersion())
				.param("outcome", draft.outcome() == null ? null : draft.outcome().name())
				.param("at", CallLogStore.utc(at)).param("by", by).update() == 1;
	}

	/**
	 * Notes that the desk shows the open entry now (the entry to come back to). A draft that does not exist yet is
	 * started from the entry's own values.
	 */
	void opened(long callLogId, String by, Instant at) {
		jdbc.sql("""
				insert into call_log_draft (call_log_id, subject_id, caller_kind, category_id, note, manual_entry_id,
				                            manual_entry_version, saved_at, saved_by, opened_at)
				select l.id, l.subject_id, l.caller_kind, l.category_id, l.note, l.manual_entry_id, l.manual_entry_version,
				       :at, :by, :at
				from call_log l where l.id = :id and l.closed_at is null
				on conflict (call_log_id) do update set opened_at = excluded.opened_at
				""").param("id", callLogId).param("by", by).param("at", CallLogStore.utc(at)).update();
	}

	void delete(long callLogId) {
		jdbc.sql("delete from call_log_draft where call_log_id = :id").param("id", callLogId).update();
	}

	/**
	 * The agent's open entry to come back to: the one whose draft was saved or shown last, or an entry that
	 * connected after that.
	 */
	Optional<Long> latestOpen(String agent) {
		return jdbc.sql("""
				select l.id from call_log l left join call_log_draft d on d.call_log_id = l.id
				where l.agent = :agent and l.closed_at is null
				order by greatest(l.started_at, d.opened_at, d.saved_at) desc, l.id desc limit 1
				""").param("agent", agent).query(Long.class).optional();
	}
}
