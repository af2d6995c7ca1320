package jp.ikiiki.desk.mailings;

import java.util.Collection;

/** What has been mailed to a subject before, as the selection checks of a {@link MailingKind} ask it. */
public interface MailingHistory {

	/** True if a batch of one of these kinds was dispatched to the subject (not pulled out). */
	boolean dispatched(String subjectId, Collection<String> kinds);

	/** How many batches of this kind were dispatched to the subject (not pulled out): the reissue count of 第4章4. */
	int dispatchedCount(String subjectId, String kind);

	/**
	 * The id of another open (selected, not yet dispatched) batch of one of these kinds holding the subject and not
	 * pulled out of it, or 0 if none.
	 */
	long openBatch(String subjectId, Collection<String> kinds);
}
