package jp.ikiiki.desk.telephony.ui;

import java.awt.Color;
import java.util.List;
import jp.ikiiki.desk.shared.charts.ChartImages;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Planned vs scheduled line-days per month of a fiscal year (第6章2), as bars side by side. */
final class PlanChart {

	private PlanChart() {
	}

	/**
	 * @param months    the fiscal year's twelve months
	 * @param title     the chart's title
	 * @param planned   the planned series' name
	 * @param scheduled the scheduled series' name
	 */
	static JFreeChart of(List<LinePlanMonth> months, String title, String planned, String scheduled) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (LinePlanMonth m : months) {
			String label = m.month().getMonthValue() + "月";
			data.addValue(m.plannedLineDays(), planned, label);
			data.addValue(m.scheduledLineDays(), scheduled, label);
		}
		JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.VERTICAL, true,
				false, false);
		ChartImages.themed(chart);
		CategoryPlot plot = chart.getCategoryPlot();
		((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		renderer.setSeriesPaint(0, new Color(0x90, 0xA4, 0xAE));
		renderer.setSeriesPaint(1, ChartImages.PRIMARY);
		renderer.setItemMargin(0.05);
		renderer.setDrawBarOutline(false);
		return chart;
	}
}
