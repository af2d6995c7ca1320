package jp.ikiiki.desk.shared;

import java.text.Normalizer;

/**
 * Japanese postcodes (郵便番号): stored as 7 digits, shown hyphenated after the third (730-0011), with the 〒 mark on
 * addresses.
 */
public final class Postcodes {

	private Postcodes() {
	}

	/**
	 * The 7 digits of a postcode written as 7300011, 730-0011, 〒730－0011 or with full-width digits; null when it is
	 * not 7 digits.
	 */
	public static String digits(String postcode) {
		if (postcode == null) {
			return null;
		}
		String n = Normalizer.normalize(postcode, Normalizer.Form.NFKC).strip();
		if (n.startsWith("〒")) {
			n = n.substring(1).strip();
		}
		n = n.replaceAll("[-‐−ー―–—]", "");
		return n.matches("\\d{7}") ? n : null;
	}

	/** Hyphenated for display: 730-0011. A value that is not a postcode is returned as it came; null gives "". */
	public static String format(String postcode) {
		if (postcode == null) {
			return "";
		}
		String digits = digits(postcode);
		return digits == null ? postcode.strip() : digits.substring(0, 3) + "-" + digits.substring(3);
	}

	/** With the postal mark, for addresses: 〒730-0011; "" for a blank value. */
	public static String withMark(String postcode) {
		String formatted = format(postcode);
		return formatted.isEmpty() ? "" : "〒" + formatted;
	}
}
