package jp.ikiiki.desk.shared;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Search keys for free Japanese text (names in kanji, addresses). */
public final class TextNormalizer {

	/**
	 * NFKC (full-width letters and digits become ASCII), ASCII lower-cased, every kind of space removed, dash
	 * variants (‐ – — ― − －, and ー between digits as in 1ー2ー3) read as '-'. Null gives "".
	 */
	public static String forKey(String s) {
		if (s == null) {
			return "";
		}
		String n = Normalizer.normalize(Jis0208.mapWindowsVariants(s), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		var sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			if (Character.isWhitespace(c) || c == '\u3000') {
				continue;
			}
			if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212') {
				c = '-';
			} else if (c == 'ー' && i > 0 && Character.isDigit(n.charAt(i - 1))
					&& i + 1 < n.length() && Character.isDigit(n.charAt(i + 1))) {
				c = '-';
			}
			sb.append(c);
		}
		return sb.toString();
	}

	/**
	 * The distinct two-character substrings of a key, counted in code points, in order of first appearance: the
	 * search bigrams of the GIN-indexed look-ups (subjects V8 and the database's {@code subject_bigrams(text)},
	 * the answer manual V14). A key shorter than two characters, or null, has none.
	 */
	public static List<String> bigrams(String key) {
		if (key == null) {
			return List.of();
		}
		Set<String> grams = new LinkedHashSet<>();
		int[] cps = key.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length; i++) {
			grams.add(new String(cps, i, 2));
		}
		return List.copyOf(grams);
	}

	private TextNormalizer() {
	}
}
