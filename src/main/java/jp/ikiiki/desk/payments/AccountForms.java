package jp.ikiiki.desk.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.keying.Outcome;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The returned 口座登録用紙 (第8章5, 第10章3): received, keyed by two operators (entry and verify, the keying module's
 * rules, as the tally's booklets), checked as keyed — bank and branch in the bank master and open, 預金種目 普通/当座/貯蓄,
 * 口座番号 of 7 digits, ゆうちょ 記号・番号 converted to 店番 and 口座番号, the holder's name converted to 全銀 characters
 * — and, once verified, the person's account; or recorded faulty with what is wrong. Refusals are domain exceptions
 * with the reason in Japanese. Every call acts as the signed-in operator and looks the subject up (audited).
 */
public interface AccountForms {

	/**
	 * The entry (first keying) of the person's open form, completed; a form is received first if none is open.
	 *
	 * @param addressNumber 宛名番号
	 * @param receivedOn    口座受付日 of a form received now; null: today (Japan time). Ignored if a form is open.
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown subject
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a check that fails, naming the field and why
	 * @throws jp.ikiiki.desk.shared.StateConflictException the entry is complete or held by another operator
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	AccountForm entry(String addressNumber, AccountEntry entry, LocalDate receivedOn);

	/**
	 * The verify (second keying) of the person's open form, compared field by field with the entry.
	 *
	 * @return the form afterwards and the fields that differ (API names)
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no form open for the person
	 * @throws jp.ikiiki.desk.shared.StateConflictException the verifier keyed the entry, or the entry is not complete
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	VerifyResult verify(String addressNumber, AccountEntry entry);

	/**
	 * A floor manager's decision on every disputed field of the person's form (both keyings kept).
	 *
	 * @param values the value that counts, per disputed field, as an operator would key it
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	AccountForm decide(String addressNumber, Map<AccountField, String> values, String note);

	/**
	 * Records the person's open form as faulty (不備) with what is wrong, on {@code faultyOn} (today if null); the
	 * person is due for a reminder.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	AccountForm recordFaulty(String addressNumber, List<String> reasons, LocalDate faultyOn);

	/**
	 * The person's open form, received now (dated {@code receivedOn}, today if null) if none is open: a form is received
	 * before its scan is kept and keyed.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException     unknown subject
	 * @throws jp.ikiiki.desk.shared.InvalidInputException a receipt date in the future or over 3 years ago
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	AccountForm receive(String addressNumber, LocalDate receivedOn);

	/**
	 * Keeps the scanned form (the 口座登録用紙 and the bankbook copy: a PDF or a PNG/JPEG/TIFF image) for the form, checked
	 * first; a later scan of the same form replaces it (a better scan), audited either way.
	 *
	 * @param originalName the name the file was uploaded under (kept for the record), or null
	 * @throws jp.ikiiki.desk.shared.NotFoundException     unknown form
	 * @throws jp.ikiiki.desk.shared.InvalidInputException (field {@code file}) the file is refused, with the reason
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	AccountForm attachImage(long formId, String originalName, java.io.InputStream content);

	/**
	 * One page of the form's scan as PNG, audited under {@code channel} (a person's form is personal data).
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException unknown form, no scan kept or no such page
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	byte[] imagePage(long formId, int page, String channel);

	/** The person's forms, newest first. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT')")
	List<AccountForm> forms(String addressNumber);

	/** The person's current account (VALID or FAULTY). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Optional<PayeeAccount> account(String addressNumber);

	/**
	 * What a field keyed so far reads as, for the keyer to compare with the paper: the bank's or branch's name from the
	 * bank master, the 預金種目, the 口座番号, the ゆうちょ 店番 and 口座番号 derived from the 記号・番号, the holder's name
	 * in 全銀 characters. Needs the fields before it ({@code soFar}); looks no subject up.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException the field's check fails, with the reason
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	String check(AccountField field, AccountEntry soFar);

	/**
	 * Opens the verify of the person's form for the signed-in operator (claimed as in the tally) and returns what is
	 * keyed so far, per field: its value and outcome.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no form open for the person
	 * @throws jp.ikiiki.desk.shared.StateConflictException the verify is not open for this operator
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	VerifySheet openVerify(String addressNumber);

	/**
	 * Verifies one field as the console keys it: compared with the entry at once (MATCHED; REKEY the first time it
	 * differs; DISPUTED the second), so the verifier stops at the first field that differs.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Outcome verifyField(String addressNumber, AccountField field, String text);

	/**
	 * Completes the verify once every field is matched or disputed: VERIFIED (the person's account) or DISPUTED.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException fields still to key
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	AccountForm completeVerify(String addressNumber);

	/** Forms waiting for a floor manager's decision, oldest first, with both keyings of each disputed field. */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	List<Dispute> disputes();

	/**
	 * The person's current account as an agent may see it (the subject page and the desk): the bank's and branch's
	 * names, the 預金種目, the account number masked but for its last 3 digits, its state and since when. The look-up
	 * is audited under {@code channel}.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT')")
	Optional<AccountSummary> accountSummary(String addressNumber, String channel);

	/** A current account, masked: {@code maskedNumber} shows only the last 3 digits (＊＊＊＊123). */
	record AccountSummary(String bankName, String branchName, String accountType, String maskedNumber, String state,
			LocalDate validFrom, boolean yucho) {
	}

	/** The verify keyed so far: per field its value (converted) and outcome. */
	record VerifySheet(AccountForm form, Map<AccountField, String> values, Map<AccountField, Outcome> status) {
	}

	/** A disputed form: the fields the two keyings disagree on, and who keyed. */
	record Dispute(AccountForm form, List<DisputedField> fields, String enteredBy, String verifiedBy) {
	}

	/** One disputed field: the entry's value, the verifier's first and second. */
	record DisputedField(AccountField field, String entryValue, String firstVerifyValue, String verifyValue) {
	}

	/**
	 * The verify's outcome.
	 *
	 * @param form       the form afterwards (VERIFIED, VERIFYING with fields to key again, or DISPUTED)
	 * @param mismatches fields that differ, by API name
	 */
	record VerifyResult(AccountForm form, List<String> mismatches) {
	}
}
