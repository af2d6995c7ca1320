package jp.ikiiki.desk.reports.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import jp.ikiiki.desk.shared.charts.ChartImages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts as JFreeChart, drawn by {@link ChartImages} (the bundled Japanese font, the console's
 * colours): the answer rate per slot (bars) and cumulated over the period (line) against the target line, and the
 * calls received per slot, answered and not. A slot without calls has no rate (no bar), not a rate of 0 %; slots
 * that had not begun when the report was made are not on the chart at all. Pure.
 */
final class ReportCharts {

	/** Calls not answered: abandoned, timed out or refused. */
	static final Color UNANSWERED = new Color(0xF0, 0x8A, 0x24);
	static final String SLOT_RATE = "応答率（各時間帯）";
	static final String CUMULATIVE_RATE = "累計応答率";
	static final String ANSWERED = "応答";
	static final String NOT_ANSWERED = "未応答（放棄・タイムアウト・回線上限）";

	private ReportCharts() {
	}

	/** The chart as PNG, {@code width} × {@code height} points at {@code scale} pixels per point. */
	static byte[] png(ReportLayout.Chart chart, int width, int height, double scale) {
		return ChartImages.png(build(chart), width, height, scale);
	}

	static JFreeChart build(ReportLayout.Chart chart) {
		return switch (chart.type()) {
			case ANSWER_RATE -> answerRate(chart);
			case CALLS -> calls(chart);
		};
	}

	private static JFreeChart answerRate(ReportLayout.Chart chart) {
		DefaultCategoryDataset slots = new DefaultCategoryDataset();
		DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
		long received = 0, answered = 0;
		boolean any = chart.points().stream().anyMatch(p -> p.received() > 0);
		if (any) {
			for (ReportLayout.Point p : chart.points()) {
				received += p.received();
				answered += p.answered();
				slots.addValue(p.received() == 0 ? null : (double) p.answered() / p.received(), SLOT_RATE, p.label());
				cumulative.addValue(received == 0 ? null : (double) answered / received, CUMULATIVE_RATE, p.label());
			}
		}
		NumberAxis rate = new NumberAxis("応答率");
		rate.setRange(0, 1.12);
		rate.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0%")));
		BarRenderer bars = new BarRenderer();
		CategoryPlot plot = new CategoryPlot(slots, axis(chart), rate, bars);
		LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
		plot.setDataset(1, cumulative);
		plot.setRenderer(1, line);
		plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
		ValueMarker target = new ValueMarker(chart.target());
		target.setPaint(ChartImages.TARGET);
		target.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
		target.setLabel("目標 " + ReportLayout.percent(chart.target()));
		target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
		target.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
		plot.addRangeMarker(target);
		JFreeChart result = finish(plot);
		// Colours after the theme, which would otherwise set its own.
		target.setLabelFont(ChartImages.font(10f, true));
		target.setLabelPaint(ChartImages.TARGET);
		bars.setSeriesPaint(0, new Color(0xB3, 0xD1, 0xF7));
		bars.setDrawBarOutline(false);
		bars.setMaximumBarWidth(0.08);
		line.setSeriesPaint(0, ChartImages.PRIMARY);
		line.setSeriesStroke(0, new BasicStroke(2.2f));
		line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
		return result;
	}

	private static JFreeChart calls(ReportLayout.Chart chart) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		if (chart.points().stream().anyMatch(p -> p.received() > 0)) {
			for (ReportLayout.Point p : chart.points()) {
				data.addValue(p.answered(), ANSWERED, p.label());
				data.addValue(p.received() - p.answered(), NOT_ANSWERED, p.label());
			}
		}
		NumberAxis count = new NumberAxis("受電数（件）");
		count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		count.setAutoRangeIncludesZero(true);
		count.setUpperMargin(0.1);
		StackedBarRenderer bars = new StackedBarRenderer();
		CategoryPlot plot = new CategoryPlot(data, axis(chart), count, bars);
		JFreeChart result = finish(plot);
		bars.setSeriesPaint(0, ChartImages.PRIMARY);
		bars.setSeriesPaint(1, UNANSWERED);
		bars.setDrawBarOutline(false);
		bars.setMaximumBarWidth(0.08);
		bars.setShadowVisible(false);
		return result;
	}

	private static CategoryAxis axis(ReportLayout.Chart chart) {
		CategoryAxis axis = new CategoryAxis(chart.axis());
		axis.setCategoryMargin(0.15);
		axis.setLowerMargin(0.01);
		axis.setUpperMargin(0.01);
		// A label may be wider than its slot (10:30 over a half-hour's bar); JFreeChart would cut it to "...".
		axis.setMaximumCategoryLabelWidthRatio(1.8f);
		if (chart.points().size() > 24) {
			axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		}
		// Half-hours are labelled on the hour only: 18 labels do not fit the width of a page.
		for (ReportLayout.Point p : chart.points()) {
			if (p.label().endsWith(":30")) {
				axis.setTickLabelPaint(p.label(), new Color(0, 0, 0, 0));
			}
		}
		return axis;
	}

	private static JFreeChart finish(CategoryPlot plot) {
		plot.setNoDataMessage("受電なし");
		plot.setRangeGridlinesVisible(true);
		JFreeChart chart = ChartImages.themed(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
		LegendTitle legend = chart.getLegend();
		legend.setPosition(RectangleEdge.BOTTOM);
		legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
		plot.setNoDataMessageFont(ChartImages.font(14f, false));
		plot.setOutlineVisible(false);
		// Sized for a chart a page wide and a fifth of a page high: the theme's fonts are for larger charts.
		for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
			axis.setLabelFont(ChartImages.font(9f, false));
			axis.setTickLabelFont(ChartImages.font(8.5f, false));
		}
		legend.setItemFont(ChartImages.font(9f, false));
		return chart;
	}
}
