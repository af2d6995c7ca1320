package jp.ikiiki.desk.audit;

import java.time.Instant;

/**
 * Criteria for reading the audit trail; every field is optional (null or blank: no condition).
 *
 * @param subjectId a 宛名番号: entries that name this person
 * @param username  exact user name
 * @param action    one action
 * @param from      inclusive lower bound
 * @param to        exclusive upper bound
 * @param text      fragment of the channel, file name or detail
 */
public record AuditFilter(String subjectId, String username, AuditAction action, Instant from, Instant to, String text) {
	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
