package jp.ikiiki.desk.deliverables;

import java.time.YearMonth;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The monthly work report (第1章5(1)): computed from the data on demand, as JSON, XLSX or PDF; its texts kept per month
 * (floor managers write them; an unsaved month starts from the latest earlier month's texts as a draft). It is also
 * the deliverable {@link DeliverableKinds#WORK_REPORT}, generated, checked and delivered like the others.
 */
public interface WorkReports {

	/** Keys of the KPIs whose data lives in other modules, in the report's order. */
	List<String> EXTERNAL_KPIS = List.of("MAILINGS_ON_SCHEDULE", "NOTICES_WITHIN_MONTH", "PAYMENTS_BY_DEADLINE",
			"KEYING_ERROR_RATE");

	/**
	 * The month's report.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a month after the current one or before 2000
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	WorkReport report(YearMonth month);

	/** The report as a file: {@code xlsx} or {@code pdf}. Audited as an export. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	DeliverableFile file(YearMonth month, String format, String channel);

	/** Saves a KPI's texts for the month (each at most 4,000 characters). */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	void saveNote(YearMonth month, String kpi, String done, String next);
}
