package jp.ikiiki.desk.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * Dates as the city reads them in its reports and inbox: the Japanese era (和暦), as on every document the city
 * receives. Built on {@link JapaneseDates}; times in Japan time.
 */
public final class ReportDates {

	private ReportDates() {
	}

	/** 令和8年11月24日（火） */
	public static String day(LocalDate day) {
		return JapaneseDates.toEraKanjiWithWeekday(day);
	}

	/** 令和8年11月 */
	public static String month(YearMonth month) {
		return JapaneseDates.toEraYearMonth(month);
	}

	/** 令和8年11月24日 17:30 (Japan time) */
	public static String dateTime(Instant instant) {
		return JapaneseDates.toEraKanji(instant.atZone(JapanTime.ZONE).toLocalDate()) + " " + JapaneseDates.toTime(instant);
	}

	/** 17:30 (Japan time) */
	public static String time(Instant instant) {
		return JapaneseDates.toTime(instant);
	}

	/** The period of a report as its files name it: {@link #day} for a daily report, {@link #month} for a summary. */
	public static String period(ReportKind kind, LocalDate from) {
		return kind == ReportKind.DAILY ? day(from) : month(YearMonth.from(from));
	}
}
