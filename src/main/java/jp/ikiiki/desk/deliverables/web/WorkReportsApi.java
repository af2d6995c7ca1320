package jp.ikiiki.desk.deliverables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.WorkReport;
import jp.ikiiki.desk.deliverables.WorkReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly work report (第1章5(1)): computed now from the data; texts per KPI kept per month. */
@RestController
@RequestMapping("/api/reports/work")
@Tag(name = "work-report", description = "作業報告書 (第1章5(1)). FLOOR_MANAGER, CITY_STAFF; files audited.")
class WorkReportsApi {

	private final WorkReports reports;

	WorkReportsApi(WorkReports reports) {
		this.reports = reports;
	}

	@GetMapping("/{month}")
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','CITY_STAFF')")
	@Operation(summary = "A month's work report", description = "JSON: kpis (key, title, clause, target, actual "
			+ "{text, value, achieved} or null for 「データなし」, done, next, draft), days, hours, complete.")
	@ApiResponse(responseCode = "422", description = "a future month or an unknown format")
	ResponseEntity<?> report(@Parameter(description = "yyyy-MM") @PathVariable YearMonth month,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "json") String format) {
		if ("json".equals(format)) {
			WorkReport report = reports.report(month);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
		}
		DeliverableFile file = reports.file(month, format, "GET /api/reports/work");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
								.toString())
				.body(file.content());
	}

	/** A KPI's texts for the month. */
	record Note(String done, String next) {
	}

	@PutMapping("/{month}/notes/{kpi}")
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	@Operation(summary = "Saves a KPI's texts for the month (実施内容, 今後の対策)")
	ResponseEntity<Void> note(@PathVariable YearMonth month, @PathVariable String kpi, @RequestBody Note note) {
		reports.saveNote(month, kpi, note.done(), note.next());
		return ResponseEntity.noContent().build();
	}
}
