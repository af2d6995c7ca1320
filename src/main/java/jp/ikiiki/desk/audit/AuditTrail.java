package jp.ikiiki.desk.audit;

import java.util.Collection;
import java.util.List;

/**
 * Records what was done with personal data. Entries are written in their own transaction, so an audit
 * entry survives the rollback of the work it describes (a dry-run import, a failed export), and can never
 * be changed or deleted afterwards: the database refuses UPDATE and DELETE on the trail. An entry made while an
 * HTTP request is being served (the API, a sign-in) keeps the client's address.
 */
public interface AuditTrail {

	/**
	 * Appends one entry for the current user (the authenticated name, or {@code system} outside a request).
	 *
	 * @param action     what was done; not null
	 * @param channel    the screen or API call it came from, e.g. {@code 画面:対象者検索} or {@code GET /api/subjects}; not null
	 * @param subjectIds the 宛名番号 of every person whose data was shown or exported; empty if none
	 * @param fileName   the file imported, exported or downloaded; null if none
	 * @param detail     what else identifies the act (search criteria, counts); null if none. Goes only to the
	 *                   audit table, never to the application log
	 */
	void record(AuditAction action, String channel, Collection<String> subjectIds, String fileName, String detail);

	/** Shorthand for an entry that names people but no file. */
	default void record(AuditAction action, String channel, Collection<String> subjectIds, String detail) {
		record(action, channel, subjectIds, null, detail);
	}

	/** Shorthand for an entry about a file. */
	default void recordFile(AuditAction action, String channel, String fileName, String detail) {
		record(action, channel, List.of(), fileName, detail);
	}

	/**
	 * Appends one entry for a named user (work done on a person's behalf, where no authentication is in place).
	 */
	void recordFor(String username, AuditAction action, String channel, String detail);

	/**
	 * Appends one sign-in entry (success, failure, sign-out) with the source address it came from.
	 *
	 * @param username      the user name as attempted (clipped to 64 characters); never a password
	 * @param sourceAddress the client's address as the server saw it; null if unknown
	 */
	void recordSignIn(String username, AuditAction action, String channel, String sourceAddress, String detail);
}
