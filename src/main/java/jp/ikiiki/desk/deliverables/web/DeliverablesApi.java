package jp.ikiiki.desk.deliverables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.Deliverables;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliverables to the city (第9章1(2)) and their files. Refusals are problem details from the application's one
 * error handler (400 an unreadable month or file id, 404 no such file or one not delivered yet for city staff).
 */
@RestController
@RequestMapping("/api/deliverables")
@Tag(name = "deliverables", description = "提出データ (第9章1(2)) and 作業報告書 (第1章5(1)): the calendar and the files; "
		+ "every download is audited.")
class DeliverablesApi {

	private final Deliverables deliverables;

	DeliverablesApi(Deliverables deliverables) {
		this.deliverables = deliverables;
	}

	/**
	 * One period as the API shows it.
	 *
	 * @param kind   the kind's code
	 * @param period the period key
	 * @param due    the due date (an open day)
	 * @param state  DUE, GENERATED, REJECTED, CHECKED, DELIVERED or DOWNLOADED
	 * @param fileId the current file, null before one is generated (city staff: only once delivered)
	 */
	record Item(String kind, String kindLabel, String period, String periodLabel, LocalDate due, String state,
			String stateLabel, boolean overdue, boolean provided, UUID fileId, String sha256) {
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR','CITY_STAFF')")
	@Operation(summary = "The month's deliverables", description = "Every period due in the month, every line of "
			+ "the contract's table included (provided=false: no module generates it yet), by due date.")
	@ApiResponse(responseCode = "400", description = "a month that is not yyyy-MM")
	List<Item> month(@Parameter(description = "yyyy-MM") @RequestParam YearMonth month) {
		return deliverables.month(month).stream().map(DeliverablesApi::item).toList();
	}

	@GetMapping("/files/{fileId}")
	@PreAuthorize("hasAnyRole('CITY_STAFF','OPERATOR')")
	@Operation(summary = "A deliverable file", description = "Exactly as generated; its SHA-256 in the header "
			+ "X-Content-SHA256. City staff get only delivered files, and their first download marks the period "
			+ "downloaded.")
	@ApiResponse(responseCode = "404", description = "no such file (or, for city staff, not delivered)")
	ResponseEntity<byte[]> file(@PathVariable UUID fileId) {
		Deliverables.StoredDeliverableFile file = deliverables.download(fileId, "GET /api/deliverables/files");
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
								.toString())
				.header("X-Content-SHA256", file.sha256()).body(file.content());
	}

	private static Item item(DeliverablePeriod p) {
		boolean hide = isCityOnly() && !p.state().delivered();
		return new Item(p.kind(), p.kindLabel(), p.period(), p.periodLabel(), p.due(), p.state().name(),
				p.state().label(), p.overdue(), p.provided(), hide ? null : p.fileId(), hide ? null : p.sha256());
	}

	private static boolean isCityOnly() {
		return jp.ikiiki.desk.shared.CurrentUser.hasRole("CITY_STAFF")
				&& !jp.ikiiki.desk.shared.CurrentUser.hasRole("OPERATOR")
				&& !jp.ikiiki.desk.shared.CurrentUser.hasRole("FLOOR_MANAGER");
	}
}
