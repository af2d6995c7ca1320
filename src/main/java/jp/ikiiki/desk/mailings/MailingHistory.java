package jp.ikiiki.desk.mailings;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What has been mailed to a subject before, as the selection checks of a {@link MailingKind} ask it. A batch belongs
 * to one business year ({@link #businessYear()}); "already sent" and "in another open batch" are asked for a year, so
 * that a booklet requested in June (the year then running) does not keep the person from August's first mailing of
 * the year that begins on 1 September.
 */
public interface MailingHistory {

	/** The business year of the batch being selected (1 September–31 August, named by the year it begins in). */
	int businessYear();

	/**
	 * True if a batch of one of these kinds and of business year {@code businessYear} was dispatched to the subject
	 * (not pulled out).
	 */
	boolean dispatched(String subjectId, Collection<String> kinds, int businessYear);

	/**
	 * How many batches of this kind were dispatched to the subject (not pulled out), in every year: the reissue count
	 * of 第4章4 (再交付した回数は、個別にシステムで管理).
	 */
	int dispatchedCount(String subjectId, String kind);

	/**
	 * The id of another open (selected, not yet dispatched) batch of one of these kinds and of business year
	 * {@code businessYear} holding the subject and not pulled out of it, or 0 if none.
	 */
	long openBatch(String subjectId, Collection<String> kinds, int businessYear);

	/** True if {@code day} lies in the batch's business year (1 September {@code businessYear()} to 31 August after). */
	default boolean inBusinessYear(LocalDate day) {
		return !day.isBefore(LocalDate.of(businessYear(), 9, 1)) && day.isBefore(LocalDate.of(businessYear() + 1, 9, 1));
	}
}
