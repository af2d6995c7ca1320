package jp.ikiiki.desk.audit;

import java.util.List;

/** Reads the audit trail; for the information-security manager only. Newest first. */
public interface AuditQueries {

	/**
	 * @param offset rows to skip (≥ 0)
	 * @param limit  rows to return (1–1000)
	 */
	List<AuditEntry> find(AuditFilter filter, int offset, int limit);

	/** How many entries match. */
	long count(AuditFilter filter);
}
