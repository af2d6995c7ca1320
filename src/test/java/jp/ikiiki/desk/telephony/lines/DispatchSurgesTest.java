package jp.ikiiki.desk.telephony.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.DispatchSurge;
import jp.ikiiki.desk.telephony.HalfDayCalls;
import jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch;
import jp.ikiiki.desk.telephony.SurgeRule;
import org.junit.jupiter.api.Test;

/**
 * The surge after dispatches (第6章2 ※1), recomputed by hand: the open days are written out from the city's calendar
 * of October and November 2026 (12 October スポーツの日 and 3 November 文化の日 closed), the baselines and excesses
 * worked out in the comments.
 */
class DispatchSurgesTest {

	final DispatchSurges surges = new DispatchSurges(new BusinessCalendar(CalendarProperties.defaults()), 5, 5, 120);
	final List<HalfDayCalls> calls = new ArrayList<>();

	/** One open day's calls, split 40 % / 60 % between the halves (only the day's sum matters). */
	void day(int month, int dayOfMonth, int received) {
		LocalDate d = LocalDate.of(2026, month, dayOfMonth);
		int am = received * 2 / 5;
		calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.AM), am, am, 0, 0, 0));
		calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.PM), received - am, received - am, 0, 0, 0));
	}

	static Dispatch made(LocalDate on, String kind, int pieces) {
		return new Dispatch(on, null, kind, kind, pieces, true, false, false);
	}

	static Dispatch planned(LocalDate on, String kind, int pieces) {
		return new Dispatch(on, on, kind, kind, pieces, false, false, false);
	}

	Map<String, SurgeRule> measured() {
		// Booklets, 2,000 pieces on Thu 15 Oct. Baseline: the five open days before, 7, 8, 9, 13, 14 Oct (12 Oct is
		// a holiday) with 50, 100, 98, 102, 100 calls: median 100. After: 16, 19, 20, 21, 22 Oct with 160, 140, 120,
		// 110, 95 calls: excess 60, 40, 20, 10, 0.
		day(10, 7, 50);
		day(10, 8, 100);
		day(10, 9, 98);
		day(10, 13, 102);
		day(10, 14, 100);
		day(10, 15, 100);
		day(10, 16, 160);
		day(10, 19, 140);
		day(10, 20, 120);
		day(10, 21, 110);
		day(10, 22, 95);
		// Decisions, 1,000 pieces on Fri 30 Oct. Baseline: 23, 26, 27, 28, 29 Oct with 100 each. After: 2, 4, 5, 6,
		// 9 Nov (3 Nov is a holiday) with 130, 110, 100, 100, 90: excess 30, 10, 0, 0, 0.
		for (int d : new int[] { 23, 26, 27, 28, 29, 30 }) {
			day(10, d, 100);
		}
		day(11, 2, 130);
		day(11, 4, 110);
		day(11, 5, 100);
		day(11, 6, 100);
		day(11, 9, 90);
		List<Dispatch> past = List.of(made(LocalDate.of(2026, 10, 15), "BOOKLET", 2000),
				made(LocalDate.of(2026, 10, 30), "DECISION", 1000),
				// planned, never made: not a measurement
				planned(LocalDate.of(2026, 10, 20), "BOOKLET", 50_000),
				// its fifth open day after (11 Nov) is not before 10 Nov: its surge has not run its course
				made(LocalDate.of(2026, 11, 4), "BOOKLET", 9000),
				// no call recorded around it at all: the centre was not recording
				made(LocalDate.of(2026, 6, 10), "BOOKLET", 7000));
		return surges.rules(calls, past, LocalDate.of(2026, 11, 10));
	}

	@Test
	void the_rule_of_a_kind_is_its_excess_over_the_median_of_the_days_before_per_thousand_pieces() {
		Map<String, SurgeRule> rules = measured();
		SurgeRule booklets = rules.get("BOOKLET");
		assertThat(booklets.basis()).isEqualTo(SurgeRule.Basis.HISTORY_OF_KIND);
		assertThat(booklets.dispatches()).isEqualTo(1);
		assertThat(booklets.pieces()).isEqualTo(2000);
		// 60, 40, 20, 10, 0 extra calls after 2,000 pieces
		assertThat(booklets.perThousand()).containsExactly(30.0, 20.0, 10.0, 5.0, 0.0);
		SurgeRule decisions = rules.get("DECISION");
		assertThat(decisions.perThousand()).containsExactly(30.0, 10.0, 0.0, 0.0, 0.0);
	}

	@Test
	void a_kind_never_measured_takes_the_rule_of_every_kind_together() {
		Map<String, SurgeRule> rules = measured();
		SurgeRule all = DispatchSurges.ruleFor("NOTICE", rules);
		assertThat(all.kind()).isEqualTo(SurgeRule.ALL_KINDS);
		assertThat(all.basis()).isEqualTo(SurgeRule.Basis.HISTORY_OF_ALL_KINDS);
		assertThat(all.dispatches()).isEqualTo(2);
		assertThat(all.pieces()).isEqualTo(3000);
		// (60 + 30, 40 + 10, 20, 10, 0) extra calls after 3,000 pieces
		double[] expected = { 90 / 3.0, 50 / 3.0, 20 / 3.0, 10 / 3.0, 0 };
		for (int n = 1; n <= 5; n++) {
			assertThat(all.onDay(n)).isCloseTo(expected[n - 1], within(1e-9));
		}
		assertThat(all.onDay(6)).isZero();
	}

	@Test
	void without_a_measured_dispatch_the_contract_default_declines_in_a_straight_line() {
		Map<String, SurgeRule> rules = surges.rules(List.of(), List.of(made(LocalDate.of(2026, 10, 1), "BOOKLET", 5000)),
				LocalDate.of(2026, 11, 10));
		SurgeRule rule = DispatchSurges.ruleFor("BOOKLET", rules);
		assertThat(rule.basis()).isEqualTo(SurgeRule.Basis.CONTRACT_DEFAULT);
		// 120 per 1,000 pieces over five open days as 5 : 4 : 3 : 2 : 1
		assertThat(rule.perThousand()).hasSize(5);
		double[] expected = { 40, 32, 24, 16, 8 };
		for (int n = 1; n <= 5; n++) {
			assertThat(rule.onDay(n)).isCloseTo(expected[n - 1], within(1e-9));
		}
		assertThat(rule.total()).isCloseTo(120, within(1e-9));
	}

	@Test
	void the_surge_counts_open_days_after_the_dispatch_and_skips_closed_ones() {
		LocalDate friday = LocalDate.of(2026, 10, 30);
		assertThat(surges.openDaysBetween(friday, friday)).isZero();
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 10, 31))).isZero(); // Saturday
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 11, 2))).isEqualTo(1);
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 11, 3))).isZero(); // 文化の日
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 11, 4))).isEqualTo(2);
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 11, 9))).isEqualTo(5);
		assertThat(surges.openDaysBetween(friday, LocalDate.of(2026, 11, 10))).isZero(); // beyond five open days
		// a dispatch on Fri 30 Oct still raises Mon 9 Nov, the fifth open day after it; one on Thu 29 Oct does not
		assertThat(surges.earliestReaching(LocalDate.of(2026, 11, 9))).isEqualTo(LocalDate.of(2026, 10, 30));
	}

	@Test
	void planned_dispatches_raise_the_days_after_them_by_their_pieces_and_their_kind_rule() {
		Map<String, SurgeRule> rules = measured();
		LocalDate thursday = LocalDate.of(2026, 11, 12);
		List<Dispatch> schedule = List.of(planned(thursday, "BOOKLET", 4000), planned(thursday, "NOTICE", 3000),
				planned(thursday, "DECISION", 0));
		// Fri 13 Nov, first open day after: booklets 4 × 30 = 120, notices 3 × 30 (every kind's rule) = 90; the
		// dispatch of unknown size raises nothing
		List<DispatchSurge> friday = surges.on(LocalDate.of(2026, 11, 13), schedule, rules);
		assertThat(friday).extracting(s -> s.dispatch().kind(), DispatchSurge::openDaysAfter)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("BOOKLET", 1),
						org.assertj.core.groups.Tuple.tuple("NOTICE", 1));
		assertThat(friday.get(0).extraCalls()).isCloseTo(120, within(1e-9));
		assertThat(friday.get(1).extraCalls()).isCloseTo(90, within(1e-9));
		assertThat(friday.get(1).rule().basis()).isEqualTo(SurgeRule.Basis.HISTORY_OF_ALL_KINDS);
		// Mon 16 Nov, second open day after: booklets 4 × 20 = 80, notices 3 × 50 / 3 = 50
		List<DispatchSurge> monday = surges.on(LocalDate.of(2026, 11, 16), schedule, rules);
		assertThat(monday.stream().mapToDouble(DispatchSurge::extraCalls).sum()).isCloseTo(130, within(1e-9));
		// the day of the dispatch itself and a Saturday are not raised
		assertThat(surges.on(thursday, schedule, rules)).isEmpty();
		assertThat(surges.on(LocalDate.of(2026, 11, 14), schedule, rules)).isEmpty();
		// Thu 19 Nov, the fifth open day after: both rules measured nothing that day, so nothing is added or listed
		assertThat(surges.on(LocalDate.of(2026, 11, 19), schedule, rules)).isEmpty();
	}
}
