package jp.ikiiki.desk.agentdesk.internal;

import jp.ikiiki.desk.shared.JapanTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code call_log}. */
@Repository
class CallLogStore {

	private static final String SELECT = """
			select l.*, c.parent_id as c_parent_id, p.name as c_parent_name, c.name as c_name,
			       c.sort_order as c_sort_order, c.active as c_active
			from call_log l
			left join inquiry_category c on c.id = l.category_id
			left join inquiry_category p on p.id = c.parent_id
			""";

	private final JdbcClient jdbc;

	CallLogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens the entry of a connected call, once per Linkedid; returns its id and whether it is new. */
	Opened openForCall(String linkedId, String callerNumber, BigDecimal waitSeconds, String memberInterface,
			String agent, Instant connectedAt) {
		Long id = jdbc.sql("""
				insert into call_log (linked_id, manual, caller_number, wait_seconds, member_interface, agent, started_at)
				values (:linked, false, :number, :wait, :member, :agent, :at)
				on conflict (linked_id) do nothing returning id
				""").param("linked", linkedId).param("number", callerNumber).param("wait", waitSeconds)
				.param("member", memberInterface).param("agent", agent).param("at", utc(connectedAt))
				.query(Long.class).optional().orElse(null);
		if (id != null) {
			return new Opened(id, true);
		}
		return new Opened(jdbc.sql("select id from call_log where linked_id = :l").param("l", linkedId)
				.query(Long.class).single(), false);
	}

	record Opened(long id, boolean created) {
	}

	long openManual(String callerNumber, String agent, Instant at) {
		return jdbc.sql("""
				insert into call_log (linked_id, manual, caller_number, agent, started_at)
				values (null, true, :number, :agent, :at) returning id
				""").param("number", callerNumber).param("agent", agent).param("at", utc(at)).query(Long.class)
				.single();
	}

	Optional<CallLogEntry> find(long id) {
		return jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(CallLogStore::row).optional();
	}

	List<CallLogEntry> openOf(String agent) {
		return jdbc.sql(SELECT + " where l.agent = :agent and l.closed_at is null order by l.started_at desc, l.id desc")
				.param("agent", agent).query(CallLogStore::row).list();
	}

	/** Entries from a number started before {@code before}, newest first. */
	List<CallLogEntry> fromCaller(String callerNumber, Instant before, long exceptId, int limit) {
		return jdbc.sql(SELECT + """
				 where l.caller_number = :number and l.started_at <= :before and l.id <> :except
				 order by l.started_at desc, l.id desc limit :limit
				""").param("number", callerNumber).param("before", utc(before)).param("except", exceptId)
				.param("limit", limit).query(CallLogStore::row).list();
	}

	void update(long id, CallLogDraft draft, CallerKind kind) {
		jdbc.sql("""
				update call_log set subject_id = :subject, caller_kind = :kind, category_id = :category, note = :note,
				       manual_entry_id = :entry, manual_entry_version = :version, updated_at = now()
				where id = :id and closed_at is null
				""").param("subject", draft.subjectId()).param("kind", kind == null ? null : kind.name())
				.param("category", draft.categoryId()).param("note", draft.note() == null ? "" : draft.note())
				.param("entry", draft.manualEntryId()).param("version", draft.manualEntryVersion()).param("id", id)
				.update();
	}

	/** Closes an open entry; false if it was closed meanwhile. */
	boolean close(long id, Outcome outcome, Instant at) {
		return jdbc.sql("update call_log set outcome = :o, closed_at = :at, updated_at = now() where id = :id and closed_at is null")
				.param("o", outcome.name()).param("at", utc(at)).param("id", id).update() == 1;
	}

	/**
	 * Closed entries started on {@code from}..{@code to} (Asia/Tokyo) per category id; {@code manualOnly} counts
	 * the manual entries alone.
	 */
	List<CategoryCount> countsByCategory(LocalDate from, LocalDate to, boolean manualOnly) {
		return jdbc.sql("""
				select category_id, count(*) as n from call_log
				where closed_at is not null and started_at >= :from and started_at < :to
				  and (:manualOnly = false or manual)
				group by category_id
				""").param("from", utc(from.atStartOfDay(JapanTime.ZONE).toInstant()))
				.param("to", utc(to.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant())).param("manualOnly", manualOnly)
				.query((rs, n) -> new CategoryCount((Long) rs.getObject("category_id", Long.class), rs.getLong("n")))
				.list();
	}

	record CategoryCount(Long categoryId, long count) {
	}

	private static CallLogEntry row(ResultSet rs, int n) throws SQLException {
		Long categoryId = rs.getObject("category_id", Long.class);
		InquiryCategory category = categoryId == null ? null
				: new InquiryCategory(categoryId, rs.getObject("c_parent_id", Long.class), rs.getString("c_parent_name"),
						rs.getString("c_name"), rs.getInt("c_sort_order"), rs.getBoolean("c_active"));
		String kind = rs.getString("caller_kind");
		String outcome = rs.getString("outcome");
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new CallLogEntry(rs.getLong("id"), rs.getString("linked_id"), rs.getBoolean("manual"),
				rs.getString("caller_number"), rs.getBigDecimal("wait_seconds"), rs.getString("member_interface"),
				rs.getString("agent"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getString("subject_id"), kind == null ? null : CallerKind.valueOf(kind), category,
				rs.getString("note"), rs.getObject("manual_entry_id", Long.class),
				rs.getObject("manual_entry_version", Integer.class), outcome == null ? null : Outcome.valueOf(outcome),
				closed == null ? null : closed.toInstant());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
