package jp.ikiiki.desk.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the city's files and callers write them: western (2026/9/1, 2026-09-01, 2026.9.1, 20260901,
 * 2026年9月1日) and Japanese-era (R8.9.1, R08.09.01, 令和8年9月1日, 令和元年5月1日, H31.4.30, S15.3.2, and the
 * 7-digit era code GYYMMDD used by municipal systems: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和). Full-width digits
 * and the era ligatures (㍼ ㋿ …) are accepted.
 *
 * <p>Output follows the one date policy of the console and the printed forms: the era form (令和8年9月1日,
 * {@link #toEraKanji}) on what the city and residents read — notices, reports, the subject page —; the western form
 * with the weekday (2026/9/1（火）, {@link #toWesternWithWeekday}) in work lists; both ({@link #toBoth}) where a
 * person must recognise the date either way (birth dates). Wherever people type a date, both forms are accepted
 * ({@link #parse}, {@link #parseInput}). All in Japan time ({@link JapanTime#ZONE}).
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
	private static final DateTimeFormatter SLASHED_SECONDS = DateTimeFormatter.ofPattern("uuuu/M/d H:mm:ss");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
	private static final String WEEKDAYS = "月火水木金土日";

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

	/**
	 * Parses a date a person typed (a form field, an API parameter): western or era form, as {@link #parse}.
	 *
	 * @param field the field as the person knows it (「生年月日」, {@code from}); named in the refusal
	 * @param text  the date as typed
	 * @return the date, or null if {@code text} is blank
	 * @throws InvalidInputException naming the field and the reason (unknown form, a day that does not exist, a
	 *                               date outside its era)
	 */
	public static LocalDate parseInput(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parse(text);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, field + ": " + e.getMessage());
		}
	}

	// ---- Output. The one date policy (docs/architecture.md, "Dates"): 和暦 on what the city and residents read,
	// 西暦 with the weekday in work lists, both forms where a person must recognise a date (birth dates).

	/**
	 * The date in the era form used on what the city and residents read (printed notices, reports, the subject
	 * page), e.g. 令和8年9月1日 (元年 for year 1). A date before 明治 (only in hostile or broken data) is written in the
	 * western form.
	 */
	public static String toEraKanji(LocalDate date) {
		if (date.isBefore(Era.MEIJI.start)) {
			return toWestern(date);
		}
		Era era = Era.at(date);
		return eraYear(era, date.getYear()) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** {@link #toEraKanji} with the weekday: 令和8年9月1日（火）. */
	public static String toEraKanjiWithWeekday(LocalDate date) {
		return toEraKanji(date) + "（" + weekday(date) + "）";
	}

	/** A month in the era form: 令和8年9月. */
	public static String toEraYearMonth(YearMonth month) {
		LocalDate first = month.atDay(1);
		if (first.isBefore(Era.MEIJI.start)) {
			return month.getYear() + "年" + month.getMonthValue() + "月";
		}
		// The era in force at the end of the month names it: 2019年5月 is 令和元年5月, 1989年1月 平成元年1月.
		LocalDate last = month.atEndOfMonth();
		return eraYear(Era.at(last), month.getYear()) + "年" + month.getMonthValue() + "月";
	}

	/**
	 * A fiscal year (April–March) in the era form: 令和8年度 for fiscal year 2026. Named by the era in force in May,
	 * as the government names them (2019 is 令和元年度, 1989 平成元年度).
	 */
	public static String toEraFiscalYear(int fiscalYear) {
		if (fiscalYear <= Era.MEIJI.baseYear) {
			return fiscalYear + "年度";
		}
		return eraYear(Era.at(LocalDate.of(fiscalYear, 5, 1)), fiscalYear) + "年度";
	}

	/** The date as work lists show it: 2026/9/1. */
	public static String toWestern(LocalDate date) {
		return date.format(SLASHED);
	}

	/** The date as work lists show it, with the weekday: 2026/9/1（火）. */
	public static String toWesternWithWeekday(LocalDate date) {
		return toWestern(date) + "（" + weekday(date) + "）";
	}

	/** Both forms, for dates a person must recognise either way (birth dates): 1940/3/2（昭和15年3月2日）. */
	public static String toBoth(LocalDate date) {
		return date.isBefore(Era.MEIJI.start) ? toWestern(date) : toWestern(date) + "（" + toEraKanji(date) + "）";
	}

	/** An instant as the console shows it in Japan time, e.g. 2026/9/1 9:05. */
	public static String toWesternDateTime(Instant instant) {
		return instant.atZone(JapanTime.ZONE).format(SLASHED_TIME);
	}

	/** An instant in Japan time with the weekday, for work lists: 2026/9/1（火）9:05. */
	public static String toWesternDateTimeWithWeekday(Instant instant) {
		var t = instant.atZone(JapanTime.ZONE);
		return toWesternWithWeekday(t.toLocalDate()) + t.format(TIME);
	}

	/**
	 * The time of day of an instant in Japan time, for what happens today and is shown next to it (a call's start, a
	 * draft saved, a resize until noon): 9:05.
	 */
	public static String toTime(Instant instant) {
		return instant.atZone(JapanTime.ZONE).format(TIME);
	}

	/** An instant in Japan time to the second, for the audit trail: 2026/9/1 9:05:07. */
	public static String toWesternTimestamp(Instant instant) {
		return instant.atZone(JapanTime.ZONE).format(SLASHED_SECONDS);
	}

	/** The weekday as one kanji: 月 火 水 木 金 土 日. */
	public static String weekday(LocalDate date) {
		return String.valueOf(WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1));
	}

	private static String eraYear(Era era, int westernYear) {
		int y = westernYear - era.baseYear + 1;
		return era.kanji + (y == 1 ? "元" : String.valueOf(y));
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
