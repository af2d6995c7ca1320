package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.JapanTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.junit.jupiter.api.Test;

class StatsCalculatorTest {

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);
	static final AnswerRateProperties.Definition CONTRACT = new AnswerRateProperties.Definition("contract",
			Duration.ZERO, Duration.ofSeconds(20));
	static final AnswerRateProperties.Definition SHORT = new AnswerRateProperties.Definition(
			"excluding-short-abandons", Duration.ofSeconds(5), Duration.ofSeconds(20));

	static StatsCalculator.Row row(String tokyoTime, CallOutcome outcome, boolean inHours, String wait) {
		return new StatsCalculator.Row(DAY.atTime(LocalTime.parse(tokyoTime)).atZone(JapanTime.ZONE).toInstant(),
				outcome, inHours, wait == null ? null : new BigDecimal(wait));
	}

	static final List<StatsCalculator.Row> ROWS = List.of(
			row("09:00", CallOutcome.ANSWERED, true, "10"),
			row("09:10", CallOutcome.ANSWERED, true, "30"),
			row("09:20", CallOutcome.ABANDONED, true, "3"),
			row("10:00", CallOutcome.REFUSED, true, "0"),
			row("13:00", CallOutcome.ANSWERED, true, "5"),
			row("13:30", CallOutcome.TIMEOUT, true, "30"),
			row("13:40", CallOutcome.ABANDONED, true, "8"),
			row("18:00", CallOutcome.ANSWERED, false, "2"));

	List<CallStats> stats(StatsPeriod by, AnswerRateProperties.Definition definition, List<StatsCalculator.Gap> gaps) {
		return StatsCalculator.compute(StatsCalculator.periods(DAY, DAY, by, LocalTime.NOON), ROWS, definition, gaps,
				Instant.parse("2026-11-25T00:00:00Z"));
	}

	@Test
	void refused_and_abandoned_calls_count_as_received_and_not_answered_and_out_of_hours_calls_apart() {
		CallStats day = stats(StatsPeriod.DAY, CONTRACT, List.of()).get(0);

		assertThat(day.period()).isEqualTo("2026-11-24");
		assertThat(day.received()).isEqualTo(7);
		assertThat(day.answered()).isEqualTo(3);
		assertThat(day.abandoned()).isEqualTo(2);
		assertThat(day.timedOut()).isEqualTo(1);
		assertThat(day.refused()).isEqualTo(1);
		assertThat(day.outOfHours()).isEqualTo(1);
		assertThat(day.answerRate()).isEqualTo(3.0 / 7);
		assertThat(day.meetsTarget()).isFalse();
		assertThat(day.definition()).isEqualTo("contract");
		// waits of received calls that queued: 10, 30, 3, 5, 30, 8
		assertThat(day.averageWaitSeconds()).isCloseTo(86.0 / 6, within(0.001));
		assertThat(day.longestWaitSeconds()).isEqualTo(30.0);
		// answered within 20 s: the 10 s and 5 s ones, of 7 received
		assertThat(day.answeredWithinShare()).isEqualTo(2.0 / 7);
		assertThat(day.gap()).isFalse();
	}

	@Test
	void a_named_definition_leaves_short_abandons_out_and_says_so() {
		CallStats day = stats(StatsPeriod.DAY, SHORT, List.of()).get(0);

		assertThat(day.received()).isEqualTo(6);
		assertThat(day.excluded()).isEqualTo(1);
		assertThat(day.abandoned()).isEqualTo(1);
		assertThat(day.answerRate()).isEqualTo(3.0 / 6);
		assertThat(day.definition()).isEqualTo("excluding-short-abandons");
	}

	@Test
	void half_days_split_at_the_boundary_and_hours_cover_the_whole_day() {
		List<CallStats> halves = stats(StatsPeriod.HALF_DAY, CONTRACT, List.of());
		assertThat(halves).extracting(CallStats::period).containsExactly("2026-11-24 AM", "2026-11-24 PM");
		assertThat(halves).extracting(CallStats::received).containsExactly(4L, 3L);
		assertThat(halves.get(1).outOfHours()).isEqualTo(1);

		List<CallStats> hours = stats(StatsPeriod.HOUR, CONTRACT, List.of());
		assertThat(hours).hasSize(24);
		assertThat(hours.get(9).period()).isEqualTo("2026-11-24T09");
		assertThat(hours.get(9).received()).isEqualTo(3);
		assertThat(hours.get(8).received()).isZero();
		assertThat(hours.get(8).answerRate()).isNull();
	}

	@Test
	void a_period_overlapping_a_gap_is_flagged_and_an_open_gap_reaches_until_now() {
		Instant lost = DAY.atTime(13, 5).atZone(JapanTime.ZONE).toInstant();
		List<CallStats> closed = stats(StatsPeriod.HALF_DAY, CONTRACT,
				List.of(new StatsCalculator.Gap(lost, lost.plusSeconds(60))));
		assertThat(closed).extracting(CallStats::gap).containsExactly(false, true);

		List<CallStats> open = StatsCalculator.compute(
				StatsCalculator.periods(DAY, DAY.plusDays(2), StatsPeriod.DAY, LocalTime.NOON), ROWS, CONTRACT,
				List.of(new StatsCalculator.Gap(lost, null)), Instant.parse("2026-11-25T03:00:00Z"));
		assertThat(open).extracting(CallStats::gap).containsExactly(true, true, false);
	}
}
