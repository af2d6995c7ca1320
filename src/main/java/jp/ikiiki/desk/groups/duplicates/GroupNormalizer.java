package jp.ikiiki.desk.groups.duplicates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ikiiki.desk.shared.Jis0208;
import jp.ikiiki.desk.shared.Kana;
import jp.ikiiki.desk.shared.PhoneNumbers;

/**
 * The comparable forms of a group's name, kana, representative, phone and address for the duplicate check (第5章2):
 * the same group written twice by different hands (or by a town) gives the same form.
 *
 * <ul>
 * <li>every field: NFKC (full-width letters and digits, half-width kana, ㈱ → (株)), lower case, every space and
 * middle dot removed, dash variants read as '-', old and variant kanji read as their new form (the bundled table
 * {@code groups/kanji-variants.txt}: 齋/齊 → 斎, 邊/邉 → 辺, 髙 → 高, 﨑 → 崎, 廣 → 広, 澤 → 沢, 櫻 → 桜, 國 → 国 …);</li>
 * <li>names: legal-form words removed wherever they stand (株式会社, (株), 有限会社, (有), 合同会社, 医療法人(社団|財団),
 * (医), 社会福祉法人, (福), 一般社団法人, 特定非営利活動法人, NPO法人), so 株式会社いきいき薬局 = ㈱いきいき薬局 =
 * いきいき薬局（株）; hiragana read as katakana (いきいき = イキイキ);</li>
 * <li>kana: {@link Kana#searchKey} (hiragana or half-width to full-width katakana, small kana enlarged) and the kana
 * legal forms (カブシキガイシャ, ユウゲンガイシャ, (カ), カ), (ユ)) removed;</li>
 * <li>addresses: 広島県, 安芸郡 and 広島市 dropped from the start, kanji numerals read as digits (二十三 → 23), 丁目, 番地,
 * 番, 号 and の between digits read as '-', repeated and trailing '-' dropped: 中区大手町一丁目2番3号 = 中区大手町1-2-3;</li>
 * <li>phones: the digits ({@link PhoneNumbers#digits}), +81 as 0; fewer than 10 digits is no phone.</li>
 * </ul>
 * Null or blank gives "".
 */
public final class GroupNormalizer {

	private static final Map<Integer, Integer> KANJI = loadKanjiVariants();

	/** Legal forms in names, after NFKC and lower-casing, longest first. */
	private static final List<String> NAME_FORMS = List.of("特定非営利活動法人", "社会福祉法人", "一般社団法人", "一般財団法人",
			"公益社団法人", "公益財団法人", "医療法人社団", "医療法人財団", "医療法人", "株式会社", "有限会社", "合同会社", "合資会社",
			"合名会社", "npo法人", "(株)", "(有)", "(同)", "(医)", "(福)", "(社)", "(特非)");

	private static final List<String> KANA_FORMS = List.of("トクテイヒエイリカツドウホウジン", "シヤカイフクシホウジン",
			"イツパンシヤダンホウジン", "イリヨウホウジンシヤダン", "イリヨウホウジン", "カブシキガイシヤ", "カブシキカイシヤ",
			"ユウゲンガイシヤ", "ゴウドウガイシヤ", "(カ)", "カ)", "(カ", "(ユ)", "ユ)", "(ユ", "(イ)", "イ)");

	private static final List<String> ADDRESS_PREFIXES = List.of("広島県", "安芸郡", "広島市");

	private GroupNormalizer() {
	}

	/** The comparable form of a group's name. */
	static String name(String s) {
		String n = base(s);
		for (String form : NAME_FORMS) {
			n = n.replace(form, "");
		}
		return katakana(n);
	}

