package jp.ikiiki.desk.telephony;

/**
 * The extra calls one dispatch is expected to bring on one open day after it (第6章2 ※1), as the line advice
 * reasons: {@code extraCalls = pieces / 1,000 × callsPerThousand}.
 *
 * @param dispatch         the dispatch
 * @param openDaysAfter    which open day after the dispatch day this is (1 = the first open day after it)
 * @param callsPerThousand extra calls per 1,000 pieces on that day after a dispatch, by {@code rule}
 * @param extraCalls       the extra calls expected on the whole day (both halves)
 * @param rule             where {@code callsPerThousand} comes from
 */
public record DispatchSurge(PlannedDispatches.Dispatch dispatch, int openDaysAfter, double callsPerThousand,
		double extraCalls, SurgeRule rule) {
}
