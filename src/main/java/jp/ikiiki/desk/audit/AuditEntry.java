package jp.ikiiki.desk.audit;

import java.time.Instant;
import java.util.List;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String username, AuditAction action, String channel,
		List<String> subjectIds, String fileName, String detail) {
}
