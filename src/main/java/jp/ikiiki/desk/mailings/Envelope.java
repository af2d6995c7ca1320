package jp.ikiiki.desk.mailings;

import java.util.Map;

/**
 * One envelope of a batch, in postcode order.
 *
 * @param batchId          batch
 * @param seq              position in the batch, 1-based
 * @param bundleNo         bundle, 1-based
 * @param bundleSeq        position in the bundle, 1-based
 * @param subjectId        宛名番号
 * @param postalCode       郵便番号 (7 digits); null if none
 * @param registeredNumber 引受番号 with check digit; null unless registered mail and assigned
 * @param reissueNo        which reissue for the person (第4章4); 0 if not a reissue
 * @param pullReason       why it was pulled out; null if not pulled
 * @param fields           the print fields
 */
public record Envelope(long batchId, int seq, int bundleNo, int bundleSeq, String subjectId, String postalCode,
		String registeredNumber, int reissueNo, String pullReason, Map<String, String> fields) {

	public boolean pulled() {
		return pullReason != null;
	}
}
