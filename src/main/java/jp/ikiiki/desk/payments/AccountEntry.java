package jp.ikiiki.desk.payments;

/**
 * One keying of a 口座登録用紙 as typed: either a bank account (金融機関コード, 店舗コード, 預金種目, 口座番号) or a ゆうちょ
 * 通常貯金 by its 記号・番号 — never both — and the holder's name in kana. Checked and converted by {@link AccountForms}.
 *
 * @param bankCode      4 digits (full-width tolerated); blank for a 記号・番号 form
 * @param branchCode    3 digits
 * @param accountType   1/2/4 or 普通/当座/貯蓄
 * @param accountNumber 7 digits
 * @param yuchoSymbol   ゆうちょ 記号 (5 digits); blank for a bank form
 * @param yuchoNumber   ゆうちょ 番号 (up to 8 digits ending in 1)
 * @param holderKana    口座名義 in kana (full- or half-width, hiragana tolerated)
 */
public record AccountEntry(String bankCode, String branchCode, String accountType, String accountNumber,
		String yuchoSymbol, String yuchoNumber, String holderKana) {

	/** A bank account. */
	public static AccountEntry bank(String bankCode, String branchCode, String accountType, String accountNumber,
			String holderKana) {
		return new AccountEntry(bankCode, branchCode, accountType, accountNumber, null, null, holderKana);
	}

	/** A ゆうちょ 通常貯金 by its 記号・番号. */
	public static AccountEntry yucho(String symbol, String number, String holderKana) {
		return new AccountEntry(null, null, null, null, symbol, number, holderKana);
	}
}
