package jp.ikiiki.desk.subjects.columns;

/**
 * What a column of the city's files holds, and so how a cell is validated and normalised.
 * Every text-bearing type is also checked for characters that cannot be printed as they are (第3章1).
 */
public enum FieldType {
	/** 宛名番号: digits, required and unique in a file. */
	ADDRESS_NUMBER,
	/** Free text (names, addresses, notes). */
	TEXT,
	/** Katakana name (full or half width, hiragana accepted). */
	KANA,
	/** A date in western (2026/9/1, 2026-09-01, 20260901) or Japanese-era (R8.9.1, 令和8年9月1日) form; stored ISO. */
	DATE,
	/** Postal code, 7 digits with or without the hyphen; stored as 7 digits. */
	POSTAL_CODE,
	/** Hiroshima ward code 101–108 (or 34101–34108); stored as 101–108. */
	WARD_CODE,
	/** 1 male / 2 female (男 / 女 accepted); stored as 1 or 2. */
	SEX,
	/** 要支援1–2, 要介護1–5, 事業対象者, 非該当 or their insurance codes; stored as the label. */
	CARE_LEVEL,
	/** Subsidy ticket type from the configured list. */
	TICKET_TYPE,
	/** 1 / 0 / blank (有, ○ and 無 accepted); stored as 1, 0 or blank. */
	FLAG,
	/** A non-negative whole number. */
	INTEGER,
	/** Digits only (被保険者番号, bank and branch codes). */
	DIGITS,
	/** 申請書管理番号: letters and digits, printed as a barcode. */
	MANAGEMENT_NUMBER
}
