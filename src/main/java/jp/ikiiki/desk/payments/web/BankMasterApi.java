package jp.ikiiki.desk.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The bank and branch master over HTTP: what is in force, a branch, and a refresh from a newer zengin-code file. */
@RestController
@RequestMapping("/api/payments/bank-master")
@Tag(name = "bank-master", description = "銀行マスタ（全銀協コード、zengin-code）")
class BankMasterApi {

	private final BankMaster master;

	BankMasterApi(BankMaster master) {
		this.master = master;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "使用中の銀行マスタと読込の履歴")
	List<BankMaster.Version> versions() {
		return master.history();
	}

	@GetMapping("/{bankCode}/{branchCode}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "金融機関と店舗（新しい口座に使えるかどうかの判定つき）")
	BankMaster.Branch branch(@PathVariable String bankCode, @PathVariable String branchCode) {
		return master.forNewAccount(bankCode, branchCode);
	}

	/**
	 * A newer zengin-code file: previewed (nothing changes) unless {@code apply} is true.
	 *
	 * @param dataDate the date of the data; not needed for the npm package (its version carries it)
	 * @param confirm  true once a person has seen a preview that closes many branches
	 */
	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "新しい zengin-code データで銀行マスタを更新（apply=false なら確認のみ）")
	BankMaster.Refresh refresh(@RequestPart("file") MultipartFile file,
			@RequestParam(name = "dataDate", required = false) LocalDate dataDate,
			@RequestParam(name = "apply", defaultValue = "false") boolean apply,
			@RequestParam(name = "confirm", defaultValue = "false") boolean confirm) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("file", "ファイルが空です");
		}
		try (InputStream in = file.getInputStream()) {
			return apply ? master.apply(file.getOriginalFilename(), in, dataDate, confirm)
					: master.preview(file.getOriginalFilename(), in, dataDate);
		}
	}
}
