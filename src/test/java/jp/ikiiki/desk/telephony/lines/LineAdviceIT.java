package jp.ikiiki.desk.telephony.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.HalfDayCalls;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.PlannedDispatches;
import jp.ikiiki.desk.telephony.SurgeRule;
import jp.ikiiki.desk.telephony.DispatchOutlook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

/** Line advice from a call history the test lists (lines and agents per half-day for a 90 % answer rate, 第6章2 ※1). */
@SpringBootTest
@Import(LinesTestSupport.class)
@WithMockUser(username = "floor1", roles = "FLOOR_MANAGER")
class LineAdviceIT {

	@Autowired
	ApplicationContext context;
	@Autowired
	LineAdvisor advisor;
	@Autowired
	BusinessCalendar calendar;
	@Autowired
	LinesTestSupport.ListedCallArrivals history;
	@Autowired
	LinesTestSupport.ListedDispatches schedule;

	@BeforeEach
	void reset() {
		LinesFixtures.reset(context);
	}

	@Test
	void no_calls_in_the_history_no_advice() {
		assertThat(advisor.advice(LocalDate.of(2026, 11, 24), 2)).isEmpty();
	}

	@Test
	void advice_averages_the_same_half_of_the_last_twenty_open_days() {
		// Before 2026-11-25: every open day of the 20 before it had 42 calls in the morning (3.5 h: 12 per hour)
		// and 105 in the afternoon (5.25 h: 20 per hour); answered calls talk 150 s; abandoned callers waited 40 s.
		// A day further back with a flood of calls lies outside the 20 days and must not count.
		int counted = 0;
		for (LocalDate d = LocalDate.of(2026, 11, 24); counted < 21; d = d.minusDays(1)) {
			if (!calendar.isOpenDay(d)) {
				continue;
			}
			counted++;
			int am = counted == 21 ? 4200 : 42;
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.AM), am, 40, 40 * 150, 2, 2 * 40));
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.PM), 105, 100, 100 * 150, 5, 5 * 40));
		}
		List<LineAdvice> advice = advisor.advice(LocalDate.of(2026, 11, 25), 2);
		assertThat(advice).extracting(LineAdvice::halfDay).containsExactly(
				new HalfDay(LocalDate.of(2026, 11, 25), HalfDay.Half.AM),
				new HalfDay(LocalDate.of(2026, 11, 25), HalfDay.Half.PM),
				new HalfDay(LocalDate.of(2026, 11, 26), HalfDay.Half.AM),
				new HalfDay(LocalDate.of(2026, 11, 26), HalfDay.Half.PM));
		LineAdvice morning = advice.get(0);
		assertThat(morning.pastHalfDays()).isEqualTo(20);
		assertThat(morning.received()).isEqualTo(20 * 42);
		assertThat(morning.callsPerHour()).isCloseTo(12.0, within(1e-9));
		assertThat(morning.handlingSeconds()).isCloseTo(150.0, within(1e-9));
		assertThat(morning.patienceSeconds()).isCloseTo(40.0, within(1e-9));
		assertThat(morning.target()).isEqualTo(0.9);
		ErlangQueue.Staffing best = ErlangQueue.smallest(12, 150, 40, 0.9, 200);
		assertThat(morning.agents()).isEqualTo(best.agents());
		assertThat(morning.lines()).isEqualTo(best.lines());
		assertThat(ErlangQueue.solve(12, 150, 40, morning.agents(), morning.lines()).answerRate())
				.isGreaterThanOrEqualTo(0.9);
		assertThat(morning.scheduledLines()).isEqualTo(5);
		assertThat(morning.scheduledAnswerRate()).isCloseTo(ErlangQueue.solve(12, 150, 40, 5, 5).answerRate(),
				within(1e-12));

		LineAdvice afternoon = advice.get(1);
		assertThat(afternoon.callsPerHour()).isCloseTo(20.0, within(1e-9));
		assertThat(afternoon.scheduledLines()).isEqualTo(2);
		// 20 calls an hour of 150 s is 0.83 erlangs: two lines answer less than 90 %, so more are advised.
		assertThat(afternoon.scheduledAnswerRate()).isLessThan(0.9);
		assertThat(afternoon.lines()).isGreaterThan(2);
	}

	/** Twenty open days before 2026-11-24 with 42 calls in the morning and 105 in the afternoon. */
	private void steadyHistory() {
		int counted = 0;
		for (LocalDate d = LocalDate.of(2026, 11, 20); counted < 20; d = d.minusDays(1)) {
			if (!calendar.isOpenDay(d)) {
				continue;
			}
			counted++;
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.AM), 42, 40, 40 * 150, 2, 2 * 40));
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.PM), 105, 100, 100 * 150, 5, 5 * 40));
		}
	}

	@Test
	void a_planned_dispatch_raises_the_open_days_after_it_by_the_contract_default_without_a_measured_one() {
		steadyHistory();
		// 10,000 booklets planned for Tue 24 Nov; no dispatch measured yet, so the contract default: 120 calls per
		// 1,000 pieces over 20 open days, declining in a straight line: day n gets 120 × 2 × (21 − n) / (20 × 21).
		schedule.dispatches.add(new PlannedDispatches.Dispatch(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24),
				"BOOKLET", "ポイント手帳（再交付分等）（下旬）", 10_000, false, false, false));
		List<LineAdvice> advice = advisor.advice(LocalDate.of(2026, 11, 24), 3);
		// the dispatch day itself is not raised
		assertThat(advice.get(0).dispatchCallsPerHour()).isZero();
		assertThat(advice.get(0).surges()).isEmpty();
		assertThat(advice.get(0).callsPerHour()).isCloseTo(12.0, within(1e-9));
		// Wed 25 Nov, the first open day after: 10 × 120 × 2 × 20 / 420 = 114.29 extra calls; the morning has
		// 42 of every 147 calls in 3.5 h, the afternoon 105 in 5.25 h
		double day1 = 10 * 120.0 * 2 * 20 / 420;
		LineAdvice morning = advice.get(2);
		assertThat(morning.halfDay()).isEqualTo(new HalfDay(LocalDate.of(2026, 11, 25), HalfDay.Half.AM));
		assertThat(morning.baseCallsPerHour()).isCloseTo(12.0, within(1e-9));
		assertThat(morning.dispatchCallsPerHour()).isCloseTo(day1 * 42 / 147 / 3.5, within(1e-9));
		assertThat(morning.callsPerHour()).isCloseTo(12.0 + day1 * 42 / 147 / 3.5, within(1e-9));
		assertThat(morning.surges()).singleElement().satisfies(s -> {
			assertThat(s.openDaysAfter()).isEqualTo(1);
			assertThat(s.extraCalls()).isCloseTo(day1, within(1e-9));
			assertThat(s.rule().basis()).isEqualTo(SurgeRule.Basis.CONTRACT_DEFAULT);
			assertThat(s.dispatch().pieces()).isEqualTo(10_000);
		});
		ErlangQueue.Staffing raised = ErlangQueue.smallest(12.0 + day1 * 42 / 147 / 3.5, 150, 40, 0.9, 200);
		assertThat(morning.lines()).isEqualTo(raised.lines());
		assertThat(morning.agents()).isEqualTo(raised.agents());
		assertThat(morning.lines()).isGreaterThan(ErlangQueue.smallest(12.0, 150, 40, 0.9, 200).lines());
		LineAdvice afternoon = advice.get(3);
		assertThat(afternoon.callsPerHour()).isCloseTo(20.0 + day1 * 105 / 147 / 5.25, within(1e-9));
		// Thu 26 Nov, the second open day after
		double day2 = 10 * 120.0 * 2 * 19 / 420;
		assertThat(advice.get(4).dispatchCallsPerHour()).isCloseTo(day2 * 42 / 147 / 3.5, within(1e-9));

		DispatchOutlook outlook = advisor.dispatches(LocalDate.of(2026, 11, 24), 3);
		assertThat(outlook.available()).isTrue();
		assertThat(outlook.surgeDays()).isEqualTo(20);
		assertThat(outlook.dispatches()).extracting(PlannedDispatches.Dispatch::pieces).containsExactly(10_000);
		assertThat(outlook.rules()).extracting(SurgeRule::basis).containsExactly(SurgeRule.Basis.CONTRACT_DEFAULT);
	}

	@Test
	void a_past_dispatch_measured_in_the_calls_sets_the_rule_of_its_kind() {
		// Booklets, 5,000 pieces on Thu 15 Oct: the ten open days before had 147 calls each, the open days after
		// 16, 19, 20 Oct had 347, 247, 197, then 147 again: excess 200, 100, 50 → 40, 20, 10 per 1,000 pieces on the
		// first three open days after; its twenty open days after end on 13 Nov, before the advice's first day.
		int counted = 0;
		for (LocalDate d = LocalDate.of(2026, 11, 20); !d.isBefore(LocalDate.of(2026, 9, 25)); d = d.minusDays(1)) {
			if (!calendar.isOpenDay(d)) {
				continue;
			}
			counted++;
			int extra = switch (d.toString()) {
				case "2026-10-16" -> 200;
				case "2026-10-19" -> 100;
				case "2026-10-20" -> 50;
				default -> 0;
			};
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.AM), 42, 40, 40 * 150, 2, 2 * 40));
			history.calls.add(new HalfDayCalls(new HalfDay(d, HalfDay.Half.PM), 105 + extra, 100, 100 * 150, 5,
					5 * 40));
		}
		assertThat(counted).isGreaterThan(20);
		schedule.dispatches.add(new PlannedDispatches.Dispatch(LocalDate.of(2026, 10, 15), null, "BOOKLET", "再交付",
				5_000, true, false, false));
		// 2,000 booklets planned for Tue 24 Nov: Wed 25 Nov gets 2 × 40 = 80 extra calls
		schedule.dispatches.add(new PlannedDispatches.Dispatch(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24),
				"BOOKLET", "再交付（下旬）", 2_000, false, false, false));
		List<LineAdvice> advice = advisor.advice(LocalDate.of(2026, 11, 25), 2);
		LineAdvice morning = advice.get(0);
		assertThat(morning.surges()).singleElement().satisfies(s -> {
			assertThat(s.rule().basis()).isEqualTo(SurgeRule.Basis.HISTORY_OF_KIND);
			assertThat(s.rule().dispatches()).isEqualTo(1);
			assertThat(s.rule().pieces()).isEqualTo(5_000);
			assertThat(s.callsPerThousand()).isCloseTo(40, within(1e-9));
			assertThat(s.extraCalls()).isCloseTo(80, within(1e-9));
		});
		// the extra calls go to the halves as the last 20 open days' calls did
		double morningShare = (double) morning.received() / (morning.received() + advice.get(1).received());
		assertThat(morning.dispatchCallsPerHour()).isCloseTo(80 * morningShare / 3.5, within(1e-9));
		assertThat(advice.get(2).surges()).singleElement()
				.satisfies(s -> assertThat(s.extraCalls()).isCloseTo(2 * 20, within(1e-9)));
	}
}
