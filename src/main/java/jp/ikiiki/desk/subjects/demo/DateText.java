package jp.ikiiki.desk.subjects.demo;

import java.time.LocalDate;

/**
 * Writes dates the many ways the city's files hold them: western (2026/9/1, 20260901, 2026-09-01, 2026年9月1日)
 * and Japanese-era (R8.9.1, R08.09.01, 令和8年9月1日, 令和元年5月1日, S15.3.2).
 */
final class DateText {

	enum Style {
		SLASH, COMPACT, ISO, WESTERN_KANJI, ERA_SHORT, ERA_SHORT_PADDED, ERA_KANJI
	}

	/** An era: its first day, letter and name. */
	record Era(LocalDate start, String letter, String name) {
	}

	private static final Era[] ERAS = {
			new Era(LocalDate.of(2019, 5, 1), "R", "令和"),
			new Era(LocalDate.of(1989, 1, 8), "H", "平成"),
			new Era(LocalDate.of(1926, 12, 25), "S", "昭和"),
			new Era(LocalDate.of(1912, 7, 30), "T", "大正"),
			new Era(LocalDate.of(1868, 10, 23), "M", "明治") };

	private DateText() {
	}

	/** Two digits, zero-padded (for 1–99; String.format is too slow for 190,000-row files). */
	static String two(int n) {
		return n < 10 ? "0" + n : String.valueOf(n);
	}

	static Era eraOf(LocalDate date) {
		for (Era era : ERAS) {
			if (!date.isBefore(era.start())) {
				return era;
			}
		}
		throw new IllegalArgumentException("before Meiji: " + date);
	}

	static int eraYear(LocalDate date) {
		return date.getYear() - eraOf(date).start().getYear() + 1;
	}

	static String format(LocalDate d, Style style) {
		int y = d.getYear();
		int m = d.getMonthValue();
		int day = d.getDayOfMonth();
		return switch (style) {
			case SLASH -> y + "/" + m + "/" + day;
			case COMPACT -> y + two(m) + two(day);
			case ISO -> d.toString();
			case WESTERN_KANJI -> y + "年" + m + "月" + day + "日";
			case ERA_SHORT -> eraOf(d).letter() + eraYear(d) + "." + m + "." + day;
			case ERA_SHORT_PADDED -> eraOf(d).letter() + two(eraYear(d)) + "." + two(m) + "." + two(day);
			case ERA_KANJI -> eraOf(d).name() + (eraYear(d) == 1 ? "元" : String.valueOf(eraYear(d))) + "年" + m + "月" + day + "日";
		};
	}

	/**
	 * A date that is not in the calendar, written in {@code style}: day 30 of February, month 13, or day 31 of a
	 * 30-day month, in the year of {@code near} (so it looks like a typo of a real birth date).
	 */
	static String impossible(LocalDate near, Style style, int variant) {
		int y = near.getYear();
		int m;
		int d;
		switch (Math.floorMod(variant, 3)) {
			case 0 -> { m = 2; d = 30; }
			case 1 -> { m = 13; d = near.getDayOfMonth(); }
			default -> { m = 4; d = 31; }
		}
		Era era = eraOf(LocalDate.of(y, 6, 30));
		int ey = y - era.start().getYear() + 1;
		return switch (style) {
			case SLASH -> y + "/" + m + "/" + d;
			case COMPACT -> y + two(m) + two(d);
			case ISO -> y + "-" + two(m) + "-" + two(d);
			case WESTERN_KANJI -> y + "年" + m + "月" + d + "日";
			case ERA_SHORT -> era.letter() + ey + "." + m + "." + d;
			case ERA_SHORT_PADDED -> era.letter() + two(ey) + "." + two(m) + "." + two(d);
			case ERA_KANJI -> era.name() + ey + "年" + m + "月" + d + "日";
		};
	}
}
