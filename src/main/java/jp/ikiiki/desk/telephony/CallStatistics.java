package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer rate and its companions per day, half-day or hour (第6章2 ※1), always computed from the raw call
 * records, so that any configured definition can be applied to past days. Statistics hold no personal data.
 */
public interface CallStatistics {

	/** The contract's floor for the answer rate: 90 %. */
	double TARGET = 0.9;

	/** Longest range one request covers, in days. */
	int MAX_DAYS = 366;

	/**
	 * Figures for every period of the days {@code from} to {@code to} (both included, Asia/Tokyo), oldest first;
	 * periods without calls are included with zero counts.
	 *
	 * @param definition the name of a configured definition; null for the default
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the range is empty, longer than {@link #MAX_DAYS} or the definition is
	 *                                  unknown
	 */
	List<CallStats> stats(LocalDate from, LocalDate to, StatsPeriod by, String definition);

	/**
	 * One day's figures for the whole day, its half-days and its half-hours, from one read of the records.
	 *
	 * @param definition the name of a configured definition; null for the default
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the definition is unknown
	 */
	DailyCallStats day(LocalDate day, String definition);

	/** The names of the configured answer-rate definitions; the first is the default. */
	List<String> definitions();
}
