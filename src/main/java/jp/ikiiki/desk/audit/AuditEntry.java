package jp.ikiiki.desk.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit trail.
 *
 * @param sourceAddress the client's address for entries made while serving an HTTP request (sign-ins, the API);
 *                      null otherwise
 */
public record AuditEntry(long id, Instant occurredAt, String username, AuditAction action, String channel,
		List<String> subjectIds, String fileName, String detail, String sourceAddress) {
}
