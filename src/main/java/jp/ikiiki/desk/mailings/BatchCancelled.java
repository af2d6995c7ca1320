package jp.ikiiki.desk.mailings;

/**
 * A batch was withdrawn before dispatch: nothing of it is sent. Published in the withdrawal's transaction.
 *
 * @param batchId      the batch
 * @param kind         {@link MailingKind#code()}
 * @param businessYear the batch's business year
 */
public record BatchCancelled(long batchId, String kind, int businessYear) {
}
