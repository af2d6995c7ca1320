package jp.ikiiki.desk.mailings;

import java.time.LocalDate;

/**
 * A batch was handed to the post office: every envelope not pulled out is in the subjects' mailing history with this
 * 発送日. Published in the dispatch's transaction.
 *
 * @param batchId      the batch
 * @param kind         {@link MailingKind#code()}
 * @param businessYear the batch's business year
 * @param dispatchedOn 発送日
 * @param sent         envelopes dispatched (pulled-out ones not counted)
 */
public record BatchDispatched(long batchId, String kind, int businessYear, LocalDate dispatchedOn, int sent) {
}
