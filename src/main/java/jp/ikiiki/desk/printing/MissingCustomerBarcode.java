package jp.ikiiki.desk.printing;

/**
 * A postal item printed without a customer barcode because Japan Post's rules cannot handle its address: the operator
 * lists these for the post office's count of items without a barcode.
 *
 * @param subjectId the person (null for a group)
 * @param index     the item's position in the run, from 0
 * @param reason    why, in Japanese
 */
public record MissingCustomerBarcode(String subjectId, int index, String reason) {
}
