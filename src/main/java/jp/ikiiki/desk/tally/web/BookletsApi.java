package jp.ikiiki.desk.tally.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.StampCounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Booklets over HTTP: receipt, scans, entry and verify (第7章, 第10章1), with the console's rules and audit. */
@RestController
@RequestMapping("/api/booklets")
@Tag(name = "booklets", description = "ポイント手帳: 受付, スキャン, エントリー・ベリファイ")
class BookletsApi {

	static final String RECEIVE_CHANNEL = "POST /api/booklets";
	static final String SCANS_CHANNEL = "POST /api/booklets/scans";

	private final BookletReceipts receipts;
	private final BookletScans scans;
	private final BookletKeying keying;

	BookletsApi(BookletReceipts receipts, BookletScans scans, BookletKeying keying) {
		this.receipts = receipts;
		this.scans = scans;
		this.keying = keying;
	}

	/**
	 * A booklet received.
	 *
	 * @param managementNumber 申請書管理番号 as on the cover
	 * @param receivedOn       the city's receipt date (yyyy-MM-dd)
	 * @param businessYear     the business year it belongs to (2025 = 令和7年度分)
	 * @param additional       true for an additional booklet (追加手帳)
	 */
	record ReceiptRequest(String managementNumber, LocalDate receivedOn, Integer businessYear, Boolean additional) {
	}

	/** A booklet as the API shows it. */
	record BookletItem(long id, String addressNumber, String managementNumber, int businessYear, boolean additional,
			String kind, LocalDate receivedOn, String state, String stateLabel, String scanFile) {

		static BookletItem of(BookletSummary b) {
			return new BookletItem(b.id(), b.addressNumber(), b.managementNumber(), b.businessYear(),
					b.kind() == BookletKind.ADDITIONAL, b.kind().name(), b.receivedOn(), b.state().name(),
					b.state().label(), b.scanFile());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Receive a booklet", description = "Finds the subject by 申請書管理番号 and records the city's "
			+ "receipt date (別紙3 col 50) for the year. Every refusal is also kept in the refusal list.")
	@ApiResponse(responseCode = "201", description = "received")
	@ApiResponse(responseCode = "404", description = "no subject has this number")
	@ApiResponse(responseCode = "409", description = "already received (same number, year and main/additional); bookletId")
	@ApiResponse(responseCode = "422", description = "reason: not a number, year not open, date in the future or outside "
			+ "the year, past the deadline, subject ended or not eligible")
	BookletItem receive(@RequestBody ReceiptRequest request) {
		if (request.managementNumber() == null || request.managementNumber().isBlank()) {
			throw new InvalidInputException("managementNumber", "申請書管理番号を指定してください");
		}
		if (request.receivedOn() == null) {
			throw new InvalidInputException("receivedOn", "市の受付日（receivedOn）を指定してください");
		}
		if (request.businessYear() == null) {
			throw new InvalidInputException("businessYear", "事業年度（businessYear）を指定してください");
		}
		var receipt = new BookletReceipts.Receipt(request.managementNumber(), request.receivedOn(),
				request.businessYear(), BookletKind.of(Boolean.TRUE.equals(request.additional())), null);
		return BookletItem.of(receipts.receive(receipt, RECEIVE_CHANNEL));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "One booklet")
	BookletItem booklet(@PathVariable long id) {
		return BookletItem.of(receipts.booklet(id).orElseThrow(() -> new NotFoundException("手帳 " + id + " はありません")));
	}

	@PostMapping(path = "/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Import scanned booklets", description = "One or more PDFs (part name file), one per cut "
			+ "booklet. Each is linked by the cover's barcode, queued for an operator (queued=true) or refused "
			+ "(queued=false, nothing kept), with the reason.")
	BookletScans.ScanImport importScans(@RequestPart("file") List<MultipartFile> files,
			@RequestParam(required = false) Integer businessYear) {
		var uploads = new ArrayList<BookletScans.Upload>();
		for (MultipartFile f : files) {
			uploads.add(new BookletScans.Upload() {
				@Override
				public String name() {
					return f.getOriginalFilename();
				}

				@Override
				public InputStream open() throws IOException {
					return f.getInputStream();
				}
			});
		}
		return scans.importFiles(uploads, businessYear, SCANS_CHANNEL);
	}

	/**
	 * Stamp counts of one booklet as keyed.
	 *
	 * @param stamps4p   地域の支え手 4P
	 * @param stamps2p   地域の支え手 2P
	 * @param checkups   受診 2P per check-up kind, 14 counts
	 * @param stamps1p   健康づくり 1P
	 * @param voidStamps stamps found void
	 */
	record CountsRequest(Integer stamps4p, Integer stamps2p, List<Integer> checkups, Integer stamps1p, Integer voidStamps) {

		StampCounts counts() {
			return new StampCounts(required("stamps4p", stamps4p), required("stamps2p", stamps2p), checkups,
					required("stamps1p", stamps1p), required("voidStamps", voidStamps));
		}

		private static int required(String field, Integer value) {
			if (value == null) {
				throw new InvalidInputException(field, field + " を指定してください");
			}
			if (value < 0) {
				throw new InvalidInputException(field, field + " は0以上の整数で指定してください");
			}
			return value;
		}
	}

	@PutMapping("/{id}/entry")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Entry (first keying)", description = "Every field at once; completes the entry.")
	@ApiResponse(responseCode = "409", description = "entry complete already or held by another operator")
	BookletItem entry(@PathVariable long id, @RequestBody CountsRequest request) {
		return BookletItem.of(keying.submitEntry(id, request.counts()));
	}

	/** The verify's answer when every field agrees. */
	record VerifiedResponse(String state, BookletItem booklet) {
	}

	@PutMapping("/{id}/verify")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "Verify (second keying)", description = "Compared field by field with the entry. A field that "
			+ "differs the first time must be keyed again (send the corrected counts); differing again, it goes to a "
			+ "floor manager's decision (state DISPUTED).")
	@ApiResponse(responseCode = "200", description = "{\"state\":\"VERIFIED\"}")
	@ApiResponse(responseCode = "409", description = "mismatches: the fields that differ, state VERIFYING or DISPUTED; or "
			+ "the same operator as the entry")
	VerifiedResponse verify(@PathVariable long id, @RequestBody CountsRequest request) {
		BookletKeying.VerifyResult result = keying.submitVerify(id, request.counts());
		if (result.booklet().state() != BookletState.VERIFIED) {
			String text = result.booklet().state() == BookletState.DISPUTED
					? "エントリーと一致しない項目があり、判定待ちになりました"
					: "エントリーと一致しない項目があります。もう一度入力してください";
			throw new StateConflictException(text).with("mismatches", result.mismatches())
					.with("state", result.booklet().state().name());
		}
		return new VerifiedResponse(BookletState.VERIFIED.name(), BookletItem.of(result.booklet()));
	}

	/** Counts of waiting work, for monitoring. */
	@GetMapping("/waiting")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "Booklets waiting for entry, verify and a decision")
	Map<String, Object> waiting() {
		var w = keying.waiting();
		var m = new java.util.LinkedHashMap<String, Object>();
		m.put("entry", w.entry());
		m.put("verify", w.verify());
		m.put("decision", w.decision());
		m.put("oldestReceivedOn", w.oldestReceivedOn());
		return m;
	}
}
