package jp.ikiiki.desk.telephony;

import java.time.Instant;

/**
 * Call figures for one period, computed from the raw call records under a named answer-rate definition
 * (第6章2 ※1). Counts other than {@code outOfHours} are of calls received in opening hours.
 *
 * @param period                 the period's label: {@code 2026-11-24}, {@code 2026-11-24 AM}, {@code 2026-11-24T09}
 * @param start                  its first instant
 * @param end                    the instant after it
 * @param received               受電数 under the definition (refused calls included)
 * @param answered               応答数
 * @param abandoned              abandons that count as received under the definition
 * @param timedOut               calls that left the queue on its timeout
 * @param refused                calls refused by the line limit
 * @param excluded               in-hours calls the definition leaves out of {@code received} (e.g. short abandons)
 * @param outOfHours             calls that arrived outside opening hours (any outcome); shown apart, not received
 * @param answerRate             answered ÷ received, 0..1; null when nothing was received
 * @param target                 the contract's floor for the answer rate (0.9)
 * @param meetsTarget            answerRate ≥ target; null when nothing was received
 * @param averageWaitSeconds     mean queue wait of received calls that queued; null if none
 * @param longestWaitSeconds     longest queue wait of received calls; null if none
 * @param answeredWithinShare    calls answered within the definition's service-level seconds ÷ received; null
 *                               when nothing was received
 * @param serviceLevelSeconds    that threshold (20 s by default)
 * @param definition             the name of the answer-rate definition that produced these figures
 * @param gap                    true if the period overlaps a gap in the telephony data: figures may be incomplete
 */
public record CallStats(String period, Instant start, Instant end, long received, long answered, long abandoned,
		long timedOut, long refused, long excluded, long outOfHours, Double answerRate, double target,
		Boolean meetsTarget, Double averageWaitSeconds, Double longestWaitSeconds, Double answeredWithinShare,
		int serviceLevelSeconds, String definition, boolean gap) {
}
