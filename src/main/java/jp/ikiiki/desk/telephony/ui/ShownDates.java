package jp.ikiiki.desk.telephony.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * Dates as the telephony screens show them, after the console's one date policy: work lists in the western form
 * with the weekday (2026/11/24（火）, 2026/11/24（火）8:30), fiscal years as the city names them (令和8年度). Built on
 * {@link JapaneseDates}; each method has the name of the shared helper it stands for, so that it can be replaced by
 * it one for one.
 */
final class ShownDates {

	private static final String WEEKDAYS = "月火水木金土日";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private ShownDates() {
	}

	/** 2026/11/24（火）. */
	static String toWesternWithWeekday(LocalDate date) {
		return JapaneseDates.toWestern(date) + "（" + weekday(date) + "）";
	}

	/** 2026/11/24（火）8:30, Japan time. */
	static String toWesternDateTimeWithWeekday(Instant instant) {
		var t = instant.atZone(JapanTime.ZONE);
		return toWesternWithWeekday(t.toLocalDate()) + t.format(TIME);
	}

	/** 11/24（火）: a day within the month shown. */
	static String monthDayWithWeekday(LocalDate date) {
		return date.getMonthValue() + "/" + date.getDayOfMonth() + "（" + weekday(date) + "）";
	}

	/** 2026年11月. */
	static String yearMonth(YearMonth month) {
		return month.getYear() + "年" + month.getMonthValue() + "月";
	}

	/** 8:30, Japan time. */
	static String time(Instant instant) {
		return instant.atZone(JapanTime.ZONE).format(TIME);
	}

	/** The fiscal year (April–March) in the era form, named by the era in force in May: 令和8年度. */
	static String toEraFiscalYear(int fiscalYear) {
		String era = JapaneseDates.toEraKanji(LocalDate.of(fiscalYear, 5, 1));
		return era.substring(0, era.indexOf('年')) + "年度";
	}

	/** 月 火 水 木 金 土 日. */
	static String weekday(LocalDate date) {
		return String.valueOf(WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1));
	}
}
