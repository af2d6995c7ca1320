package jp.ikiiki.desk.subjects;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * 申請書管理番号: the number printed with its barcode on the booklet cover and on the account form (別紙3 col 2),
 * by which a returned booklet or form is found. The one parser for it, typed or scanned: full-width letters and
 * digits become ASCII (NFKC), spaces and a scanner's line end are removed, a Code 39 start/stop {@code *} and an
 * AIM symbology identifier that some scanners send (a closing bracket, a letter, a digit) are removed, letters become upper case;
 * what remains must be 1 to {@value #MAX_LENGTH} letters and digits.
 *
 * @param value the normalised number
 */
public record ManagementNumber(String value) implements Comparable<ManagementNumber> {

	/** The longest 申請書管理番号 accepted. */
	public static final int MAX_LENGTH = 30;

	private static final Pattern ALNUM = Pattern.compile("[0-9A-Z]+");
	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
	private static final Pattern SCANNER_PREFIX = Pattern.compile("^\\][A-Za-z][0-9A-Za-z]");

	public ManagementNumber {
		if (value == null || !ALNUM.matcher(value).matches() || value.length() > MAX_LENGTH) {
			throw new InvalidInputException("申請書管理番号", reasonFor(value));
		}
	}

	/**
	 * Reads a 申請書管理番号 as typed or scanned.
	 *
	 * @throws InvalidInputException naming the field 申請書管理番号 and the reason
	 */
	public static ManagementNumber parse(String text) {
		return new ManagementNumber(normalize(text));
	}

	/** The number if the text reads as one, empty otherwise. */
	public static Optional<ManagementNumber> tryParse(String text) {
		String s = normalize(text);
		return !s.isEmpty() && s.length() <= MAX_LENGTH && ALNUM.matcher(s).matches() ? Optional.of(new ManagementNumber(s))
				: Optional.empty();
	}

	/** The normalisation without the check; null gives "". */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String s = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
		return withoutScannerFrame(s).toUpperCase(Locale.ROOT);
	}

	/**
	 * A scanned token without the frame some scanners add: a Code 39 start/stop {@code *} at either end and an AIM
	 * symbology identifier (a closing bracket, a letter, a digit) at the start. Nothing else is changed.
	 */
	public static String withoutScannerFrame(String token) {
		String s = SCANNER_PREFIX.matcher(token).replaceFirst("");
		int from = 0;
		int to = s.length();
		while (from < to && s.charAt(from) == '*') {
			from++;
		}
		while (to > from && s.charAt(to - 1) == '*') {
			to--;
		}
		return s.substring(from, to);
	}

	private static String reasonFor(String s) {
		if (s == null || s.isEmpty()) {
			return "申請書管理番号を入力してください";
		}
		if (s.length() > MAX_LENGTH) {
			return "申請書管理番号が長すぎます（" + MAX_LENGTH + "文字まで）";
		}
		return "申請書管理番号は英数字のみで入力してください";
	}

	@Override
	public int compareTo(ManagementNumber other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
