package jp.ikiiki.desk.mailings.ui;

import java.time.LocalDate;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * The date policy on the mailing screens: work lists show the western date with the weekday (2026/9/15（火）); what
 * is printed for residents and the city stays in the era form.
 */
final class Dates {

	private static final String WEEKDAYS = "月火水木金土日";

	private Dates() {
	}

	/** 2026/9/15（火）, or "" for null. */
	static String list(LocalDate date) {
		if (date == null) {
			return "";
		}
		return JapaneseDates.toWestern(date) + "（" + WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1) + "）";
	}
}
