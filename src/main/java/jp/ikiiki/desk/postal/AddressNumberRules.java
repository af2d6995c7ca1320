package jp.ikiiki.desk.postal;

import java.util.Optional;

/**
 * Extracts the 住所表示番号 (address-number part) from an address by the rules of 郵便番号・バーコードマニュアル,
 * バーコードに必要な文字情報の抜き出し法 (p19 基本ルール 1–6, 補足ルール 1). {@link CustomerBarcode} gives it what follows the
 * 町域 when {@link TownDictionary} finds the postcode's 町域 in the address, else the whole address as printed (住所 +
 * 方書). Either way, whatever could still be mistaken for an address number ("北1条西", "八丁堀", "四番町", "三ノ輪" — a
 * town the dictionary did not find, or a building named like one) makes the address not printable instead of
 * producing a wrong number.
 */
final class AddressNumberRules {

	/** Kanji numerals converted before the markers of 補足ルール 1. */
	static final String KANJI_NUMERALS = "〇一二三四五六七八九十百千";

	/** Outcome: the number part, or why there is none. */
	record Extraction(String number, String refusal) {

		static Extraction of(String number) {
			return new Extraction(number, null);
		}

		static Extraction refused(String reason) {
			return new Extraction(null, reason);
		}

		boolean extracted() {
			return number != null;
		}
	}

	private AddressNumberRules() {
	}

	static Extraction extract(String address) {
		if (address == null || address.isBlank()) {
			return Extraction.refused("住所がありません");
		}
		// 基本ルール 1 (lower case to upper case), with the width folding the manual takes for granted.
		String s = normaliseWidthAndCase(address);
		// 基本ルール 2: & / ・ . are removed and the rest closes up.
		s = s.replaceAll("[&/・.]", "");
		Optional<String> unsupported = firstUnsupported(s);
		if (unsupported.isPresent()) {
			return Extraction.refused("抜き出し規則にない文字「" + unsupported.get() + "」が含まれています");
		}
		if (s.matches("(?s).*[0-9]条.*")) {
			return Extraction.refused("町域名の「…条」が算用数字で書かれていて、住所表示番号と区別できません");
		}
		// 補足ルール 1: kanji numerals before 丁目 丁 番地 番 号 地割 線 の ノ become digits.
		StringBuilder converted = new StringBuilder();
		String refusal = convertKanjiNumerals(s, converted);
		if (refusal != null) {
			return Extraction.refused(refusal);
		}
		String number = extractNumber(converted.toString());
		if (number.isEmpty()) {
			return Extraction.refused("住所表示番号（番地・号など）を算用数字または漢数字で読み取れません");
		}
		return Extraction.of(number);
	}

