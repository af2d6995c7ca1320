package jp.ikiiki.desk.erasure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.Erasures;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The end-of-contract erasure over HTTP (第11章1(5)(6)), for security administrators (SECURITY_ADMIN; the service
 * checks the role). A real erasure takes two people: one requests it ({@code POST /api/erasure/requests}), a second
 * confirms and runs it ({@code POST /api/erasure?dryRun=false&request=<id>}) within the confirmation window.
 */
@RestController
@RequestMapping("/api/erasure")
@Tag(name = "erasure", description = "契約終了時のデータ消去と消去証明書 (SECURITY_ADMIN)")
class ErasureController {

	private final Erasures erasures;

	ErasureController(Erasures erasures) {
		this.erasures = erasures;
	}

	/** The body of a request. */
	record RequestBodyJson(@Size(max = 500) String reason) {
	}

	@PostMapping
	@Operation(summary = "Dry run (dryRun=true) or the confirmed erasure (dryRun=false with request=<id>, by a second "
			+ "administrator) → the certificate's data")
	ErasureCertificate erase(@RequestParam boolean dryRun, @RequestParam(required = false) Long request) {
		if (dryRun) {
			return erasures.dryRun();
		}
		if (request == null) {
			throw new InvalidInputException("request",
					"消去の実行には、別の情報管理責任者が出した依頼の番号（request）が必要です");
		}
		return erasures.confirmAndRun(request);
	}

	@PostMapping("/requests")
	@Operation(summary = "Request an erasure; another administrator must confirm it within the confirmation window")
	ErasureCertificate request(@RequestBody RequestBodyJson body) {
		return erasures.request(body == null ? null : body.reason());
	}

	@DeleteMapping("/requests/{id}")
	@Operation(summary = "Withdraw a request not yet confirmed")
	ErasureCertificate withdraw(@PathVariable long id) {
		return erasures.withdraw(id);
	}

	@GetMapping
	@Operation(summary = "Every erasure, newest first")
	List<ErasureCertificate> list() {
		return erasures.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One erasure")
	ErasureCertificate find(@PathVariable long id) {
		return erasures.find(id).orElseThrow(() -> new NotFoundException("消去 " + id + " はありません"));
	}

	@GetMapping("/{id}/certificate.pdf")
	@Operation(summary = "The erasure certificate (PDF, Japanese)")
	ResponseEntity<byte[]> certificate(@PathVariable long id) {
		byte[] pdf = erasures.certificatePdf(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("erasure-certificate-" + id + ".pdf").build().toString())
				.body(pdf);
	}
}
