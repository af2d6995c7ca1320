package jp.ikiiki.desk.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a daily report or monthly summary (第6章1(4): 受電数・応答数・応答率, classified), as the JSON
 * format carries it. Counts are of calls received in opening hours under the named answer-rate definition
 * (第6章2 ※1), computed from the raw call records; out-of-hours calls are shown apart.
 *
 * <p>A report made while its period is still in progress (today's report, the current month's summary) is
 * {@link #complete() incomplete}: it covers the period up to the moment it was made, lists only the hours,
 * half-hours and days that had begun by then (never a future day as a row of zeros), and every file says so.
 *
 * @param kind                daily or monthly
 * @param period              {@code 2026-11-24} or {@code 2026-11}
 * @param from                first day covered (Asia/Tokyo)
 * @param to                  last day covered, included: the period's last day, or for a month in progress today
 * @param complete            true if made after the closing (17:15) of the period's last day; false for a report
 *                            of a period in progress, whose figures are those up to {@code generatedAt}
 * @param definition          the answer-rate definition that produced every figure
 * @param gap                 true if any part of the period overlaps a gap in the telephony data: figures may be
 *                            incomplete, and every file says so
 * @param received            受電数
 * @param answered            応答数
 * @param answerRate          応答率 = answered ÷ received, 0..1; null when nothing was received
 * @param target              the contract's floor, 0.9
 * @param meetsTarget         answerRate ≥ target; null when nothing was received
 * @param abandoned           放棄呼 counted as received
 * @param timedOut            calls that left the queue on its timeout
 * @param refused             calls refused by the line limit
 * @param excluded            in-hours calls the definition leaves out (short abandons)
 * @param outOfHours          calls outside opening hours, any outcome
 * @param averageWaitSeconds  mean queue wait of received calls that queued; null if none. In the monthly
 *                            summary the days' means weighted by their received, not refused, calls
 * @param longestWaitSeconds  longest queue wait; null if none
 * @param answeredWithinShare calls answered within {@code serviceLevelSeconds} ÷ received; null if none received
 * @param serviceLevelSeconds the definition's service-level threshold (20 s by default)
 * @param halfDays            daily: 午前 and 午後; monthly: empty
 * @param hours               daily: every hour 8–17 and any other hour with calls; monthly: empty
 * @param halfHours           daily: every half-hour of the opening hours (8:30–17:15), for the charts; monthly:
 *                            empty
 * @param days                monthly: one row per open day (and any closed day with calls) up to {@code to};
 *                            daily: empty
 * @param sections            one per {@link ReportContribution} bean, in their order
 * @param generatedAt         when the content was computed
 */
public record Report(ReportKind kind, String period, LocalDate from, LocalDate to, boolean complete,
		String definition, boolean gap, long received, long answered, Double answerRate, double target,
		Boolean meetsTarget, long abandoned, long timedOut, long refused, long excluded, long outOfHours,
		Double averageWaitSeconds, Double longestWaitSeconds, Double answeredWithinShare, int serviceLevelSeconds, List<Figures> halfDays,
		List<Figures> hours, List<Figures> halfHours, List<Figures> days, List<Section> sections, Instant generatedAt) {

	/**
	 * The figures of one half-day, hour or day.
	 *
	 * @param period the period's key ({@code 2026-11-24 AM}, {@code 2026-11-24T09}, {@code 2026-11-24T09:30},
	 *               {@code 2026-11-24})
	 * @param label  its Japanese label (午前, 9時台, 9:30, 11月24日(火))
	 * @param gap    true if it overlaps a gap in the telephony data
	 */
	public record Figures(String period, String label, long received, long answered, Double answerRate,
			long abandoned, long timedOut, long refused, long outOfHours, Double averageWaitSeconds,
			Double longestWaitSeconds, Double answeredWithinShare, boolean gap) {
	}

	/**
	 * One contributed section.
	 *
	 * @param key   {@link ReportContribution#key()}
	 * @param title {@link ReportContribution#title()}
	 * @param order {@link ReportContribution#order()}
	 * @param lines its lines; empty if it failed
	 * @param error null, or why the section could not be computed (the report is still delivered, saying so)
	 */
	public record Section(String key, String title, int order, List<ReportContribution.ReportLine> lines,
			String error) {

		/**
		 * The section's 合計: the sum of its {@link ReportContribution.ReportLine.Part parts}, nothing else; null for a
		 * section without parts (it has no total).
		 */
		@JsonProperty("total")
		public Long total() {
			if (lines.stream().noneMatch(l -> l instanceof ReportContribution.ReportLine.Part)) {
				return null;
			}
			return lines.stream().filter(l -> l instanceof ReportContribution.ReportLine.Part)
					.mapToLong(l -> ((ReportContribution.ReportLine.Part) l).count()).sum();
		}
	}
}
