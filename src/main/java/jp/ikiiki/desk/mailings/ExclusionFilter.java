package jp.ikiiki.desk.mailings;

/**
 * Which left-out subjects of a batch to list, and in which order.
 *
 * @param reason    one reason, or null for all
 * @param subjectId a 宛名番号 or its beginning; blank for all
 * @param byReason  true: by reason, then 宛名番号; false: by 宛名番号
 * @param descending the chosen order reversed
 */
public record ExclusionFilter(ExclusionReason reason, String subjectId, boolean byReason, boolean descending) {

	/** Every left-out subject in 宛名番号 order. */
	public static final ExclusionFilter ALL = new ExclusionFilter(null, null, false, false);

	public ExclusionFilter {
		subjectId = subjectId == null ? "" : subjectId.strip();
	}
}
