package jp.ikiiki.desk.deliverables;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A KPI of the monthly work report (第1章5(1)) whose data lives in another module, implemented by that module (the
 * SPI of the work report). The report lists the KPIs of {@link WorkReports#EXTERNAL_KPIS} whether or not a module
 * provides them; without a provider the actual is shown as 「データなし」, never as a number.
 */
public interface WorkReportKpi {

	/** One of {@link WorkReports#EXTERNAL_KPIS}' keys, or a new key (then listed after them). */
	String key();

	/**
	 * The month's actual.
	 *
	 * @return empty when there is no data for the month
	 */
	Optional<WorkReport.Actual> actual(YearMonth month);
}
