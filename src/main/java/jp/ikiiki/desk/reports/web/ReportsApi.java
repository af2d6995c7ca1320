package jp.ikiiki.desk.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.InboxQuery;
import jp.ikiiki.desk.reports.ReportFile;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily report and monthly summary to the city (第6章1(4)): the stored versions and their files. Refusals are
 * problem details from the application's one error handler (400 unreadable date, 404 no such report, 422 a future
 * period or an unknown format).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "日報・月報 (第6章1(4)). CITY_STAFF and FLOOR_MANAGER; downloads are audited.")
class ReportsApi {

	private final CityReports reports;

	ReportsApi(CityReports reports) {
		this.reports = reports;
	}

	@GetMapping
	@Operation(summary = "The inbox", description = "Stored versions, newest period first, with read (the caller's), "
			+ "the figures and the state of each e-mail.")
	List<StoredReport> inbox(@Parameter(description = "true: only reports the caller has not opened")
			@RequestParam(defaultValue = "false") boolean unread,
			@Parameter(description = "DAILY or MONTHLY; both when absent") @RequestParam(required = false) ReportKind kind,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		return reports.inbox(new InboxQuery(unread, kind, InboxQuery.Sort.PERIOD, true), offset, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A stored version's file", description = "Exactly as generated and sent; marks it read for "
			+ "the caller.")
	@ApiResponse(responseCode = "200", description = "the file in the format asked for")
	@ApiResponse(responseCode = "404", description = "no report has that id")
	@ApiResponse(responseCode = "422", description = "an unknown format")
	ResponseEntity<byte[]> stored(@PathVariable long id,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "pdf") String format) {
		ReportFormat f = ReportFormat.of(format);
		return send(reports.download(id, f, "GET /api/reports/{id}"), f);
	}

	@GetMapping("/daily/{day}")
	@Operation(summary = "A day's report", description = "The latest stored version (as sent to the city); for a day "
			+ "without one, the report computed now and not stored. JSON: received, answered, answerRate (0..1, null "
			+ "without calls), definition, complete (false for today's report: figures up to generatedAt), gap, "
			+ "halfDays, hours, halfHours, sections (one per contributing module; each line has a kind: PART lines add "
			+ "up to the section's total, SUBSET lines are 「うち」 of it, COUNT and MEASURE lines stand alone) and the "
			+ "other figures.")
	@ApiResponse(responseCode = "200", description = "the report in the format asked for")
	@ApiResponse(responseCode = "400", description = "a date that is not yyyy-MM-dd")
	@ApiResponse(responseCode = "422", description = "a future day or an unknown format")
	ResponseEntity<byte[]> daily(
			@Parameter(description = "yyyy-MM-dd") @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "json") String format) {
		ReportFormat f = ReportFormat.of(format);
		return send(reports.latestDaily(day, f, "GET /api/reports/daily"), f);
	}

	@GetMapping("/monthly/{month}")
	@Operation(summary = "A month's summary", description = "Like the daily report, with days (one row per open day; "
			+ "for the current month up to today, complete false) instead of halfDays, hours and halfHours, and the "
			+ "month's totals.")
	@ApiResponse(responseCode = "200", description = "the summary in the format asked for")
	@ApiResponse(responseCode = "400", description = "a month that is not yyyy-MM")
	@ApiResponse(responseCode = "422", description = "a future month or an unknown format")
	ResponseEntity<byte[]> monthly(
			@Parameter(description = "yyyy-MM") @PathVariable YearMonth month,
			@Parameter(description = "json, xlsx or pdf") @RequestParam(defaultValue = "json") String format) {
		ReportFormat f = ReportFormat.of(format);
		return send(reports.latestMonthly(month, f, "GET /api/reports/monthly"), f);
	}

	@PostMapping("/{id}/mail/resend")
	@Operation(summary = "Resend a report's e-mail", description = "FLOOR_MANAGER. For a mail whose delivery is "
			+ "unknown (UNCERTAIN, 送信不明: the node sending it stopped before recording the outcome; check with the "
			+ "city by its messageId first) or given up (GAVE_UP): due at once, sent by the leader with a new "
			+ "Message-ID. Audited.")
	@ApiResponse(responseCode = "200", description = "the report, its mail PENDING")
	@ApiResponse(responseCode = "404", description = "no report has that id")
	@ApiResponse(responseCode = "409", description = "its mail is neither UNCERTAIN nor GAVE_UP")
	StoredReport resend(@PathVariable long id) {
		return reports.resendMail(id, "POST /api/reports/{id}/mail/resend");
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
}
