package jp.ikiiki.desk.payments;

import java.text.Normalizer;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * Text as a 全銀 file may carry it (全銀協 fixed-length records, JIS X 0201): digits, upper-case letters, half-width
 * katakana with ﾞ and ﾟ, the space and the symbols ( ) - . / \ ｢ ｣ , — nothing else. Names typed in full-width
 * katakana or hiragana (or already half-width) are converted: small kana made large (ｧ → ｱ, ｯ → ﾂ), voiced kana split
 * into kana and mark (ガ → ｶﾞ), the long vowel and dashes to -, full-width letters, digits and brackets to their
 * half-width forms, lower case to upper case, 「」 to ｢｣, ・ to ., runs of spaces to one. A character that cannot be
 * carried (a kanji, ＠, ＆ …) is refused by name.
 */
public final class ZenginText {

	/** The symbols a 全銀 name may hold besides digits, letters, kana and the space. */
	public static final String SYMBOLS = "()-./\\｢｣,";

	private static final String KANA_FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
	private static final String KANA_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
	private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
	private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";
	private static final String SEMI_VOICED = "パピプペポ";
	private static final String SEMI_VOICED_BASE = "ハヒフヘホ";
	private static final Map<Character, String> OTHER = Map.ofEntries(
			Map.entry('ァ', "ｱ"), Map.entry('ィ', "ｲ"), Map.entry('ゥ', "ｳ"), Map.entry('ェ', "ｴ"), Map.entry('ォ', "ｵ"),
			Map.entry('ッ', "ﾂ"), Map.entry('ャ', "ﾔ"), Map.entry('ュ', "ﾕ"), Map.entry('ョ', "ﾖ"), Map.entry('ヮ', "ﾜ"),
			Map.entry('ヵ', "ｶ"), Map.entry('ヶ', "ｹ"), Map.entry('ヴ', "ｳﾞ"), Map.entry('ヰ', "ｲ"), Map.entry('ヱ', "ｴ"),
			Map.entry('ヷ', "ﾜﾞ"), Map.entry('ヺ', "ｦﾞ"),
			Map.entry('ー', "-"), Map.entry('‐', "-"), Map.entry('‑', "-"), Map.entry('–', "-"), Map.entry('—', "-"),
			Map.entry('―', "-"), Map.entry('−', "-"), Map.entry('-', "-"),
			Map.entry('・', "."), Map.entry('「', "｢"), Map.entry('」', "｣"), Map.entry('¥', "\\"),
			Map.entry('゛', "ﾞ"), Map.entry('゜', "ﾟ"));

	private ZenginText() {
	}

	/**
	 * The text converted for a 全銀 file.
	 *
	 * @param field     the field's name in a refusal (口座名義 …)
	 * @param text      what was typed; null or blank is refused
	 * @param maxLength the most characters the record's field holds (ﾞ and ﾟ count as one each)
	 * @return half-width, trimmed, never empty
	 * @throws InvalidInputException naming the character that cannot be carried, or the length
	 */
	public static String convert(String field, String text, int maxLength) {
		String converted = convertLenient(field, text);
		if (converted.isEmpty()) {
			throw new InvalidInputException(field, "「" + field + "」を入力してください");
		}
		if (converted.length() > maxLength) {
			throw new InvalidInputException(field, "「" + field + "」は全銀形式で" + maxLength + "文字までです（変換後 "
					+ converted.length() + "文字: " + converted + "）");
		}
		return converted;
	}

	/** As {@link #convert} without a length limit; blank gives the empty string. */
	public static String convertLenient(String field, String text) {
		if (text == null) {
			return "";
		}
		// NFKC: half-width kana become full-width (ｶﾞ → ガ), full-width ASCII becomes ASCII, U+3000 a space.
		String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
		var out = new StringBuilder(n.length() + 8);
		boolean space = false;
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (Character.isWhitespace(c) || c == '\u3000') {
				space = out.length() > 0;
				continue;
			}
			String mapped = map(c);
			if (mapped == null) {
				throw new InvalidInputException(field, "「" + field + "」の「" + display(n, i) + "」は全銀形式で使えない文字です");
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			out.append(mapped);
		}
		return out.toString();
	}

	private static String display(String s, int i) {
		int cp = s.codePointAt(i);
		return new String(Character.toChars(cp));
	}

	private static String map(char c) {
		if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return String.valueOf(c);
		}
		if (c >= 'a' && c <= 'z') {
			return String.valueOf((char) (c - 'a' + 'A'));
		}
		if (SYMBOLS.indexOf(c) >= 0) {
			return String.valueOf(c);
		}
		if (c >= 'ぁ' && c <= 'ゖ') {
			c = (char) (c + ('ァ' - 'ぁ'));
		}
		int k = KANA_FULL.indexOf(c);
		if (k >= 0) {
			return String.valueOf(KANA_HALF.charAt(k));
		}
		int v = VOICED.indexOf(c);
		if (v >= 0) {
			return KANA_HALF.charAt(KANA_FULL.indexOf(VOICED_BASE.charAt(v))) + "ﾞ";
		}
		int p = SEMI_VOICED.indexOf(c);
		if (p >= 0) {
			return KANA_HALF.charAt(KANA_FULL.indexOf(SEMI_VOICED_BASE.charAt(p))) + "ﾟ";
		}
		if (c == 'ﾞ' || c == 'ﾟ') {
			return String.valueOf(c);
		}
		return OTHER.get(c);
	}

	/**
	 * The bytes of converted text in JIS X 0201 (ASCII, with \ as 0x5C, and half-width katakana 0xA1–0xDF).
	 *
	 * @throws IllegalArgumentException for a character that {@link #convert} would not have produced
	 */
	public static byte[] jisX0201(String converted) {
		byte[] b = new byte[converted.length()];
		for (int i = 0; i < b.length; i++) {
			b[i] = jisX0201(converted.charAt(i));
		}
		return b;
	}

	/**
	 * The byte of one character of converted text in JIS X 0201.
	 *
	 * @throws IllegalArgumentException for a character that {@link #convert} would not have produced
	 */
	public static byte jisX0201(char c) {
		if (c >= 0x20 && c <= 0x7E) {
			return (byte) c;
		}
		if (c >= '\uFF61' && c <= '\uFF9F') {
			return (byte) (c - 0xFF61 + 0xA1);
		}
		throw new IllegalArgumentException("not JIS X 0201: U+" + Integer.toHexString(c));
	}

	/** The text of JIS X 0201 bytes (the inverse of {@link #jisX0201}). */
	public static String fromJisX0201(byte[] bytes, int offset, int length) {
		var sb = new StringBuilder(length);
		for (int i = offset; i < offset + length; i++) {
			int b = bytes[i] & 0xFF;
			if (b >= 0xA1 && b <= 0xDF) {
				sb.append((char) (b - 0xA1 + 0xFF61));
			} else {
				sb.append((char) b);
			}
		}
		return sb.toString();
	}

	/** {@code text} cut to its first {@code length} characters (a bank's or branch's name longer than its field). */
	public static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}
}
