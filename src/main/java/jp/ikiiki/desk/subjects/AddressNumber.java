package jp.ikiiki.desk.subjects;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * 宛名番号: the city's number for a resident, the key of every subject (別紙2 col 3, 別紙3 col 1). The one parser
 * for it, whether typed by an agent, read from a city file, scanned, or given to the API: full-width digits
 * become ASCII (NFKC), spaces anywhere (also U+3000) are removed, and what remains must be 1 to {@value #MAX_DIGITS}
 * digits. Leading zeros are significant (the city's numbers are compared as text).
 *
 * @param value the normalised digits
 */
public record AddressNumber(String value) implements Comparable<AddressNumber> {

	/** The longest 宛名番号 accepted. */
	public static final int MAX_DIGITS = 20;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

	public AddressNumber {
		if (value == null || !DIGITS.matcher(value).matches() || value.length() > MAX_DIGITS) {
			throw new InvalidInputException("宛名番号", reasonFor(value));
		}
	}

	/**
	 * Reads a 宛名番号 as typed or as found in a file.
	 *
	 * @throws InvalidInputException naming the field 宛名番号 and the reason (blank, not digits, too long)
	 */
	public static AddressNumber parse(String text) {
		String s = normalize(text);
		if (s.isEmpty()) {
			throw new InvalidInputException("宛名番号", "宛名番号を入力してください");
		}
		return new AddressNumber(s);
	}

	/** The 宛名番号 if the text reads as one, empty otherwise (blank, letters, too long). */
	public static Optional<AddressNumber> tryParse(String text) {
		String s = normalize(text);
		return isValid(s) ? Optional.of(new AddressNumber(s)) : Optional.empty();
	}

	/**
	 * The text with the normalisation applied but not checked: for matching a possibly malformed number against
	 * stored ones (a pull-out list line, say). Null gives "".
	 */
	public static String normalize(String text) {
		return text == null ? "" : SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
	}

	private static boolean isValid(String s) {
		return s != null && !s.isEmpty() && s.length() <= MAX_DIGITS && DIGITS.matcher(s).matches();
	}

	private static String reasonFor(String s) {
		if (s == null || s.isEmpty()) {
			return "宛名番号を入力してください";
		}
		if (!DIGITS.matcher(s).matches()) {
			return "宛名番号は数字のみで入力してください";
		}
		return "宛名番号が長すぎます（" + MAX_DIGITS + "桁まで）";
	}

	@Override
	public int compareTo(AddressNumber other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
