package jp.ikiiki.desk.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the city's files and callers write them: western (2026/9/1, 2026-09-01, 2026.9.1, 20260901,
 * 2026年9月1日) and Japanese-era (R8.9.1, R08.09.01, 令和8年9月1日, 令和元年5月1日, H31.4.30, S15.3.2, and the
 * 7-digit era code GYYMMDD used by municipal systems: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和). Full-width digits
 * and the era ligatures (㍼ ㋿ …) are accepted.
 */
public final class JapaneseDates {

	/** A Japanese era: names, the code digit, first day and the western year of its first year. */
	public enum Era {
		MEIJI("明治", 'M', 1, LocalDate.of(1868, 1, 25), 1868),
		TAISHO("大正", 'T', 2, LocalDate.of(1912, 7, 30), 1912),
		SHOWA("昭和", 'S', 3, LocalDate.of(1926, 12, 25), 1926),
		HEISEI("平成", 'H', 4, LocalDate.of(1989, 1, 8), 1989),
		REIWA("令和", 'R', 5, LocalDate.of(2019, 5, 1), 2019);

		private final String kanji;
		private final char letter;
		private final int code;
		private final LocalDate start;
		private final int baseYear;

		Era(String kanji, char letter, int code, LocalDate start, int baseYear) {
			this.kanji = kanji;
			this.letter = letter;
			this.code = code;
			this.start = start;
			this.baseYear = baseYear;
		}

		public String kanji() {
			return kanji;
		}

		/** Last day of the era, or null for the current one. */
		public LocalDate end() {
			return ordinal() + 1 < values().length ? values()[ordinal() + 1].start.minusDays(1) : null;
		}

		static Era of(String token) {
			for (Era e : values()) {
				if (e.kanji.equals(token) || token.equalsIgnoreCase(String.valueOf(e.letter))
						|| token.equals(String.valueOf(e.code))) {
					return e;
				}
			}
			throw new IllegalArgumentException("元号が分かりません: " + token);
		}

		/** The era a date falls in. */
		public static Era at(LocalDate date) {
			for (int i = values().length - 1; i >= 0; i--) {
				if (!date.isBefore(values()[i].start)) {
					return values()[i];
				}
			}
			throw new IllegalArgumentException("明治より前の日付です");
		}
	}

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final Pattern ERA_CODE = Pattern.compile("([1-5])(\\d{2})(\\d{2})(\\d{2})");
	private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[/.\\-年]\\s*(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?");
	private static final Pattern ERA = Pattern.compile(
			"(明治|大正|昭和|平成|令和|[MTSHRmtshr])\\s*(元|\\d{1,2})\\s*[/.\\-年]\\s*(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?");
	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
	private static final DateTimeFormatter SLASHED_TIME = DateTimeFormatter.ofPattern("uuuu/M/d H:mm");

	/**
	 * Parses a date.
	 *
	 * @param text the date as written; surrounding spaces ignored
	 * @return the date
	 * @throws IllegalArgumentException with a Japanese reason for an operator: blank, unknown form, a day that
	 *                                  does not exist, or a date outside its era (H31.5.1 is 令和元年)
	 */
	public static LocalDate parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("日付が空です");
		}
		String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
		Matcher m;
		if ((m = COMPACT.matcher(s)).matches()) {
			return date(int4(m.group(1)), m.group(2), m.group(3));
		}
		if ((m = ERA_CODE.matcher(s)).matches()) {
			return eraDate(Era.of(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4));
		}
		if ((m = WESTERN.matcher(s)).matches()) {
			return date(int4(m.group(1)), m.group(2), m.group(3));
		}
		if ((m = ERA.matcher(s)).matches()) {
			int year = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
			return eraDate(Era.of(m.group(1)), year, m.group(3), m.group(4));
		}
		throw new IllegalArgumentException("日付の形式が分かりません（例: 2026/9/1、20260901、R8.9.1、令和8年9月1日）");
	}

	/** Like {@link #parse} but null for a blank or unreadable text. */
	public static LocalDate tryParse(String text) {
		try {
			return parse(text);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The date in the era form used on printed notices, e.g. 令和8年9月1日 (元年 for year 1). */
	public static String toEraKanji(LocalDate date) {
		Era era = Era.at(date);
		int y = date.getYear() - era.baseYear + 1;
		return era.kanji + (y == 1 ? "元" : String.valueOf(y)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** An instant as the console shows it in Asia/Tokyo, e.g. 2026/9/1 9:05. */
	public static String toWesternDateTime(Instant instant) {
		return instant.atZone(JapanTime.ZONE).format(SLASHED_TIME);
	}

	/** The date as 2026/9/1. */
	public static String toWestern(LocalDate date) {
		return date.format(SLASHED);
	}

	private static LocalDate eraDate(Era era, int eraYear, String month, String day) {
		if (eraYear < 1) {
			throw new IllegalArgumentException(era.kanji + "0年はありません");
		}
		LocalDate d = date(era.baseYear + eraYear - 1, month, day);
		LocalDate end = era.end();
		if (d.isBefore(era.start) || (end != null && d.isAfter(end))) {
			throw new IllegalArgumentException(era.kanji + "の期間外の日付です（" + toWestern(era.start) + "〜"
					+ (end == null ? "" : toWestern(end)) + "）");
		}
		return d;
	}

	private static LocalDate date(int year, String month, String day) {
		try {
			return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
		} catch (DateTimeException e) {
			throw new IllegalArgumentException("存在しない日付です");
		}
	}

	private static int int4(String s) {
		return Integer.parseInt(s);
	}

	private JapaneseDates() {
	}
}
