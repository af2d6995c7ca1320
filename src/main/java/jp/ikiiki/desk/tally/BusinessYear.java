package jp.ikiiki.desk.tally;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * One business year of the points programme (事業年度): 1 September to 31 August, named by the year it begins in
 * (2025 = 令和7年度分 = 2025-09-01..2026-08-31), with the dates the contract sets for it (第7章1(2)(5), 第8章2). All
 * dates are days in Japan.
 *
 * @param year            the year it begins in
 * @param standing        旧々, 旧 or 新 among the open years
 * @param start           1 September of {@code year}
 * @param end             31 August of {@code year + 1}
 * @param bookletDeadline the last day the city may receive a booklet of this year (提出期限)
 * @param noticesFrom     the first month in which points notices of this year may go out (第8章2)
 * @param paymentMonths   the months in which the year's incentives are paid (第7章1(5)), in order; may be empty when
 *                        the city has not said yet
 */
public record BusinessYear(int year, YearStanding standing, LocalDate start, LocalDate end, LocalDate bookletDeadline,
		YearMonth noticesFrom, List<YearMonth> paymentMonths) {

	public BusinessYear {
		paymentMonths = List.copyOf(paymentMonths);
	}

	/** The first day of business year {@code year}. */
	public static LocalDate startOf(int year) {
		return LocalDate.of(year, 9, 1);
	}

	/** The last day of business year {@code year}. */
	public static LocalDate endOf(int year) {
		return LocalDate.of(year + 1, 8, 31);
	}

	/** The name the contract and the city use, e.g. 令和7年度分. */
	public String label() {
		return labelOf(year);
	}

	/** 令和7年度分 for 2025; a year outside the eras (before 1868, or absurdly far ahead) as 1850年度分. */
	public static String labelOf(int year) {
		if (year < 1868 || year > 9_999) {
			return year + "年度分";
		}
		String era = JapaneseDates.toEraKanji(startOf(year));
		return era.substring(0, era.indexOf('年')) + "年度分";
	}

	/** The label with the standing, e.g. 令和7年度分（旧）. */
	public String labelWithStanding() {
		return label() + "（" + standing.label() + "）";
	}

	/** True if {@code date} lies within 1 September–31 August of this year. */
	public boolean contains(LocalDate date) {
		return !date.isBefore(start) && !date.isAfter(end);
	}

	/** True if the city may have received a booklet of this year on {@code date}: from the start to the deadline. */
	public boolean acceptsBookletsReceivedOn(LocalDate date) {
		return !date.isBefore(start) && !date.isAfter(bookletDeadline);
	}

	/** True if points notices of this year may go out in {@code month}. */
	public boolean noticesOpenIn(YearMonth month) {
		return !month.isBefore(noticesFrom);
	}
}
