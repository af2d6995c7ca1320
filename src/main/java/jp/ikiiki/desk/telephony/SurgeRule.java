package jp.ikiiki.desk.telephony;

import java.util.List;

/**
 * The surge of calls after a dispatch of one kind (第6章2 ※1), by open day after the dispatch: extra calls per 1,000
 * pieces, measured over past dispatches or, without any, the default derived from the contract's line table.
 *
 * <p>Measured: for each past dispatch with a known size whose following open days have passed, the baseline is the
 * median of the calls received per open day over the open days before it; the excess on the n-th open day after it
 * is the calls of that day minus the baseline (never below 0). The rule for day n is 1,000 × the sum of the
 * excesses on day n over the sum of the pieces, over every such dispatch of the kind in the last year; a kind without
 * such a dispatch takes the rule of every kind together, and without any the contract default.
 *
 * @param kind         the dispatch kind the rule is for; {@code *} for every kind together
 * @param basis        where it comes from
 * @param dispatches   past dispatches measured (0 for the default)
 * @param pieces       their pieces together (0 for the default)
 * @param perThousand  extra calls per 1,000 pieces on the 1st, 2nd, … open day after a dispatch
 */
public record SurgeRule(String kind, Basis basis, int dispatches, long pieces, List<Double> perThousand) {

	/** Every kind together. */
	public static final String ALL_KINDS = "*";

	/** Where a rule comes from. */
	public enum Basis {
		/** Past dispatches of the same kind. */
		HISTORY_OF_KIND,
		/** Past dispatches of every kind together (none of this kind yet). */
		HISTORY_OF_ALL_KINDS,
		/** No past dispatch measured: the default from the contract's line table (第6章2). */
		CONTRACT_DEFAULT
	}

	public SurgeRule {
		perThousand = List.copyOf(perThousand);
	}

	/** Extra calls per 1,000 pieces on the n-th open day after a dispatch (1-based); 0 beyond the rule's days. */
	public double onDay(int n) {
		return n < 1 || n > perThousand.size() ? 0 : perThousand.get(n - 1);
	}

	/** Extra calls per 1,000 pieces over all the rule's days. */
	public double total() {
		return perThousand.stream().mapToDouble(Double::doubleValue).sum();
	}
}