	/** Full-width ASCII to half-width, ideographic space to space, dashes to '-', a–z to A–Z. */
	static String normaliseWidthAndCase(String address) {
		StringBuilder b = new StringBuilder(address.length());
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c >= '！' && c <= '～') {
				c = (char) (c - '！' + '!');
			}
			else if (c == '\u3000') {
				c = ' ';
			}
			else if (c == '･') {
				c = '・';
			}
			else if ("‐‑‒–—―−﹣ｰ".indexOf(c) >= 0) {
				c = '-';
			}
			if (c >= 'a' && c <= 'z') {
				c = Character.toUpperCase(c);
			}
			b.append(c);
		}
		return b.toString();
	}

	/**
	 * 基本ルール 4 names what may stand before an extracted character: kanji, kana, katakana, kanji numerals, blanks and
	 * runs of letters. Anything else (brackets, '#', circled numbers…) is not covered by the rules.
	 */
	private static Optional<String> firstUnsupported(String s) {
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			if (cp == '-' || Character.isWhitespace(cp) || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			boolean kanji = script == Character.UnicodeScript.HAN || cp == '々' || cp == '〆' || cp == '〇' || cp == 'ヶ';
			boolean kana = script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
					|| cp == 'ー' || cp == '゛' || cp == '゜';
			if (!kanji && !kana) {
				return Optional.of(new String(Character.toChars(cp)));
			}
		}
		return Optional.empty();
	}

	/**
	 * Replaces each run of kanji numerals directly before a marker by its value. A one-character marker (丁 番 号 線 の
	 * ノ) followed by kanji or kana is a place name ("八丁堀", "四番町", "三ノ輪"), not a number: refused.
	 *
	 * @return null, or the reason the address is refused
	 */
	private static String convertKanjiNumerals(String s, StringBuilder out) {
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (KANJI_NUMERALS.indexOf(c) < 0) {
				out.append(c);
				i++;
				continue;
			}
			int end = i;
			while (end < s.length() && KANJI_NUMERALS.indexOf(s.charAt(end)) >= 0) {
				end++;
			}
			int markerLength = markerLength(s, end);
			if (markerLength == 0) {
				out.append(s, i, end);
			}
			else {
				if (markerLength == 1 && end + 1 < s.length() && startsPlaceName(s.charAt(end + 1))) {
					return "「" + s.substring(i, end + 2) + "」が地名か番地か判別できません（漢数字の地名は規則で処理できません）";
				}
				out.append(kanjiValue(s.substring(i, end)));
			}
			i = end;
		}
		return null;
	}

	private static int markerLength(String s, int at) {
		if (at >= s.length()) {
			return 0;
		}
		if (s.startsWith("丁目", at) || s.startsWith("番地", at) || s.startsWith("地割", at)) {
			return 2;
		}
		return "丁番号線のノ".indexOf(s.charAt(at)) >= 0 ? 1 : 0;
	}

	private static boolean startsPlaceName(char next) {
		if (KANJI_NUMERALS.indexOf(next) >= 0 || "丁番号地のノ".indexOf(next) >= 0) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(next);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

	/** 十一 → 11, 百一 → 101, 二十三 → 23; without 十百千 the digits stand by position (二〇三 → 203). */
	static long kanjiValue(String numerals) {
		boolean positional = numerals.chars().noneMatch(ch -> "十百千".indexOf(ch) >= 0);
		if (positional) {
			long v = 0;
			for (char ch : numerals.toCharArray()) {
				v = v * 10 + KANJI_NUMERALS.indexOf(ch);
			}
			return v;
		}
		long total = 0;
		long digit = 0;
		boolean hasDigit = false;
		for (char ch : numerals.toCharArray()) {
			int index = KANJI_NUMERALS.indexOf(ch);
			if (index <= 9) {
				digit = index;
				hasDigit = true;
			}
			else {
				long unit = switch (ch) {
					case '十' -> 10;
					case '百' -> 100;
					default -> 1000;
				};
				total += (hasDigit ? digit : 1) * unit;
				digit = 0;
				hasDigit = false;
			}
		}
		return total + digit;
	}

	/**
	 * 基本ルール 3–6 on a normalised string: digits, hyphens and single letters are kept; whatever stands before a kept
	 * character becomes one hyphen; hyphens are collapsed and a leading one dropped. A single "F" after a digit is a
	 * floor (階) and separates like text (the manual's cases "10F", "2F", "1F1号"); a hyphen next to a letter is dropped
	 * (the manual's cases "3-20-5B604", "6-7LB106", "J1-2B"); a trailing hyphen carries nothing and is dropped.
	 */
	static String extractNumber(String s) {
		StringBuilder out = new StringBuilder();
		boolean pendingSeparator = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean letter = c >= 'A' && c <= 'Z';
			boolean singleLetter = letter && !isLetter(s, i - 1) && !isLetter(s, i + 1);
			boolean floor = singleLetter && c == 'F' && i > 0 && Character.isDigit(s.charAt(i - 1));
			boolean kept = (c >= '0' && c <= '9') || c == '-' || (singleLetter && !floor);
			if (!kept) {
				pendingSeparator = true;
				continue;
			}
			if (pendingSeparator) {
				out.append('-');
				pendingSeparator = false;
			}
			out.append(c);
		}
		String number = out.toString().replaceAll("-{2,}", "-");
		number = number.replaceAll("-(?=[A-Z])", "").replaceAll("(?<=[A-Z])-", "");
		number = number.replaceAll("^-+", "").replaceAll("-+$", "");
		return number;
	}

	private static boolean isLetter(String s, int i) {
		return i >= 0 && i < s.length() && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z';
	}
}
