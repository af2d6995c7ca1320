package jp.ikiiki.desk.telephony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.DailyCallStats;
import org.junit.jupiter.api.Test;

class WallboardChartsTest {

	private static DailyCallStats day(List<CallStats> halfHours) {
		CallStats any = halfHours.get(0);
		return new DailyCallStats(any, List.of(any), halfHours);
	}

	private static List<CallStats> halfHours() {
		return jp.ikiiki.desk.telephony.CallChartsTest.halfHours();
	}

	@Test
	void a_refresh_with_the_same_figures_in_the_same_half_hour_draws_nothing_and_hands_out_the_same_svg() {
		WallboardCharts charts = new WallboardCharts();
		Instant at = jp.ikiiki.desk.telephony.CallChartsTest.tokyo(9, 40);

		WallboardCharts.Svg first = charts.of(day(halfHours()), at, WallboardCharts.Size.CONSOLE);
		WallboardCharts.Svg second = charts.of(day(halfHours()), at.plusSeconds(1), WallboardCharts.Size.CONSOLE);

		assertThat(second).isSameAs(first);
		assertThat(charts.renderings()).isEqualTo(1);
	}

	@Test
	void a_new_call_or_a_new_half_hour_draws_again_and_each_size_is_kept_apart() {
		WallboardCharts charts = new WallboardCharts();
		Instant at = jp.ikiiki.desk.telephony.CallChartsTest.tokyo(9, 40);
		WallboardCharts.Svg first = charts.of(day(halfHours()), at, WallboardCharts.Size.CONSOLE);

		List<CallStats> more = new ArrayList<>(halfHours());
		CallStats s = more.get(19);
		more.set(19, new CallStats(s.period(), s.start(), s.end(), 11, 8, 2, 0, 1, 0, 0, 8 / 11.0, 0.9, false, null,
				null, null, 20, "contract", false));
		WallboardCharts.Svg afterCall = charts.of(day(more), at, WallboardCharts.Size.CONSOLE);
		WallboardCharts.Svg nextHalfHour = charts.of(day(more), at.plusSeconds(30 * 60),
				WallboardCharts.Size.CONSOLE);
		WallboardCharts.Svg tv = charts.of(day(more), at.plusSeconds(30 * 60), WallboardCharts.Size.TV);
		WallboardCharts.Svg tvAgain = charts.of(day(more), at.plusSeconds(30 * 60 + 5), WallboardCharts.Size.TV);

		assertThat(afterCall.answerRate()).isNotEqualTo(first.answerRate());
		assertThat(nextHalfHour).isNotSameAs(afterCall);
		assertThat(tv).isNotSameAs(nextHalfHour);
		assertThat(tvAgain).isSameAs(tv);
		assertThat(charts.renderings()).isEqualTo(4);
	}
}
