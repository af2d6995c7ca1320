package jp.ikiiki.desk.notices;

import java.time.LocalDate;
import java.util.List;

/**
 * What a notice run did.
 *
 * @param id              the run
 * @param businessYear    its year
 * @param month           yyyy-MM
 * @param half            mid or late
 * @param notified        宛名番号 that get a notice (with or without the account form), in 宛名番号 order
 * @param withAccountForm of them, those whose notice goes with the 口座登録用紙 and the return envelope
 * @param notNotified     booklets' subjects that get no notice, with the reason (no stamp at all, 第8章3; left out
 *                        by the mailing: deceased, moved out, no address …)
 * @param overdue         the run's booklets whose notice is late or due within the configured days (第8章2)
 * @param noticeBatchId   the mailing batch of the postcards alone; 0 if none
 * @param formBatchId     the mailing batch of the notices with the account form; 0 if none
 */
public record NoticeRunResult(long id, int businessYear, String month, Half half, List<String> notified,
		List<String> withAccountForm, List<NotNotified> notNotified, List<Overdue> overdue, long noticeBatchId,
		long formBatchId) {

	/** A subject whose booklet gets no notice, and why. */
	public record NotNotified(String addressNumber, String reason) {
	}

	/**
	 * A booklet whose notice is late or nearly so.
	 *
	 * @param daysLeft days from the run to the due date; negative when late
	 */
	public record Overdue(String addressNumber, String managementNumber, LocalDate receivedOn, LocalDate dueBy,
			long daysLeft) {
	}
}
