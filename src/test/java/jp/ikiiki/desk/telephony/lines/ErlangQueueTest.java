package jp.ikiiki.desk.telephony.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangQueueTest {

	@Test
	void erlang_b_matches_published_values() {
		// Erlang B tables: 5 servers, 3 erlangs → 0.1101; 10 servers, 5 erlangs → 0.01838; 1 server, 1 erlang → 0.5
		assertThat(ErlangQueue.erlangB(5, 3)).isCloseTo(0.11005, within(1e-5));
		assertThat(ErlangQueue.erlangB(10, 5)).isCloseTo(0.018385, within(1e-5));
		assertThat(ErlangQueue.erlangB(1, 1)).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void erlang_c_matches_closed_forms() {
		// M/M/3 with 2 erlangs: P(wait) = 4/9; M/M/1 with load ρ: P(wait) = ρ.
		assertThat(ErlangQueue.erlangC(3, 2)).isCloseTo(4.0 / 9, within(1e-12));
		assertThat(ErlangQueue.erlangC(1, 0.7)).isCloseTo(0.7, within(1e-12));
		// By the textbook sum (A^N/N!·N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N!·N/(N−A)): 25 agents, 20 erlangs → 0.209103;
		// 10 agents, 8 erlangs → 0.409180.
		assertThat(ErlangQueue.erlangC(25, 20)).isCloseTo(0.209103, within(1e-6));
		assertThat(ErlangQueue.erlangC(10, 8)).isCloseTo(0.409180, within(1e-6));
	}

	@Test
	void with_as_many_lines_as_agents_the_queue_is_erlang_b() {
		// 3 erlangs = 108 calls per hour of 100 s.
		ErlangQueue.Result r = ErlangQueue.solve(108, 100, Double.POSITIVE_INFINITY, 5, 5);
		assertThat(r.refused()).isCloseTo(ErlangQueue.erlangB(5, 3), within(1e-12));
		assertThat(r.abandoned()).isZero();
		assertThat(r.answerRate()).isCloseTo(1 - ErlangQueue.erlangB(5, 3), within(1e-12));
	}

	@Test
	void with_patient_callers_and_many_lines_the_queue_is_erlang_c() {
		// 2 erlangs = 72 calls per hour of 100 s, 3 agents, 200 lines.
		ErlangQueue.Result r = ErlangQueue.solve(72, 100, Double.POSITIVE_INFINITY, 3, 200);
		assertThat(r.waitProbability()).isCloseTo(4.0 / 9, within(1e-9));
		assertThat(r.answerRate()).isCloseTo(1, within(1e-9));
	}

	@Test
	void impatient_callers_abandon_and_the_shares_add_up() {
		ErlangQueue.Result r = ErlangQueue.solve(72, 100, 30, 2, 6);
		assertThat(r.abandoned()).isGreaterThan(0);
		assertThat(r.refused()).isGreaterThan(0);
		assertThat(r.refused() + r.abandoned() + r.answerRate()).isCloseTo(1, within(1e-12));
		// Erlang A with one agent and one waiting place (K = 2), λ = μ = θ: π ∝ 1, 1, 1/2; refused = 0.2,
		// abandoned = θ·π2/λ = 0.2, answered 0.6.
		ErlangQueue.Result m = ErlangQueue.solve(36, 100, 100, 1, 2);
		assertThat(m.refused()).isCloseTo(0.2, within(1e-12));
		assertThat(m.abandoned()).isCloseTo(0.2, within(1e-12));
		assertThat(m.answerRate()).isCloseTo(0.6, within(1e-12));
	}

	@Test
	void the_smallest_configuration_reaches_the_target_and_one_agent_less_does_not() {
		ErlangQueue.Staffing best = ErlangQueue.smallest(120, 180, 60, 0.9, 60);
		assertThat(best).isNotNull();
		int agents = best.agents();
		int lines = best.lines();
		assertThat(ErlangQueue.solve(120, 180, 60, agents, lines).answerRate()).isGreaterThanOrEqualTo(0.9);
		assertThat(ErlangQueue.solve(120, 180, 60, agents - 1, 60).answerRate()).isLessThan(0.9);
		if (lines > agents) {
			assertThat(ErlangQueue.solve(120, 180, 60, agents, lines - 1).answerRate()).isLessThan(0.9);
		}
		// 6 erlangs need more than 6 agents at 90 %.
		assertThat(agents).isGreaterThan(6);
	}
}
