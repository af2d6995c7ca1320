package jp.ikiiki.desk.notices.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.ikiiki.desk.notices.DueNotice;
import jp.ikiiki.desk.notices.Half;
import jp.ikiiki.desk.notices.NoticeRunRequest;
import jp.ikiiki.desk.notices.NoticeRunSummary;
import jp.ikiiki.desk.notices.NoticeRuns;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Points notice runs over HTTP (第8章1–4), with the console's rules and audit. */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "notices", description = "獲得ポイント通知: 通知作成, 獲得ポイント通知一覧")
class NoticeRunsApi {

	static final String RUN_CHANNEL = "POST /api/notices/runs";
	static final String LIST_CHANNEL = "GET /api/notices/runs/{id}/list.xlsx";
	static final String RETRY_AFTER_SECONDS = "2";
	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final NoticeRuns runs;

	NoticeRunsApi(NoticeRuns runs) {
		this.runs = runs;
	}

	/**
	 * A notice run asked for; every field as text or number so that a wrong one is named, not a 400 on the body.
	 *
	 * @param businessYear the business year (2025 = 令和7年度分)
	 * @param month        yyyy-MM
	 * @param half         MID or LATE
	 */
	record RunRequest(Object businessYear, Object month, Object half) {
	}

	@PostMapping("/runs")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Start the points notices of a year for a month's half", description = "Checks the request, "
			+ "registers the run and starts it in the background: it takes the verified booklets of the year not yet "
			+ "notified, makes the mailing batches (selected, to be printed and dispatched on the mailing screens) and "
			+ "writes the 獲得ポイント通知一覧. Follow the Location: 202 with the progress while it runs, then 200 with "
			+ "the result.")
	@ApiResponse(responseCode = "202", description = "started: the run with id, status RUNNING, phase and counts; "
			+ "Location /api/notices/runs/{id}")
	@ApiResponse(responseCode = "409", description = "the same run exists or is running, or another run of the year is running")
	@ApiResponse(responseCode = "422", description = "field and reason: year not open, month before the year's notices "
			+ "may start or in the future, half not MID/LATE")
	ResponseEntity<NoticeRunSummary> run(@RequestBody(required = false) RunRequest request) {
		if (request == null) {
			throw new InvalidInputException("businessYear", "businessYear, month, half を指定してください");
		}
		NoticeRunSummary started = runs.start(new NoticeRunRequest(year(request.businessYear()), month(request.month()),
				half(request.half())), RUN_CHANNEL);
		return ResponseEntity.accepted().location(URI.create("/api/notices/runs/" + started.id()))
				.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(started);
	}

	static int year(Object value) {
		if (value instanceof Integer i) {
			return i;
		}
		if (value instanceof String s && s.strip().matches("\\d{4}")) {
			return Integer.parseInt(s.strip());
		}
		throw new InvalidInputException("businessYear", "事業年度は西暦4桁（例: 2025 = 令和7年度分）で指定してください");
	}

	static YearMonth month(Object value) {
		if (value instanceof String s && s.strip().matches("\\d{4}-\\d{2}")) {
			try {
				return YearMonth.parse(s.strip());
			} catch (DateTimeParseException e) {
				// falls through to the refusal
			}
		}
		throw new InvalidInputException("month", "通知する月は yyyy-MM（例: 2027-02）で指定してください");
	}

	static Half half(Object value) {
		if (value instanceof String s) {
			for (Half h : Half.values()) {
				if (h.name().equals(s.strip())) {
					return h;
				}
			}
		}
		throw new InvalidInputException("half", "中旬は MID、下旬は LATE で指定してください");
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "A notice run: its result once done, its progress while it runs")
	@ApiResponse(responseCode = "200", description = "done: id, notified, withAccountForm, notNotified with reason, overdue")
	@ApiResponse(responseCode = "202", description = "running: status, phase, selected, batched, toBatch, listed; "
			+ "Retry-After in seconds")
	@ApiResponse(responseCode = "409", description = "the run failed: reason (run it again)")
	@ApiResponse(responseCode = "404", description = "no such run")
	ResponseEntity<?> result(@PathVariable long id) {
		NoticeRunSummary run = runs.run(id);
		return switch (run.status()) {
			case "DONE" -> ResponseEntity.ok(runs.result(id));
			case "RUNNING" -> ResponseEntity.accepted().header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(run);
			default -> throw new StateConflictException(run.failure() == null ? "通知作成 " + id + " は失敗しました"
					: run.failure()).with("id", id).with("status", run.status());
		};
	}

	@GetMapping("/runs/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "A notice run's state and progress (any state)")
	@ApiResponse(responseCode = "404", description = "no such run")
	NoticeRunSummary progress(@PathVariable long id) {
		return runs.run(id);
	}

	@GetMapping("/runs/{id}/list.xlsx")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "The run's 獲得ポイント通知一覧 for the city (XLSX); audited as a download")
	@ApiResponse(responseCode = "404", description = "no such finished run")
	ResponseEntity<byte[]> list(@PathVariable long id) {
		byte[] xlsx = runs.listXlsx(id, LIST_CHANNEL);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("獲得ポイント通知一覧_" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
				.contentType(XLSX).body(xlsx);
	}

	@GetMapping("/due")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "Verified booklets not yet notified whose notice is late or due within the configured days")
	List<DueNotice> due() {
		return runs.dueSoon();
	}
}
