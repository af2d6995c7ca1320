package jp.ikiiki.desk.deliverables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly work report (第1章5(1) 作業報告書), in the shape of a KPI report: per KPI the target, the actual computed
 * from the data, whether it was achieved, what was done and what comes next. Holds no personal data.
 *
 * @param month        {@code yyyy-MM}
 * @param complete     false if the month is not over yet (figures up to {@code generatedAt})
 * @param generatedAt  when it was computed
 * @param definition   the answer-rate definition the call figures use
 * @param kpis         the KPIs, in the report's order
 * @param days         one row per open day of the month (up to today for the current month)
 * @param hours        calls received and answered per hour of the day over the month, 8 to 17
 */
public record WorkReport(String month, boolean complete, Instant generatedAt, String definition, List<Kpi> kpis,
		List<Day> days, List<Hour> hours) {

	/**
	 * One KPI.
	 *
	 * @param key      stable key
	 * @param title    Japanese name
	 * @param clause   the contract clause
	 * @param target   the target in Japanese, or 「（設定なし）」
	 * @param actual   the actual, or null when there is no data (shown as 「データなし」)
	 * @param done     what was done (text kept per month)
	 * @param next     what comes next
	 * @param draft    true if the texts were carried over from an earlier month and not saved for this one
	 */
	public record Kpi(String key, String title, String clause, String target, Actual actual, String done, String next,
			boolean draft) {
	}

	/**
	 * A KPI's actual.
	 *
	 * @param text     the actual as shown (「92.4%（受電 1,234 / 応答 1,140）」)
	 * @param value    the main figure (a share 0..1, or a count), null when it has none
	 * @param achieved true/false against the target; null when the KPI has no target
	 */
	public record Actual(String text, Double value, Boolean achieved) {
	}

	/** One open day's calls; {@code answerRate} null without calls. */
	public record Day(LocalDate day, long received, long answered, Double answerRate) {
	}

	/** One hour of the day, summed over the month. */
	public record Hour(int hour, long received, long answered) {
	}
}
