package jp.ikiiki.desk.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.text.Normalizer;

/**
 * Japanese telephone numbers as people read them: hyphenated at the area code and the local exchange, the way the
 * number plan (総務省) divides them — 082-245-1234 (広島), 0823-21-1234 (呉), 090-1234-5678, 0120-123-456. The area
 * code lengths come from Google's libphonenumber metadata, so 4- and 5-digit area codes are split right.
 *
 * <p>Numbers are stored and matched as digits ({@link #digits}); hyphens are only for display.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number for display, hyphenated: {@code 0822451234} → 082-245-1234, {@code +81822451234} → 082-245-1234,
	 * full-width digits and existing hyphens accepted. What is not a Japanese number (an extension 201, a withheld
	 * caller "anonymous", a foreign number) is returned as it came, stripped. Null gives "".
	 */
	public static String format(String number) {
		if (number == null) {
			return "";
		}
		String stripped = number.strip();
		String digits = digits(stripped);
		if (digits.length() < 10 || digits.length() > 11 || !digits.startsWith("0")) {
			return stripped;
		}
		try {
			var parsed = UTIL.parse(digits, "JP");
			if (!UTIL.isPossibleNumber(parsed)) {
				return stripped;
			}
			String national = UTIL.format(parsed, PhoneNumberFormat.NATIONAL);
			return digits(national).equals(digits) ? national : stripped;
		} catch (NumberParseException e) {
			return stripped;
		}
	}

	/**
	 * The digits of a number as stored and matched: full-width digits folded, hyphens, spaces and brackets removed,
	 * a leading +81 (or 81 after +) turned into the trunk prefix 0. Null gives "".
	 */
	public static String digits(String number) {
		if (number == null) {
			return "";
		}
		String n = Normalizer.normalize(number, Normalizer.Form.NFKC).strip();
		boolean international = n.startsWith("+");
		var sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (c >= '0' && c <= '9') {
				sb.append(c);
			}
		}
		if (international && sb.length() > 2 && sb.charAt(0) == '8' && sb.charAt(1) == '1') {
			return "0" + sb.substring(2);
		}
		return sb.toString();
	}

	/** True when the text is a possible Japanese telephone number (10 or 11 digits starting with 0). */
	public static boolean isJapanese(String number) {
		String digits = digits(number);
		if (digits.length() < 10 || digits.length() > 11 || !digits.startsWith("0")) {
			return false;
		}
		try {
			return UTIL.isPossibleNumber(UTIL.parse(digits, "JP"));
		} catch (NumberParseException e) {
			return false;
		}
	}
}
