package jp.ikiiki.desk.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.shared.InvalidInputException;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The returned 口座登録用紙 as received and scanned (第10章3): received before keying, its scan (the form and the bankbook
 * copy, a PDF or an image) kept and shown page by page, every showing audited.
 */
@RestController
@RequestMapping("/api/payments/account-forms")
@Tag(name = "account-forms", description = "口座登録用紙: 受付, イメージ")
class AccountFormImagesApi {

	private final AccountForms forms;

	AccountFormImagesApi(AccountForms forms) {
		this.forms = forms;
	}

	/** A form received: whose (宛名番号 from its barcode) and when (口座受付日, default today). */
	record ReceiveRequest(String addressNumber, LocalDate receivedOn) {
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙の受付（受付済みで未完了の用紙があればそれを返す）")
	AccountsApi.FormResponse receive(@RequestBody(required = false) ReceiveRequest request) {
		if (request == null || request.addressNumber() == null || request.addressNumber().isBlank()) {
			throw new InvalidInputException("addressNumber", "宛名番号を入力してください");
		}
		return AccountsApi.FormResponse.of(forms.receive(request.addressNumber(), request.receivedOn()));
	}

	@PutMapping(path = "/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙のイメージを登録（multipart の file）", description = "PDF または PNG・JPEG・TIFF。"
			+ "形式・ページ数・大きさを検査し、通らなければ 422 と reason。照合前なら差し替え可。")
	AccountsApi.FormResponse imageUpload(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return AccountsApi.FormResponse.of(forms.attachImage(id, file.getOriginalFilename(), in));
		}
	}

	@PutMapping(path = "/{id}/image")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙のイメージを登録（本文がファイル: application/pdf, image/png, image/jpeg, image/tiff）")
	AccountsApi.FormResponse image(@PathVariable long id, @RequestParam(required = false) String fileName,
			HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return AccountsApi.FormResponse.of(forms.attachImage(id, fileName, in));
		}
	}

	@GetMapping(path = "/{id}/image", produces = MediaType.IMAGE_PNG_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "口座登録用紙のイメージの1ページ（PNG、page は 1 から）; 参照は監査ログに記録")
	byte[] image(@PathVariable long id, @RequestParam(defaultValue = "1") int page) {
		return forms.imagePage(id, page, "GET /api/payments/account-forms/{id}/image");
	}
}
