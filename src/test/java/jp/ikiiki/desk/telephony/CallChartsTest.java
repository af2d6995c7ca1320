package jp.ikiiki.desk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.charts.ChartImages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

public class CallChartsTest {

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	/** The day's 48 half-hours with calls at 8:30 (10 received, 9 answered) and 9:00 (10 received, 7 answered). */
	public static List<CallStats> halfHours() {
		List<CallStats> slots = new ArrayList<>();
		for (int i = 0; i < 48; i++) {
			LocalTime t = LocalTime.of(i / 2, i % 2 * 30);
			Instant start = DAY.atTime(t).atZone(JapanTime.ZONE).toInstant();
			long received = t.equals(LocalTime.of(8, 30)) || t.equals(LocalTime.of(9, 0)) ? 10 : 0;
			long answered = t.equals(LocalTime.of(8, 30)) ? 9 : t.equals(LocalTime.of(9, 0)) ? 7 : 0;
			Double rate = received == 0 ? null : (double) answered / received;
			slots.add(new CallStats(DAY + "T" + t, start, start.plusSeconds(1800), received, answered,
					received - answered - (t.getHour() == 9 ? 1 : 0), 0, t.getHour() == 9 ? 1 : 0, 0, 0, rate, 0.9,
					rate == null ? null : rate >= 0.9, null, null, null, 20, "contract", false));
		}
		return slots;
	}

	public static Instant tokyo(int hour, int minute) {
		return DAY.atTime(hour, minute).atZone(JapanTime.ZONE).toInstant();
	}

	@Test
	void only_the_half_hours_of_opening_hours_are_drawn_from_8_30_to_the_one_that_holds_17_15() {
		List<CallStats> open = CallCharts.openingHours(halfHours());
		assertThat(open).hasSize(18);
		assertThat(open.get(0).period()).isEqualTo("2026-11-24T08:30");
		assertThat(open.get(17).period()).isEqualTo("2026-11-24T17:00");
	}

	@Test
	void the_answer_rate_chart_runs_the_days_rate_against_a_90_percent_line_and_leaves_the_future_empty() {
		JFreeChart chart = CallCharts.answerRate(halfHours(), tokyo(9, 40));
		CategoryPlot plot = chart.getCategoryPlot();
		CategoryDataset data = plot.getDataset();

		assertThat(data.getColumnCount()).isEqualTo(18);
		assertThat(data.getColumnKey(0)).isEqualTo("8:30");
		// the day's running rate: 9/10 after 8:30, 16/20 after 9:00
		assertThat(data.getValue("本日の累計", "8:30").doubleValue()).isEqualTo(0.9);
		assertThat(data.getValue("本日の累計", "9:00").doubleValue()).isEqualTo(0.8);
		assertThat(data.getValue("30分ごと", "9:00").doubleValue()).isEqualTo(0.7);
		// 9:30 has begun (no calls yet: the running rate stays), 10:00 lies ahead
		assertThat(data.getValue("本日の累計", "9:30").doubleValue()).isEqualTo(0.8);
		assertThat(data.getValue("本日の累計", "10:00")).isNull();
		assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).singleElement()
				.satisfies(m -> assertThat(((ValueMarker) m).getValue()).isEqualTo(0.9));
		assertThat(ChartImages.svg(chart, 640, 300)).contains("目標 90%").contains("応答率の推移");
	}

	@Test
	void the_calls_chart_shows_received_answered_and_abandoned_per_half_hour() {
		CategoryDataset data = CallCharts.callsPerHalfHour(halfHours(), tokyo(9, 40)).getCategoryPlot().getDataset();

		assertThat(data.getRowKeys()).containsExactly("受電", "応答", "放棄・タイムアウト");
		assertThat(data.getValue("受電", "9:00").intValue()).isEqualTo(10);
		assertThat(data.getValue("応答", "9:00").intValue()).isEqualTo(7);
		assertThat(data.getValue("放棄・タイムアウト", "9:00").intValue()).isEqualTo(2);
		assertThat(data.getValue("受電", "10:00")).isNull();
	}

	@Test
	void a_day_without_calls_says_so_instead_of_drawing_a_rate() {
		List<CallStats> none = halfHours().stream().map(s -> new CallStats(s.period(), s.start(), s.end(), 0, 0, 0, 0,
				0, 0, 0, null, 0.9, null, null, null, null, 20, "contract", false)).toList();
		String svg = ChartImages.svg(CallCharts.answerRate(none, tokyo(12, 0)), 640, 300);
		assertThat(svg).contains("受電はまだありません");
	}
}
