package jp.ikiiki.desk.mailings;

/**
 * Which envelopes of a batch to list, and in which order.
 *
 * @param bundleNo one bundle, or null for all
 * @param text     a 宛名番号 or 申請書管理番号 (from the start) or part of the name; blank for all
 * @param pulled   true: pulled-out envelopes only, false: those to send only, null: both
 * @param order    the order; null is {@link Order#POSTCODE}
 */
public record EnvelopeFilter(Integer bundleNo, String text, Boolean pulled, Order order) {

	/** Every envelope in postcode order. */
	public static final EnvelopeFilter ALL = new EnvelopeFilter(null, null, null, Order.POSTCODE);

	/** Orders the list can be read in. */
	public enum Order {
		/** Postcode, as bundled and printed (bundle, position in the bundle). */
		POSTCODE,
		/** 宛名番号. */
		SUBJECT,
		/** 宛名番号, descending. */
		SUBJECT_DESC,
		/** Postcode, descending. */
		POSTCODE_DESC
	}

	public EnvelopeFilter {
		text = text == null ? "" : text.strip();
		order = order == null ? Order.POSTCODE : order;
	}
}
