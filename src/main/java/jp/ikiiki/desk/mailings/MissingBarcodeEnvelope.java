package jp.ikiiki.desk.mailings;

/**
 * An envelope of a batch whose postal form was printed without a customer barcode, because Japan Post's rules cannot
 * handle its address.
 *
 * @param subjectId 宛名番号
 * @param bundleNo  the bundle it was printed in
 * @param bundleSeq its position in the bundle, 1-based
 * @param pulled    whether it was pulled out after printing (not mailed)
 * @param reason    why, in Japanese
 */
public record MissingBarcodeEnvelope(String subjectId, int bundleNo, int bundleSeq, boolean pulled, String reason) {
}
