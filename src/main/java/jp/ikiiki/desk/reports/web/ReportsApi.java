package jp.ikiiki.desk.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.ReportFile;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily report and monthly summary to the city (issue 4 point 5). */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "日報・月報 (第6章1(4)). CITY_STAFF and FLOOR_MANAGER; downloads are audited.")
class ReportsApi {

	private final CityReports reports;

	ReportsApi(CityReports reports) {
		this.reports = reports;
	}

	@GetMapping("/daily/{day}")
	@Operation(summary = "A day's report", description = "The latest stored version (as sent to the city); for a day "
			+ "without one, the report computed now and not stored. JSON: received, answered, answerRate (0..1, null "
			+ "without calls), definition, gap, halfDays, hours, sections (one per contributing module) and the other "
			+ "figures.")
	@ApiResponse(responseCode = "200", description = "the report in the format asked for")
	@ApiResponse(responseCode = "400", description = "bad date (yyyy-MM-dd), a future day, or an unknown format")
	ResponseEntity<byte[]> daily(@Parameter(description = "yyyy-MM-dd") @PathVariable String day,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "json") String format) {
		ReportFormat f = ReportFormat.of(format);
		return send(reports.latest(ReportKind.DAILY, day, f, "GET /api/reports/daily"), f);
	}

	@GetMapping("/monthly/{month}")
	@Operation(summary = "A month's summary", description = "Like the daily report, with days (one row per open day) "
			+ "instead of halfDays and hours, and the month's totals.")
	@ApiResponse(responseCode = "200", description = "the summary in the format asked for")
	@ApiResponse(responseCode = "400", description = "bad month (yyyy-MM), a future month, or an unknown format")
	ResponseEntity<byte[]> monthly(@Parameter(description = "yyyy-MM") @PathVariable String month,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "json") String format) {
		ReportFormat f = ReportFormat.of(format);
		return send(reports.latest(ReportKind.MONTHLY, month, f, "GET /api/reports/monthly"), f);
	}

	private static ResponseEntity<byte[]> send(ReportFile file, ReportFormat format) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(
				format == ReportFormat.JSON ? "application/json;charset=UTF-8" : file.contentType()));
		if (format != ReportFormat.JSON) {
			ok.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
		}
		return ok.body(file.content());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
