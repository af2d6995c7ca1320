package jp.ikiiki.desk.shared;

import java.text.Normalizer;

/**
 * Kana forms of Japanese names. The city's files and callers mix full- and half-width katakana, hiragana,
 * small kana and spaces; a search for ﾀﾅｶ, たなか or タ ナ カ must find タナカ.
 */
public final class Kana {

	private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
	private static final String LARGE = "アイウエオツヤユヨワカケ";

	/**
	 * The display and storage form of a kana name: NFKC (half-width katakana become full width, with their
	 * voiced marks composed), hiragana become katakana, runs of spaces become one ideographic space
	 * (U+3000), ends trimmed. Null gives "".
	 */
	public static String toFullwidthKatakana(String s) {
		if (s == null) {
			return "";
		}
		String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
		var sb = new StringBuilder(n.length());
		boolean pendingSpace = false;
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (Character.isWhitespace(c) || c == '\u3000') {
				pendingSpace = sb.length() > 0;
				continue;
			}
			if (pendingSpace) {
				sb.append('\u3000');
				pendingSpace = false;
			}
			sb.append(hiraganaToKatakana(c));
		}
		return sb.toString();
	}

	/**
	 * The search key of a kana name: {@link #toFullwidthKatakana}, without spaces and middle dots, small kana
	 * enlarged (ッ→ツ, ャ→ヤ …), dash variants read as the long-vowel mark ー. Voiced marks are kept (ガ ≠ カ).
	 * Null gives "".
	 */
	public static String searchKey(String s) {
		String k = toFullwidthKatakana(s);
		var sb = new StringBuilder(k.length());
		for (int i = 0; i < k.length(); i++) {
			char c = k.charAt(i);
			if (c == '\u3000' || c == '・') {
				continue;
			}
			int small = SMALL.indexOf(c);
			if (small >= 0) {
				c = LARGE.charAt(small);
			} else if (isDash(c)) {
				c = 'ー';
			}
			sb.append(c);
		}
		return sb.toString();
	}

	/**
	 * True if, after {@link #toFullwidthKatakana}, the name holds only katakana, ー, ・ and spaces, and at least
	 * one katakana. Used to validate 氏名カナ.
	 */
	public static boolean isKanaName(String s) {
		String k = toFullwidthKatakana(s);
		boolean any = false;
		for (int i = 0; i < k.length(); i++) {
			char c = k.charAt(i);
			if (c >= '\u30A1' && c <= '\u30FA') {
				any = true;
			} else if (!(c == 'ー' || c == '・' || c == '\u3000' || c == 'ヽ' || c == 'ヾ' || isDash(c))) {
				return false;
			}
		}
		return any;
	}

	/** True if the string contains at least one kana (hiragana, katakana or half-width katakana). */
	public static boolean containsKana(String s) {
		if (s == null) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if ((c >= '\u3041' && c <= '\u3096') || (c >= '\u30A1' && c <= '\u30FA') || (c >= '\uFF66' && c <= '\uFF9D')) {
				return true;
			}
		}
		return false;
	}

	private static char hiraganaToKatakana(char c) {
		return c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c;
	}

	private static boolean isDash(char c) {
		return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014'
				|| c == '\u2015' || c == '\u2212' || c == '\uFF0D' || c == '\u30FC';
	}

	private Kana() {
	}
}
