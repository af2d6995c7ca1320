package jp.ikiiki.desk.telephony.lines;

/**
 * The call centre as a Markov queue (M/M/N/K+M, "Erlang A" with a finite number of lines): calls arrive at rate
 * λ, a call finding all K lines taken is refused, admitted calls wait for one of N agents (N ≤ K), are handled in
 * exponential time of mean 1/μ and give up after exponential patience of mean 1/θ. Solved exactly as a
 * birth-death chain over the calls in the system. With θ = 0 and K large it is Erlang C; with K = N Erlang B.
 *
 * <p>Answer rate = answered / received (第6章2 ※1: 応答数／受電数), refused and abandoned calls counting as received
 * and not answered.
 */
final class ErlangQueue {

	/**
	 * The outcome of one configuration.
	 *
	 * @param refused    share of calls refused (all lines taken)
	 * @param abandoned  share of calls that gave up waiting
	 * @param answerRate share of calls answered
	 * @param waitProbability share of admitted calls that had to wait for an agent
	 */
	record Result(double refused, double abandoned, double answerRate, double waitProbability) {
	}

	private ErlangQueue() {
	}

	/**
	 * @param arrivalsPerHour λ, calls per hour, ≥ 0
	 * @param handlingSeconds mean handling (talk) time, &gt; 0
	 * @param patienceSeconds mean time a caller waits before giving up; {@code Double.POSITIVE_INFINITY} for none
	 * @param agents          N ≥ 1
	 * @param lines           K ≥ N
	 */
	static Result solve(double arrivalsPerHour, double handlingSeconds, double patienceSeconds, int agents,
			int lines) {
		if (agents < 1 || lines < agents || handlingSeconds <= 0 || arrivalsPerHour < 0 || patienceSeconds <= 0) {
			throw new IllegalArgumentException("need agents ≥ 1, lines ≥ agents, positive times");
		}
		if (arrivalsPerHour == 0) {
			return new Result(0, 0, 1, 0);
		}
		double lambda = arrivalsPerHour / 3600.0;
		double mu = 1.0 / handlingSeconds;
		double theta = Double.isInfinite(patienceSeconds) ? 0 : 1.0 / patienceSeconds;
		double[] p = new double[lines + 1];
		p[0] = 1;
		for (int k = 1; k <= lines; k++) {
			double death = mu * Math.min(k, agents) + theta * Math.max(k - agents, 0);
			p[k] = p[k - 1] * lambda / death;
			if (p[k] > 1e200) {
				for (int i = 0; i <= k; i++) {
					p[i] *= 1e-200;
				}
			}
		}
		double sum = 0;
		for (double v : p) {
			sum += v;
		}
		double queue = 0;
		double waiting = 0;
		for (int k = 0; k <= lines; k++) {
			p[k] /= sum;
			if (k > agents) {
				queue += (k - agents) * p[k];
			}
			if (k >= agents && k < lines) {
				waiting += p[k];
			}
		}
		double refused = p[lines];
		double abandoned = theta * queue / lambda;
		double admitted = 1 - refused;
		return new Result(refused, abandoned, Math.max(0, admitted - abandoned),
				admitted == 0 ? 0 : waiting / admitted);
	}

	/** Erlang B: the share of calls refused with N lines, all answered at once, offered A erlangs. */
	static double erlangB(int servers, double erlangs) {
		double b = 1;
		for (int n = 1; n <= servers; n++) {
			b = erlangs * b / (n + erlangs * b);
		}
		return b;
	}

	/** Erlang C: the probability of waiting with N agents and unlimited lines, offered A &lt; N erlangs. */
	static double erlangC(int agents, double erlangs) {
		if (erlangs >= agents) {
			return 1;
		}
		double b = erlangB(agents, erlangs);
		return agents * b / (agents - erlangs * (1 - b));
	}

	/** A number of agents and lines. */
	record Staffing(int agents, int lines) {
	}

	/**
	 * The fewest agents, and for them the fewest lines, that keep the answer rate at or above the target.
	 *
	 * @param maxLines search no further than this many lines
	 * @return the staffing, or null when no configuration up to maxLines reaches the target
	 */
	static Staffing smallest(double arrivalsPerHour, double handlingSeconds, double patienceSeconds, double target,
			int maxLines) {
		for (int agents = 1; agents <= maxLines; agents++) {
			if (solve(arrivalsPerHour, handlingSeconds, patienceSeconds, agents, maxLines).answerRate() < target) {
				continue; // more lines only help, so none will do for this many agents
			}
			for (int lines = agents; lines <= maxLines; lines++) {
				if (solve(arrivalsPerHour, handlingSeconds, patienceSeconds, agents, lines).answerRate() >= target) {
					return new Staffing(agents, lines);
				}
			}
		}
		return null;
	}
}
