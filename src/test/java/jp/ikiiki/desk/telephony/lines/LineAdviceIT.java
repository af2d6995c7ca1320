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
}
