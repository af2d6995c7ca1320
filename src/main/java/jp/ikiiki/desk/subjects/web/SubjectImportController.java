package jp.ikiiki.desk.subjects.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.ImportDownload;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Subject imports over HTTP, for the operators' and the city's automation (HTTP Basic or session). Importing is for
 * OPERATOR, confirming a held import for FLOOR_MANAGER; the history and the reports are also readable by
 * CITY_STAFF. Refusals are RFC 9457 problems (see {@code platform.web.ApiProblems}).
 */
@RestController
@RequestMapping("/api/imports/subjects")
@Tag(name = "subject imports", description = "対象者データ取込（別紙2 交通費助成索引簿・別紙3 対象者別進捗状況一覧）")
class SubjectImportController {

	static final String CHANNEL = "POST /api/imports/subjects";

	private final SubjectImports imports;
	private final SubjectImportHistory history;

	SubjectImportController(SubjectImports imports, SubjectImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a city file (CSV in UTF-8 or Windows-31J, or XLSX)",
			description = "Validates every row and upserts by 宛名番号. 200 when applied or dry-run; 202 when HELD: the file "
					+ "would end too many subjects (see hold.reasons) and waits for a floor manager's confirmation with "
					+ "hold.ended; 422 when rejected rows (without acceptValid), no valid row, an unreadable file or the "
					+ "other kind's file (WRONG_KIND, detectedKind) blocked it — nothing was changed then. Same body in "
					+ "each case; problems carry the file row (header = 1), the column header, the value and the reason. "
					+ "A file beyond a limit (ikiiki.subjects.import.*) is a 422 problem naming the row and the limit; "
					+ "a second import of the same kind while one runs is a 409 problem naming it. OPERATOR.")
	@ApiResponse(responseCode = "200", description = "APPLIED or DRY_RUN (a dry run of a file that would be held has hold set)")
	@ApiResponse(responseCode = "202", description = "HELD: nothing changed yet; confirm with POST /{importId}/confirmation",
			content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
	@ApiResponse(responseCode = "422", description = "BLOCKED or WRONG_KIND: nothing changed; or a problem for a file beyond a limit",
			content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
	@ApiResponse(responseCode = "409", description = "an import of the same kind is running")
	@ApiResponse(responseCode = "400", description = "kind is not index or progress, or no file")
	ResponseEntity<ImportOutcome> importFile(
			@Parameter(description = "index (別紙2) or progress (別紙3)") @RequestParam SubjectFileKind kind,
			@Parameter(description = "validate and report only, change nothing") @RequestParam(defaultValue = "false") boolean dryRun,
			@Parameter(description = "import the valid rows even if others are rejected") @RequestParam(defaultValue = "false") boolean acceptValid,
			@RequestPart("file") MultipartFile file) throws IOException {
		ImportOutcome outcome;
		try (InputStream in = file.getInputStream()) {
			outcome = imports.importFile(kind, file.getOriginalFilename(), in, new ImportOptions(dryRun, acceptValid), CHANNEL);
		}
		return ResponseEntity.status(statusOf(outcome)).body(outcome);
	}

	static HttpStatus statusOf(ImportOutcome outcome) {
		return switch (outcome.status()) {
			case APPLIED, DRY_RUN -> HttpStatus.OK;
			case HELD -> HttpStatus.ACCEPTED;
			case BLOCKED, WRONG_KIND -> HttpStatus.UNPROCESSABLE_ENTITY;
		};
	}

	@PostMapping("/{id}/confirmation")
	@Operation(summary = "Apply a held import, confirming the number of subjects it ends. FLOOR_MANAGER",
			description = "The stored file is imported again and applied if it ends exactly confirmEnded subjects. 422 if "
					+ "confirmEnded is not the number the hold states (property ended); 409 if the import is not held, "
					+ "another import of the kind runs, or the subjects changed meanwhile (the hold now states the new "
					+ "number in ended: confirm again). Audited.")
	@ApiResponse(responseCode = "200", description = "APPLIED")
	ImportOutcome confirm(@PathVariable long id,
			@Parameter(description = "the number of subjects the import ends, as the hold states it") @RequestParam int confirmEnded) {
		return imports.confirm(id, confirmEnded, "POST /api/imports/subjects/" + id + "/confirmation");
	}

	@PostMapping("/{id}/withdrawal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a held import; its stored file is deleted. OPERATOR, FLOOR_MANAGER. Audited")
	void withdraw(@PathVariable long id) {
		imports.withdraw(id, "POST /api/imports/subjects/" + id + "/withdrawal");
	}

	@GetMapping
	@Operation(summary = "Import history, newest first (no personal data). OPERATOR, CITY_STAFF")
	List<SubjectImportSummary> list(@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return history.list(Math.max(0, offset), Math.max(0, limit));
	}

	@GetMapping("/pending")
	@Operation(summary = "Imports running or held for a floor manager's confirmation, oldest first. OPERATOR, FLOOR_MANAGER")
	List<SubjectImportSummary> pending() {
		return history.pending();
	}

	@GetMapping("/export")
	@Operation(summary = "The import history as CSV (UTF-8 with BOM) or XLSX. Audited. OPERATOR, CITY_STAFF")
	ResponseEntity<byte[]> export(@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") DownloadFormat format) {
		return download(history.historyFile(format == DownloadFormat.XLSX, "GET /api/imports/subjects/export"));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One import of the history. OPERATOR, CITY_STAFF; FLOOR_MANAGER for held imports")
	SubjectImportSummary find(@PathVariable long id) {
		return history.find(id).orElseThrow(() -> notFound(id));
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The システム更新結果報告書 of an import (XLSX). Audited. OPERATOR, CITY_STAFF; FLOOR_MANAGER for held imports")
	ResponseEntity<byte[]> report(@PathVariable long id) {
		return download(history.report(id, "GET /api/imports/subjects/" + id + "/report").orElseThrow(() -> notFound(id)));
	}

	@GetMapping("/{id}/problems")
	@Operation(summary = "The problems of an import as CSV (UTF-8 with BOM) or XLSX. Audited. OPERATOR")
	ResponseEntity<byte[]> problems(@PathVariable long id,
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") DownloadFormat format) {
		String channel = "GET /api/imports/subjects/" + id + "/problems";
		var file = format == DownloadFormat.XLSX ? history.problemsXlsx(id, channel) : history.problemsCsv(id, channel);
		return download(file.orElseThrow(() -> notFound(id)));
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("取込ID " + id + " の取込（または報告書）はありません");
	}

	private static ResponseEntity<byte[]> download(ImportDownload file) {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(file.contentType()))
				.body(file.content());
	}
}
