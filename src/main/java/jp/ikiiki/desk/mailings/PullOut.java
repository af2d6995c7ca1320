package jp.ikiiki.desk.mailings;

/**
 * Where a pulled-out item sits (第4章1(3)(4)): the batch, the bundle and its place in the bundle.
 *
 * @param batchId    batch
 * @param batchTitle the batch's title
 * @param bundleNo   bundle, 1-based
 * @param bundleSeq  position in the bundle, 1-based
 * @param subjectId  宛名番号
 * @param number     the number as typed or scanned
 * @param reason     the city's reason
 * @param already    true if it had already been pulled (nothing changed)
 */
public record PullOut(long batchId, String batchTitle, int bundleNo, int bundleSeq, String subjectId, String number,
		String reason, boolean already) {
}
