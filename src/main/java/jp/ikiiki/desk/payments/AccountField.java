package jp.ikiiki.desk.payments;

import java.util.List;

/** A field of the 口座登録用紙 as keyed (第10章3), in keying order; the ordinal is the stored field number. */
public enum AccountField {
	BANK_CODE("金融機関コード", "bankCode"),
	BRANCH_CODE("店舗コード", "branchCode"),
	ACCOUNT_TYPE("預金種目", "accountType"),
	ACCOUNT_NUMBER("口座番号", "accountNumber"),
	YUCHO_SYMBOL("ゆうちょ記号", "yuchoSymbol"),
	YUCHO_NUMBER("ゆうちょ番号", "yuchoNumber"),
	HOLDER("口座名義（カナ）", "holderKana");

	/** Every field in keying order. */
	public static final List<AccountField> ALL = List.of(values());

	private final String label;
	private final String apiName;

	AccountField(String label, String apiName) {
		this.label = label;
		this.apiName = apiName;
	}

	/** The Japanese name messages quote. */
	public String label() {
		return label;
	}

	/** The name in the HTTP API. */
	public String apiName() {
		return apiName;
	}
}
