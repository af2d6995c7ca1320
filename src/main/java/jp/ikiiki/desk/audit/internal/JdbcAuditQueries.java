package jp.ikiiki.desk.audit.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditFilter;
import jp.ikiiki.desk.audit.AuditQueries;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@PreAuthorize("hasRole('SECURITY_ADMIN')")
@Transactional(readOnly = true)
class JdbcAuditQueries implements AuditQueries {

	private final JdbcClient jdbc;

	JdbcAuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
		if (offset < 0) {
			throw new InvalidInputException("offset", "offset は 0 以上にしてください");
		}
		if (limit < 1 || limit > 1000) {
			throw new InvalidInputException("limit", "limit は 1 以上 1000 以下にしてください");
		}
		var where = where(filter);
		return jdbc.sql("select id, occurred_at, username, action, channel, subject_ids, file_name, detail, source_address from audit_event"
				+ where.sql + " order by occurred_at desc, id desc offset :offset limit :limit")
				.params(where.params).param("offset", offset).param("limit", limit)
				.query(JdbcAuditQueries::entry).list();
	}

	@Override
	public long count(AuditFilter filter) {
		var where = where(filter);
		return jdbc.sql("select count(*) from audit_event" + where.sql).params(where.params).query(Long.class).single();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(AuditFilter f) {
		var clauses = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (f.subjectId() != null && !f.subjectId().isBlank()) {
			clauses.add("subject_ids @> array[cast(:subject as text)]");
			params.put("subject", f.subjectId().trim());
		}
		if (f.username() != null && !f.username().isBlank()) {
			clauses.add("username = :username");
			params.put("username", f.username().trim());
		}
		if (f.action() != null) {
			clauses.add("action = :action");
			params.put("action", f.action().name());
		}
		if (f.from() != null) {
			clauses.add("occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			clauses.add("occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(f.to()));
		}
		if (f.text() != null && !f.text().isBlank()) {
			clauses.add("(channel || ' ' || coalesce(file_name, '') || ' ' || coalesce(detail, '')) ilike :text");
			params.put("text", "%" + f.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		Array subjects = rs.getArray("subject_ids");
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("channel"),
				subjects == null ? List.of() : List.of((String[]) subjects.getArray()), rs.getString("file_name"),
				rs.getString("detail"), rs.getString("source_address"));
	}
}
