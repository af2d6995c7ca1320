package jp.ikiiki.desk.telephony;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.charts.ChartImages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The call centre's charts of one day, built from the day's half-hour figures ({@link DailyCallStats#halfHours()}):
 * the answer rate through the day against the contract's 90 % (第6章2 ※1) and the calls per half-hour. The same
 * charts serve the wallboard (as SVG) and the reports (as PNG) through {@link ChartImages}. Only the half-hours of
 * opening hours (8:30–17:15) are drawn; half-hours after {@code now} are left empty, so that a day in progress
 * shows where it stands.
 */
public final class CallCharts {

	/** Series names and titles (what the chart shows; the same in every place it goes). */
	static final String RATE_TITLE = "応答率の推移（目標 90%）";
	static final String RATE_CUMULATIVE = "本日の累計";
	static final String RATE_SLOT = "30分ごと";
	static final String TARGET = "目標 90%";
	static final String CALLS_TITLE = "30分ごとの受電・応答・放棄";
	static final String RECEIVED = "受電";
	static final String ANSWERED = "応答";
	static final String ABANDONED = "放棄・タイムアウト";
	static final String NO_CALLS = "受電はまだありません";

	private CallCharts() {
	}

	/**
	 * The half-hours of a day that overlap opening hours (8:30–17:00 starts), in order.
	 *
	 * @param halfHours the day's 48 half-hours ({@link DailyCallStats#halfHours()})
	 */
	public static List<CallStats> openingHours(List<CallStats> halfHours) {
		List<CallStats> slots = new ArrayList<>();
		for (CallStats s : halfHours) {
			LocalTime start = s.start().atZone(JapanTime.ZONE).toLocalTime();
			LocalTime end = s.end().atZone(JapanTime.ZONE).toLocalTime();
			boolean overlaps = (end.isAfter(BusinessCalendar.OPENS) || end.equals(LocalTime.MIDNIGHT))
					&& start.isBefore(BusinessCalendar.CLOSES);
			if (overlaps) {
				slots.add(s);
			}
		}
		return slots;
	}

	/**
	 * The answer rate through the day: the day's running rate at the end of each half-hour (what the 90 % applies
	 * to) and each half-hour's own rate, against the target line.
	 *
	 * @param halfHours the day's half-hours (all 48 or only those of opening hours)
	 * @param now       half-hours starting after it are left empty; null draws every half-hour given
	 */
	public static JFreeChart answerRate(List<CallStats> halfHours, Instant now) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		long received = 0;
		long answered = 0;
		boolean any = false;
		for (CallStats slot : openingHours(halfHours)) {
			String label = label(slot);
			boolean shown = now == null || slot.start().isBefore(now);
			received += slot.received();
			answered += slot.answered();
			any |= shown && received > 0;
			data.addValue(shown && received > 0 ? (Number) ((double) answered / received) : null, RATE_CUMULATIVE,
					label);
			data.addValue(shown ? slot.answerRate() : null, RATE_SLOT, label);
		}
		JFreeChart chart = org.jfree.chart.ChartFactory.createLineChart(RATE_TITLE, null, null, data,
				PlotOrientation.VERTICAL, true, false, false);
		ChartImages.themed(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		NumberAxis range = (NumberAxis) plot.getRangeAxis();
		range.setRange(0, 1.0);
		range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
		NumberFormat percent = NumberFormat.getPercentInstance(Locale.JAPAN);
		range.setNumberFormatOverride(percent);
		ValueMarker target = new ValueMarker(CallStatistics.TARGET, ChartImages.TARGET, new BasicStroke(2f,
				BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 8f, 5f }, 0f));
		target.setLabel(TARGET);
		target.setLabelFont(ChartImages.font(11f, true));
		target.setLabelPaint(ChartImages.TARGET);
		target.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
		target.setLabelTextAnchor(TextAnchor.TOP_LEFT);
		plot.addRangeMarker(target);
		LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
		renderer.setSeriesPaint(0, ChartImages.PRIMARY);
		renderer.setSeriesStroke(0, new BasicStroke(3f));
		renderer.setSeriesShapesVisible(0, true);
		renderer.setSeriesPaint(1, ChartImages.SECONDARY);
		renderer.setSeriesStroke(1, new BasicStroke(1.5f));
		renderer.setSeriesShapesVisible(1, true);
		axis(plot.getDomainAxis());
		if (!any) {
			chart.addSubtitle(new TextTitle(NO_CALLS, ChartImages.font(12f, false)));
		}
		return chart;
	}

	/**
	 * Calls per half-hour: received (refused and abandoned included), answered, and abandoned or timed out.
	 *
	 * @param halfHours the day's half-hours (all 48 or only those of opening hours)
	 * @param now       half-hours starting after it are left empty; null draws every half-hour given
	 */
	public static JFreeChart callsPerHalfHour(List<CallStats> halfHours, Instant now) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (CallStats slot : openingHours(halfHours)) {
			String label = label(slot);
			boolean shown = now == null || slot.start().isBefore(now);
			data.addValue(shown ? (Number) slot.received() : null, RECEIVED, label);
			data.addValue(shown ? (Number) slot.answered() : null, ANSWERED, label);
			data.addValue(shown ? (Number) (slot.abandoned() + slot.timedOut()) : null, ABANDONED, label);
		}
		JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(CALLS_TITLE, null, null, data,
				PlotOrientation.VERTICAL, true, false, false);
		ChartImages.themed(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		NumberAxis range = (NumberAxis) plot.getRangeAxis();
		range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		range.setAutoRangeMinimumSize(5);
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setSeriesPaint(0, new Color(0x90, 0xA4, 0xAE));
		renderer.setSeriesPaint(1, ChartImages.PRIMARY);
		renderer.setSeriesPaint(2, ChartImages.TARGET);
		renderer.setItemMargin(0.05);
		renderer.setDrawBarOutline(false);
		axis(plot.getDomainAxis());
		return chart;
	}

	private static void axis(CategoryAxis axis) {
		axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		axis.setCategoryMargin(0.15);
		axis.setLowerMargin(0.01);
		axis.setUpperMargin(0.01);
	}

	private static String label(CallStats slot) {
		LocalTime t = slot.start().atZone(JapanTime.ZONE).toLocalTime();
		return t.getHour() + ":" + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
	}
}
