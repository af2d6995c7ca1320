package jp.ikiiki.desk.groups.duplicates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The duplicate check (第5章2) over HTTP: the month's likely pairs, the city's decisions, the towns' lists. */
@RestController
@Tag(name = "groups-duplicates", description = "重複チェック（活動団体、府中町・海田町の一覧）")
class DuplicatesApi {

	static final String LIST_CHANNEL = "GET /api/groups/duplicates";
	static final String DECISION_CHANNEL = "POST /api/groups/duplicates/{id}/decision";
	static final String TOWN_CHANNEL = "POST /api/groups/town-lists/{town}";

	private final DuplicateChecks checks;
	private final TownLists towns;

	DuplicatesApi(DuplicateChecks checks, TownLists towns) {
		this.checks = checks;
		this.towns = towns;
	}

	/** The city's decision on a pair. */
	record Decision(Boolean duplicate) {
	}

	@GetMapping("/api/groups/duplicates")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "The month's likely duplicates (the month's new groups against the registered groups and the "
			+ "towns' lists), best first", description = "Runs the month's check (idempotent) and lists its pairs: "
					+ "[{id, a, b, score, matched:[name|kana|representative|phone|address], duplicate}]. Audited.")
	List<DuplicateChecks.Pair> list(@RequestParam String month) {
		return checks.check(month(month), LIST_CHANNEL);
	}

	@GetMapping("/api/groups/duplicates/checklist")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "The month's 重複チェックリスト as XLSX")
	ResponseEntity<byte[]> checklist(@RequestParam String month) {
		YearMonth m = month(month);
		byte[] xlsx = DuplicateChecklist.write(m, checks.check(m, LIST_CHANNEL + "/checklist"));
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(DuplicateChecklist.fileName(m), StandardCharsets.UTF_8).build().toString())
				.body(xlsx);
	}

	@PostMapping("/api/groups/duplicates/{id}/decision")
	@PreAuthorize("hasRole('CITY_STAFF')")
	@Operation(summary = "The city's decision on a pair (final: 409 on a second decision)")
	DuplicateChecks.Pair decide(@PathVariable long id, @RequestBody Decision decision) {
		if (decision == null || decision.duplicate() == null) {
			throw new InvalidInputException("duplicate", "重複かどうか（true または false）を指定してください。");
		}
		return checks.decide(id, decision.duplicate(), DECISION_CHANNEL);
	}

	@PostMapping(path = "/api/groups/town-lists/{town}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Import a town's list of registered groups (replaces the town's list)",
			description = "town: FUCHU (府中町) or KAITA (海田町); CSV or XLSX; dryRun=true (default) checks without "
					+ "writing. A file with a refused row changes nothing.")
	TownListImport.Outcome importTown(@PathVariable String town, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestPart("file") MultipartFile file) throws IOException {
		Town t;
		try {
			t = Town.valueOf(town.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("town", "町は FUCHU（府中町）または KAITA（海田町）を指定してください。");
		}
		try (InputStream in = file.getInputStream()) {
			return towns.load(t, file.getOriginalFilename(), in, dryRun, TOWN_CHANNEL);
		}
	}

	@GetMapping("/api/groups/town-lists")
	@PreAuthorize("hasAnyRole('OPERATOR', 'CITY_STAFF')")
	@Operation(summary = "Each town's current list: file, import date, entries")
	List<TownListImport.Current> townLists() {
		return towns.current();
	}

	static YearMonth month(String month) {
		try {
			return YearMonth.parse(month == null ? "" : month.strip());
		} catch (DateTimeParseException e) {
			throw new InvalidInputException("month", "月は yyyy-MM の形で指定してください（例: 2026-11）。");
		}
	}
}