	/** Hiragana as katakana: いきいき薬局 and イキイキ薬局 are written for the same name. */
	private static String katakana(String s) {
		var sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			sb.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
		}
		return sb.toString();
	}

	/** The comparable form of a kana name. */
	static String kana(String s) {
		if (s == null || s.isBlank()) {
			return "";
		}
		String n = Kana.searchKey(Normalizer.normalize(s, Normalizer.Form.NFKC)).replace(" ", "");
		n = Normalizer.normalize(n, Normalizer.Form.NFKC).replace(" ", "");
		for (String form : KANA_FORMS) {
			n = n.replace(form, "");
		}
		return n.replace("(", "").replace(")", "");
	}

	/** The comparable form of a person's name (the representative). */
	static String person(String s) {
		return base(s);
	}

	/** The digits of a phone number, or "" when it has fewer than 10 digits. */
	static String phone(String s) {
		String d = PhoneNumbers.digits(s);
		return d.length() >= 10 ? d : "";
	}

	/** The comparable form of an address. */
	public static String address(String s) {
		// A postcode keyed first (〒730-0011 広島市…, as the stamps' mailing reads it) says nothing the town does not.
		String n = LEADING_POSTCODE.matcher(base(s)).replaceFirst("");
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String p : ADDRESS_PREFIXES) {
				if (n.startsWith(p)) {
					n = n.substring(p.length());
					stripped = true;
				}
			}
		}
		n = kanjiNumerals(n);
		var sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			boolean afterDigit = i > 0 && Character.isDigit(n.charAt(i - 1));
			if (afterDigit && n.startsWith("丁目", i)) {
				sb.append('-');
				i += 1;
			} else if (afterDigit && n.startsWith("番地", i)) {
				sb.append('-');
				i += 1;
			} else if (afterDigit && (c == '番' || c == '号' || c == '-')) {
				sb.append('-');
			} else if (afterDigit && c == 'の' && i + 1 < n.length() && Character.isDigit(n.charAt(i + 1))) {
				sb.append('-');
			} else if (c == '-' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
				continue;
			} else {
				sb.append(c);
			}
		}
		// 1-2-3号室 and 1-2-3- read alike; a trailing '-' says nothing.
		while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
			sb.setLength(sb.length() - 1);
		}
		return sb.toString().replaceAll("-{2,}", "-");
	}

	/**
	 * NFKC after the Windows variants, lower case, spaces, middle dots and the brackets' width removed, dash variants
	 * as '-', kanji variants as their new form.
	 */
	private static final java.util.regex.Pattern LEADING_POSTCODE = java.util.regex.Pattern
			.compile("^〒?[0-9]{3}-?[0-9]{4}(?![0-9])");

	static String base(String s) {
		if (s == null || s.isBlank()) {
			return "";
		}
		String n = Normalizer.normalize(Jis0208.mapWindowsVariants(s), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		var sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); ) {
			int cp = n.codePointAt(i);
			int len = Character.charCount(cp);
			if (Character.isWhitespace(cp) || cp == '\u3000' || cp == '・' || cp == '･') {
				i += len;
				continue;
			}
			if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x30FC && i > 0
					&& Character.isDigit(n.charAt(i - 1)) && i + 1 < n.length() && isDigitOrKanjiDigit(n.charAt(i + 1))) {
				cp = '-';
			}
			sb.appendCodePoint(KANJI.getOrDefault(cp, cp));
			i += len;
		}
		return sb.toString();
	}

	private static boolean isDigitOrKanjiDigit(char c) {
		return Character.isDigit(c) || KANJI_DIGITS.indexOf(c) >= 0;
	}

	private static final String KANJI_DIGITS = "〇一二三四五六七八九";

	/** Runs of kanji numerals (一 … 九, 〇, 十, 百, 千) read as the number they write: 二十三 → 23, 百五 → 105, 二〇 → 20. */
	static String kanjiNumerals(String s) {
		var sb = new StringBuilder(s.length());
		int i = 0;
		while (i < s.length()) {
			int j = i;
			while (j < s.length() && isKanjiNumeral(s.charAt(j))) {
				j++;
			}
			if (j == i) {
				sb.append(s.charAt(i++));
				continue;
			}
			sb.append(kanjiNumber(s.substring(i, j)));
			i = j;
		}
		return sb.toString();
	}

	private static boolean isKanjiNumeral(char c) {
		return KANJI_DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '千';
	}

	private static String kanjiNumber(String run) {
		boolean positional = run.chars().noneMatch(c -> c == '十' || c == '百' || c == '千');
		if (positional) {
			// 二〇 or 一二三: digit by digit.
			var sb = new StringBuilder();
			run.chars().forEach(c -> sb.append(KANJI_DIGITS.indexOf(c)));
			return sb.toString();
		}
		long total = 0;
		long digit = -1;
		for (char c : run.toCharArray()) {
			int d = KANJI_DIGITS.indexOf(c);
			if (d >= 0) {
				digit = d;
				continue;
			}
			int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
			total += (digit < 0 ? 1 : digit) * unit;
			digit = -1;
		}
		if (digit >= 0) {
			total += digit;
		}
		return Long.toString(total);
	}

	private static Map<Integer, Integer> loadKanjiVariants() {
		Map<Integer, Integer> map = new HashMap<>();
		try (InputStream in = GroupNormalizer.class.getClassLoader().getResourceAsStream("groups/kanji-variants.txt")) {
			if (in == null) {
				throw new IllegalStateException("groups/kanji-variants.txt missing from the class path");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String l = line.strip();
				if (l.isEmpty() || l.startsWith("#")) {
					continue;
				}
				String[] parts = l.split("\\s+");
				int target = parts[0].codePointAt(0);
				for (int k = 1; k < parts.length; k++) {
					map.put(parts[k].codePointAt(0), target);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(map);
	}

	/**
	 * The form in which a private value is looked for in a published file (第9章1(6)): {@link #address} without the
	 * address prefixes dropped, and then without any '-' or bracket, so that 082-245-1234, (082)245-1234 and 0822451234,
	 * or 大手町一丁目2番3号 and 大手町1-2-3, fold alike and a value wrapped over two lines still reads as one. Applied
	 * to both the file's text and the values.
	 */
	public static String fold(String s) {
		String n = kanjiNumerals(base(s));
		var sb = new StringBuilder(n.length());
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			boolean afterDigit = i > 0 && Character.isDigit(n.charAt(i - 1));
			if (afterDigit && (n.startsWith("丁目", i) || n.startsWith("番地", i))) {
				i += 1;
			} else if (afterDigit && (c == '番' || c == '号')) {
				continue;
			} else if (afterDigit && c == 'の' && i + 1 < n.length() && Character.isDigit(n.charAt(i + 1))) {
				continue;
			} else if (c != '-' && c != '(' && c != ')' && c != '[' && c != ']' && c != '「' && c != '」') {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	/** How many old/variant forms the bundled table reads as a new form (for the documentation and the check's report). */
	static int kanjiVariantCount() {
		return KANJI.size();
	}
}
