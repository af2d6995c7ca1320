package jp.ikiiki.desk.subjects.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Subject imports over HTTP, for the operators' and the city's automation (HTTP Basic or session). Importing
 * is for OPERATOR; the history and the reports are also readable by CITY_STAFF.
 */
@RestController
@RequestMapping("/api/imports/subjects")
@Tag(name = "subject imports", description = "対象者データ取込（別紙2 交通費助成索引簿・別紙3 対象者別進捗状況一覧）")
class SubjectImportController {

	private final SubjectImports imports;
	private final SubjectImportHistory history;

	SubjectImportController(SubjectImports imports, SubjectImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a city file (CSV in UTF-8 or Windows-31J, or XLSX)",
			description = "Validates every row and upserts by 宛名番号. 200 when applied or dry-run; 422 when rejected rows "
					+ "(without acceptValid) or an unreadable file blocked it — nothing was changed then. Same body either way; "
					+ "problems carry the file row (header = 1), the column header, the value and the reason. OPERATOR.")
	@ApiResponse(responseCode = "200", description = "APPLIED or DRY_RUN")
	@ApiResponse(responseCode = "422", description = "BLOCKED: nothing changed",
			content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
	@ApiResponse(responseCode = "400", description = "kind is not index or progress, or no file")
	ResponseEntity<ImportOutcome> importFile(
			@Parameter(description = "index (別紙2) or progress (別紙3)") @RequestParam String kind,
			@Parameter(description = "validate and report only, change nothing") @RequestParam(defaultValue = "false") boolean dryRun,
			@Parameter(description = "import the valid rows even if others are rejected") @RequestParam(defaultValue = "false") boolean acceptValid,
			@RequestPart("file") MultipartFile file) throws IOException {
		SubjectFileKind fileKind;
		try {
			fileKind = SubjectFileKind.ofCode(kind);
		} catch (IllegalArgumentException e) {
			throw new BadParameter("kind must be index or progress");
		}
		ImportOutcome outcome;
		try (InputStream in = file.getInputStream()) {
			outcome = imports.importFile(fileKind, file.getOriginalFilename(), in, new ImportOptions(dryRun, acceptValid),
					"POST /api/imports/subjects");
		}
		HttpStatus status = outcome.status() == ImportOutcome.Status.BLOCKED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
		return ResponseEntity.status(status).body(outcome);
	}

	@GetMapping
	@Operation(summary = "Import history, newest first (no personal data). OPERATOR, CITY_STAFF")
	List<SubjectImportSummary> list(@RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return history.list(offset, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One import of the history. OPERATOR, CITY_STAFF")
	ResponseEntity<SubjectImportSummary> find(@PathVariable long id) {
		return ResponseEntity.of(history.find(id));
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The システム更新結果報告書 of an import (XLSX). Audited. OPERATOR, CITY_STAFF")
	ResponseEntity<byte[]> report(@PathVariable long id) {
		return download(history.report(id, "GET /api/imports/subjects/" + id + "/report").orElse(null));
	}

	@GetMapping("/{id}/problems")
	@Operation(summary = "The problems of an import as CSV (UTF-8 with BOM) or XLSX. Audited. OPERATOR")
	ResponseEntity<byte[]> problems(@PathVariable long id,
			@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format) {
		String channel = "GET /api/imports/subjects/" + id + "/problems";
		return switch (format.toLowerCase(java.util.Locale.ROOT)) {
			case "csv" -> download(history.problemsCsv(id, channel).orElse(null));
			case "xlsx" -> download(history.problemsXlsx(id, channel).orElse(null));
			default -> throw new BadParameter("format must be csv or xlsx");
		};
	}

	@ExceptionHandler(BadParameter.class)
	ResponseEntity<Map<String, String>> badRequest(BadParameter e) {
		return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
	}

	/** A request parameter with a value the API does not know. */
	static final class BadParameter extends RuntimeException {
		BadParameter(String message) {
			super(message, null, false, false);
		}
	}

	private static ResponseEntity<byte[]> download(ImportDownload file) {
		if (file == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.contentType(MediaType.parseMediaType(file.contentType()))
				.body(file.content());
	}
}
