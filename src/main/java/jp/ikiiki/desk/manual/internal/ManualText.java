package jp.ikiiki.desk.manual.internal;

import java.util.List;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.TextNormalizer;

/**
 * Search keys of the manual's Japanese text. Callers' words arrive in hiragana, katakana or half-width katakana
 * and in full- or half-width letters and digits; the key folds them all (hiragana become katakana, NFKC, ASCII
 * lower case, spaces removed), so ﾃﾁｮｳ, てちょう and テチョウ meet. Fragments are found through the key's distinct
 * two-character substrings ({@link TextNormalizer#bigrams}), as the subject look-up does (V6, V8): pg_trgm ships with the embedded PostgreSQL,
 * but its trigrams treat Japanese characters as word separators under the C locale.
 */
public final class ManualText {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

	/** The search key of a text; null gives "". */
	public static String key(String text) {
		return TextNormalizer.forKey(Kana.toFullwidthKatakana(text));
	}

	/** The words of a query (split at spaces of any width), each as a key; blank words dropped. */
	public static List<String> terms(String query) {
		if (query == null) {
			return List.of();
		}
		return SPACES.splitAsStream(query.strip()).map(ManualText::key).filter(k -> !k.isEmpty()).distinct().toList();
	}

	private ManualText() {
	}
}
