package jp.ikiiki.desk.subjects.demo;

/** The one defect a bad generated row carries; each makes the import reject the row. */
public enum Defect {
	/** 生年月日 is not a calendar date (S16.2.29, 1940/13/5, 昭和15年4月31日 …). */
	BAD_DATE,
	/** 区コード is not one of Hiroshima's eight wards (109, 34110, 201 …). INDEX only. */
	UNKNOWN_WARD_CODE,
	/** 郵便番号 has the wrong number of digits or a letter in it. */
	BAD_POSTAL_CODE,
	/** A required cell (宛名番号, 氏名カナ, 氏名漢字, 生年月日, and 区コード in INDEX) is blank. */
	BLANK_REQUIRED,
	/** 宛名番号 repeats the previous row's (see {@link ExpectedProblem#duplicateOfRow()}). */
	DUPLICATE_ADDRESS_NUMBER,
	/** 宛名番号 holds a non-digit. */
	BAD_ADDRESS_NUMBER,
	/** 氏名カナ holds kanji or other non-kana characters. */
	BAD_KANA,
	/** 性別 is neither 1/2 nor 男/女. */
	BAD_SEX,
	/** 要介護認定状態 is not a care level (要介護6, 要支援3 …). */
	BAD_CARE_LEVEL,
	/** 利用券種 is not one of the four ticket types. */
	BAD_TICKET_TYPE
}
