package jp.ikiiki.desk.payments;

import java.time.LocalDate;

/**
 * The account a person is paid into, as the 全銀 file carries it.
 *
 * @param id            the account
 * @param addressNumber 宛名番号
 * @param bankCode      4 digits (9900 for ゆうちょ)
 * @param branchCode    3 digits (店番 for ゆうちょ)
 * @param accountType   預金種目
 * @param accountNumber 7 digits
 * @param holderKana    口座名義 in 全銀 characters (half-width)
 * @param yuchoSymbol   the 記号 keyed, or null
 * @param yuchoNumber   the 番号 keyed, or null
 * @param validFrom     the day the valid form was received (口座受付日)
 * @param state         VALID, FAULTY (a transfer was returned) or REPLACED
 */
public record PayeeAccount(long id, String addressNumber, String bankCode, String branchCode, AccountType accountType,
		String accountNumber, String holderKana, String yuchoSymbol, String yuchoNumber, LocalDate validFrom,
		String state) {
}
