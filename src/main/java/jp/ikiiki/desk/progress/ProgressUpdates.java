package jp.ikiiki.desk.progress;

import java.time.LocalDate;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * How later modules (notices, payments) record what they did in a person's progress record for one business year.
 * Each call writes its columns only, in the caller's transaction, and leaves every other column as it is; a year
 * without a record gets one. Columns 55–75 are not among them: they are derived from the tally's verified keying and
 * never written by anyone else.
 *
 * @throws jp.ikiiki.desk.shared.NotFoundException      for a person who is not a subject
 * @throws jp.ikiiki.desk.shared.InvalidInputException  for a year outside 1990–2999 or a value too long
 */
public interface ProgressUpdates {

	/** The 獲得ポイント通知 was sent (第8章) on {@code sentOn}, under postal acceptance number (郵便引受番号, col 82). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void noticeSent(AddressNumber subject, int businessYear, LocalDate sentOn, String acceptanceNumber);

	/** A usable 口座登録用紙 was received (口座受付日, col 51) with the account's bank details (cols 78–81). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void accountReceived(AddressNumber subject, int businessYear, LocalDate receivedOn, BankDetails bank);

	/** A notice of a deficient account form (不備状, col 52) was sent. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void deficiencyNoticeSent(AddressNumber subject, int businessYear, LocalDate sentOn);

	/** The payment is planned for {@code plannedOn} (支払予定日, col 53) in data extracted on {@code extractedOn} (col 83). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void paymentPlanned(AddressNumber subject, int businessYear, LocalDate plannedOn, LocalDate extractedOn);

	/** The payment was made on {@code paidOn} (振込有無, col 54 = 1). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void paid(AddressNumber subject, int businessYear, LocalDate paidOn);

	/**
	 * The bank returned the payment recorded as made (振込不能 after the run was confirmed): 振込有無 (col 54) is blank
	 * again and the payment date cleared, until a later run pays the year.
	 */
	void transferReturned(AddressNumber subject, int businessYear);

	/**
	 * Bank details (cols 78–81).
	 *
	 * @param bankCode    金融機関コード, digits
	 * @param bankName    金融機関名
	 * @param branchCode  店舗コード, digits
	 * @param holder      口座名義人
	 */
	record BankDetails(String bankCode, String bankName, String branchCode, String holder) {
	}
}
