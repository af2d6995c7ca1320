package jp.ikiiki.desk.telephony;

import java.util.List;
import jp.ikiiki.desk.calendar.HalfDay;

/**
 * Lines and agents an upcoming half-day needs to keep the answer rate at the target (第6章2 ※1: 9割), from a
 * forecast over past half-days, by an Erlang A model with a finite number of lines (callers refused when all
 * lines are taken, callers who give up while waiting).
 *
 * @param halfDay            the half-day advised
 * @param pastHalfDays       how many past half-days (same half, open days) the forecast averages
 * @param received           calls received in those half-days
 * @param callsPerHour       the forecast arrival rate: {@code baseCallsPerHour + dispatchCallsPerHour}
 * @param handlingSeconds    the forecast mean talk time (a default when nothing was answered)
 * @param patienceSeconds    the forecast mean patience (a default when nobody gave up)
 * @param target             the answer rate to keep, e.g. 0.9
 * @param agents             agents needed; null when the target cannot be reached within the line maximum
 * @param lines              lines needed with that many agents; null likewise
 * @param scheduledLines     lines the schedule holds for the half-day; null when none
 * @param scheduledAnswerRate answer rate forecast with the scheduled lines, one agent per line; null without lines
 * @param baseCallsPerHour   the arrival rate averaged over the past half-days
 * @param dispatchCallsPerHour the extra arrival rate expected from dispatches (第6章2 ※1: 発送スケジュールを踏まえ):
 *                           the half's share of the day's extra calls of {@code surges}, per open hour of the half
 * @param surges             the dispatches that raise the forecast on this day and by how much (whole day)
 */
public record LineAdvice(HalfDay halfDay, int pastHalfDays, int received, double callsPerHour,
		double handlingSeconds, double patienceSeconds, double target, Integer agents, Integer lines,
		Integer scheduledLines, Double scheduledAnswerRate, double baseCallsPerHour, double dispatchCallsPerHour,
		List<DispatchSurge> surges) {

	public LineAdvice {
		surges = List.copyOf(surges);
	}
}
