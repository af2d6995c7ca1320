package jp.ikiiki.desk.payments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.payments.AccountEntry;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountForm;
import jp.ikiiki.desk.payments.AccountFormState;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.payments.PayeeAccount;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 口座登録用紙 over HTTP (第8章5, 第10章3): entry, verify, a floor manager's decision, faulty forms, the account. */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "accounts", description = "口座登録用紙: エントリー・ベリファイ, 判定, 不備, 登録口座")
class AccountsApi {

	private final AccountForms forms;

	AccountsApi(AccountForms forms) {
		this.forms = forms;
	}

	/**
	 * One keying: a bank account or a ゆうちょ 記号・番号, and the holder's name.
	 *
	 * @param receivedOn 口座受付日 (entry of a form not yet received; default today)
	 */
	record KeyingRequest(String bankCode, String branchCode, String accountType, String accountNumber,
			String yuchoSymbol, String yuchoNumber, String holderKana, LocalDate receivedOn) {

		AccountEntry entry() {
			return new AccountEntry(bankCode, branchCode, accountType, accountNumber, yuchoSymbol, yuchoNumber,
					holderKana);
		}
	}

	/** A form's state. */
	record FormResponse(long id, String state, String stateLabel, LocalDate receivedOn, List<String> faultyReasons,
			LocalDate faultyOn, int imagePages) {

		static FormResponse of(AccountForm f) {
			return new FormResponse(f.id(), f.state().name(), f.state().label(), f.receivedOn(), f.faultyReasons(),
					f.faultyOn(), f.imagePages());
		}
	}

	@PutMapping("/{addressNumber}/entry")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙のエントリー（1回目の入力）", description = "金融機関コード・店舗コード・預金種目・口座番号、"
			+ "またはゆうちょの記号・番号と、口座名義（カナ）。入力時に検査し、通らなければ 422 と reason。")
	FormResponse entry(@PathVariable String addressNumber, @RequestBody KeyingRequest request) {
		return FormResponse.of(forms.entry(addressNumber, body(request).entry(), request.receivedOn()));
	}

	@PutMapping("/{addressNumber}/verify")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙のベリファイ（2回目の入力、エントリーと別の担当者）")
	@ApiResponse(responseCode = "409", description = "mismatches: the fields that differ, state VERIFYING or DISPUTED; or "
			+ "the same operator as the entry")
	FormResponse verify(@PathVariable String addressNumber, @RequestBody KeyingRequest request) {
		AccountForms.VerifyResult r = forms.verify(addressNumber, body(request).entry());
		if (r.form().state() != AccountFormState.VERIFIED) {
			String text = r.form().state() == AccountFormState.DISPUTED
					? "エントリーと一致しない項目があり、判定待ちになりました"
					: "エントリーと一致しない項目があります。もう一度入力してください";
			throw new StateConflictException(text).with("mismatches", r.mismatches())
					.with("state", r.form().state().name());
		}
		return FormResponse.of(r.form());
	}

	/** A floor manager's decision: the value that counts per disputed field (API field names). */
	record DecisionRequest(Map<String, String> values, String note) {
	}

	@PutMapping("/{addressNumber}/decision")
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	@Operation(summary = "不一致項目の判定（現場責任者）")
	FormResponse decide(@PathVariable String addressNumber, @RequestBody DecisionRequest request) {
		if (request == null || request.values() == null || request.values().isEmpty()) {
			throw new InvalidInputException("values", "判定する項目の値を入力してください");
		}
		var values = new EnumMap<AccountField, String>(AccountField.class);
		request.values().forEach((name, v) -> values.put(AccountField.ALL.stream().filter(f -> f.apiName().equals(name))
				.findFirst().orElseThrow(() -> new InvalidInputException("values", "項目 " + name + " はありません")), v));
		return FormResponse.of(forms.decide(addressNumber, values, request.note()));
	}

	/** What is wrong with the form. */
	record FaultyRequest(List<String> reasons, LocalDate faultyOn) {
	}

	@PostMapping("/{addressNumber}/faulty")
	@PreAuthorize("hasRole('OPERATOR')")
	@Operation(summary = "口座登録用紙の不備を記録（督促の対象になります）")
	FormResponse faulty(@PathVariable String addressNumber, @RequestBody FaultyRequest request) {
		if (request == null) {
			throw new InvalidInputException("reasons", "不備の内容を入力してください");
		}
		return FormResponse.of(forms.recordFaulty(addressNumber, request.reasons(), request.faultyOn()));
	}

	@GetMapping("/{addressNumber}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "登録口座（現在のもの）; 404 なし")
	PayeeAccount account(@PathVariable String addressNumber) {
		return forms.account(addressNumber).orElseThrow(() -> new NotFoundException("登録口座はありません"));
	}

	@GetMapping("/{addressNumber}/forms")
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "口座登録用紙の履歴（口座受付日、不備）")
	List<FormResponse> forms(@PathVariable String addressNumber) {
		return forms.forms(addressNumber).stream().map(FormResponse::of).toList();
	}

	private static KeyingRequest body(KeyingRequest request) {
		if (request == null) {
			throw new InvalidInputException("body", "入力内容がありません");
		}
		return request;
	}
}
