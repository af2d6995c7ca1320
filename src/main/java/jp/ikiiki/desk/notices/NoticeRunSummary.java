package jp.ikiiki.desk.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One notice run as the screen lists it.
 *
 * @param status RUNNING, DONE or FAILED
 */
public record NoticeRunSummary(long id, int businessYear, String month, Half half, String status, LocalDate runOn,
		String createdBy, OffsetDateTime createdAt, int notified, int withAccountForm, int notNotified, int overdue,
		long noticeBatchId, long formBatchId) {
}
