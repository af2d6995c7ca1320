package jp.ikiiki.desk.progress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.progress.OpeningBalances;
import jp.ikiiki.desk.progress.ProgressList;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The per-business-year progress record over HTTP: the 対象者別進捗状況一覧 export (第9章1(2)), the opening-balance
 * import (第9章1(1)) and a person's points statement.
 */
@RestController
@Tag(name = "progress", description = "対象者別進捗状況 (別紙3 columns 49–84 per business year)")
class ProgressApi {

	static final String EXPORT_CHANNEL = "GET /api/exports/progress-list";
	static final String OPENING_CHANNEL = "POST /api/progress/opening-balances";
	static final String STATEMENT_CHANNEL = "GET /api/progress/{addressNumber}";

	private final ProgressList list;
	private final OpeningBalances openings;
	private final ProgressRecords records;

	ProgressApi(ProgressList list, OpeningBalances openings, ProgressRecords records) {
		this.list = list;
		this.openings = openings;
		this.records = records;
	}

	@GetMapping("/api/exports/progress-list")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "対象者別進捗状況一覧 of a business year (84 columns of 別紙3)",
			description = "format: xlsx or csv (Windows-31J). Streamed; the download is audited.")
	void progressList(@RequestParam int businessYear, @RequestParam(defaultValue = "xlsx") String format,
			HttpServletResponse response) throws IOException {
		ProgressList.Format f = switch (format.toLowerCase(Locale.ROOT)) {
			case "xlsx" -> ProgressList.Format.XLSX;
			case "csv" -> ProgressList.Format.CSV;
			default -> throw new InvalidInputException("format", "形式は xlsx または csv を指定してください");
		};
		response.setContentType(f.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(ProgressList.fileName(businessYear, f), StandardCharsets.UTF_8).build().toString());
		list.write(businessYear, f, response.getOutputStream(), EXPORT_CHANNEL);
		response.flushBuffer();
	}

	@PostMapping(path = "/api/progress/opening-balances", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Load the predecessor's 別紙3 data of a business year (columns 49–84)",
			description = "dryRun=true (default) checks and counts without writing. Every refused row is listed with "
					+ "its row, column and reason.")
	OpeningBalances.Outcome openingBalances(@RequestParam int businessYear,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return openings.load(businessYear, file.getOriginalFilename(), in, dryRun, OPENING_CHANNEL);
		}
	}

	@GetMapping("/api/progress/{addressNumber}")
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "A person's points and payment per business year, newest first (audited)")
	List<ProgressRecords.YearStatement> statement(@PathVariable String addressNumber) {
		return records.statement(AddressNumber.parse(addressNumber), STATEMENT_CHANNEL);
	}
}
