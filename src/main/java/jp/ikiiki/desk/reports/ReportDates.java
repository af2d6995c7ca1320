package jp.ikiiki.desk.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
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
		return JapaneseDates.toEraKanji(day) + "（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE)
				+ "）";
	}

	/** 令和8年11月 */
	public static String month(YearMonth month) {
		String day = JapaneseDates.toEraKanji(month.atDay(1));
		return day.substring(0, day.indexOf('月') + 1);
	}

	/** 令和8年11月24日 17:30 (Japan time) */
	public static String dateTime(Instant instant) {
		var t = instant.atZone(JapanTime.ZONE);
		return JapaneseDates.toEraKanji(t.toLocalDate()) + " " + String.format("%d:%02d", t.getHour(), t.getMinute());
	}

	/** 17:30 (Japan time) */
	public static String time(Instant instant) {
		var t = instant.atZone(JapanTime.ZONE);
		return String.format("%d:%02d", t.getHour(), t.getMinute());
	}

	/** The period of a report as its files name it: {@link #day} for a daily report, {@link #month} for a summary. */
	public static String period(ReportKind kind, LocalDate from) {
		return kind == ReportKind.DAILY ? day(from) : month(YearMonth.from(from));
	}
}
