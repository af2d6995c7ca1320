package jp.ikiiki.desk.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A part of the daily report and monthly summary that another module owns (counts by inquiry category,
 * escalations opened and closed, ...). Every Spring bean of this type adds one section to every report, in
 * {@link #order()}; the reports module knows nothing else of the module behind it.
 */
public interface ReportContribution {

	/** Stable key of the section, used as the JSON property of the report, e.g. {@code categories}. */
	String key();

	/** The section's Japanese heading in the XLSX and PDF, e.g. {@code 問合せ区分別件数}. */
	String title();

	/** Position among the sections, ascending. */
	int order();

	/**
	 * The section's lines for the days {@code from}..{@code to} inclusive (dates in Asia/Tokyo). Lines with a
	 * zero count are included where the reader expects to see them (every category, even without calls).
	 */
	List<ReportLine> lines(LocalDate from, LocalDate to);

	/**
	 * One line of a section.
	 *
	 * @param group the first level of a two-level breakdown (e.g. the parent category), or null
	 * @param label what is counted, in Japanese
	 * @param count the count
	 */
	record ReportLine(String group, String label, long count) {
	}
}
