package jp.ikiiki.desk.payments;

/** A column of the 支払データ for the city (which ones and in what order: {@code ikiiki.payments.payment-data.columns}). */
public enum PaymentDataColumn {
	SEQ("連番"),
	ADDRESS_NUMBER("宛名番号"),
	BUSINESS_YEAR("事業年度"),
	AMOUNT("支払金額"),
	BANK_CODE("金融機関コード"),
	BANK_NAME("金融機関名"),
	BRANCH_CODE("店舗コード"),
	BRANCH_NAME("店舗名"),
	ACCOUNT_TYPE("預金種目"),
	ACCOUNT_NUMBER("口座番号"),
	HOLDER("口座名義"),
	TRANSFER_DATE("振込指定日"),
	DEADLINE("支払期限"),
	LATE("期限超過");

	private final String header;

	PaymentDataColumn(String header) {
		this.header = header;
	}

	/** The column's header in the file. */
	public String header() {
		return header;
	}
}
