package jp.ikiiki.desk.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.payments.PaymentRuns;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment runs over HTTP (第7章1(5)): make, download the stored files (audited), deliver, cancel, returns. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payments", description = "支払処理: 支払データ, 全銀 総合振込ファイル, 振込不能")
class PaymentRunsApi {

	private final PaymentRuns runs;

	PaymentRunsApi(PaymentRuns runs) {
		this.runs = runs;
	}

	/** A run to make. */
	record RunRequest(Integer businessYear, LocalDate transferDate) {
	}

	@PostMapping("/runs")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "支払処理の作成（事業年度, 振込指定日）")
	Map<String, Object> create(@RequestBody RunRequest request) {
		if (request == null || request.businessYear() == null) {
			throw new InvalidInputException("businessYear", "事業年度を入力してください");
		}
		return body(runs.create(request.businessYear(), request.transferDate()));
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "支払処理（件数, 合計, 対象外, 期限）")
	Map<String, Object> run(@PathVariable long id) {
		return body(runs.run(id));
	}

	private static Map<String, Object> body(PaymentRuns.Run r) {
		return Map.of("id", r.id(), "businessYear", r.businessYear(), "transferDate", r.transferDate(), "state",
				r.state(), "count", r.count(), "totalYen", r.totalYen(), "excluded", r.excluded(), "late", r.late());
	}

	@GetMapping("/runs/{id}/transfer-file")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "全銀 総合振込ファイル（作成時のまま）")
	ResponseEntity<byte[]> transferFile(@PathVariable long id) {
		return download(runs.file(id, PaymentRuns.FileKind.TRANSFER));
	}

	@GetMapping("/runs/{id}/payment-data")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "支払データ（xlsx または csv、作成時のまま）")
	ResponseEntity<byte[]> paymentData(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format) {
		PaymentRuns.FileKind kind = switch (format) {
			case "xlsx" -> PaymentRuns.FileKind.DATA_XLSX;
			case "csv" -> PaymentRuns.FileKind.DATA_CSV;
			default -> throw new InvalidInputException("format", "format は xlsx か csv です");
		};
		return download(runs.file(id, kind));
	}

	private static ResponseEntity<byte[]> download(PaymentRuns.RunFile f) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName()).build()
						.toString())
				.body(f.content());
	}

	@PostMapping("/runs/{id}/delivered")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "送付済にする（以後変更できません）")
	Map<String, Object> deliver(@PathVariable long id) {
		return body(runs.deliver(id));
	}

	@PostMapping("/runs/{id}/cancel")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "未送付の支払処理を取り消す")
	Map<String, Object> cancel(@PathVariable long id) {
		return body(runs.cancel(id));
	}

	/** The bank's 振込不能 list. */
	record ReturnsRequest(Long runId, List<PaymentRuns.ReturnItem> items) {
	}

	@PostMapping("/returns")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "振込不能の記録（支払は不能、口座は不備に）")
	Map<String, Object> returns(@RequestBody ReturnsRequest request) {
		if (request == null || request.runId() == null) {
			throw new InvalidInputException("runId", "支払処理の番号を入力してください");
		}
		return Map.of("marked", runs.recordReturns(request.runId(), request.items()));
	}

	@PostMapping(path = "/runs/{id}/returns-file", consumes = "multipart/form-data")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "銀行の振込不能ファイルの取込（dryRun=true で確認のみ）。取込で支払処理は振込確認済みに")
	PaymentRuns.ReturnImport returnsFile(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			@org.springframework.web.bind.annotation.RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun)
			throws java.io.IOException {
		try (var in = file.getInputStream()) {
			return runs.importReturns(id, file.getOriginalFilename(), in, dryRun);
		}
	}

	@PostMapping("/runs/{id}/confirmed")
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	@Operation(summary = "銀行が振込を行ったことの確認（振込有無＝1）")
	Map<String, Object> confirm(@PathVariable long id) {
		return body(runs.confirm(id));
	}

	@GetMapping("/history/{addressNumber}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT')")
	@Operation(summary = "対象者の支払履歴")
	List<PaymentRuns.PaymentLine> history(@PathVariable String addressNumber) {
		return runs.history(addressNumber);
	}
}
