package jp.ikiiki.desk.printing;

import java.util.Set;

/**
 * The field names a form layout may use ({@link PrintItem#fields()}). A layout naming any other field is refused when
 * it is loaded. A field {@code X} whose value is decided to print in kana takes its kana from {@code XKana}.
 */
public final class PrintFields {

	/** 氏名 (漢字). */
	public static final String NAME = "name";
	/** 氏名カナ: printed instead of the name when the city decides so (第3章1). */
	public static final String NAME_KANA = "nameKana";
	/** 郵便番号, 7 digits with or without the hyphen. */
	public static final String POSTCODE = "postcode";
	/** 住所. */
	public static final String ADDRESS = "address";
	/** 方書 (building, room, care of); may be empty. */
	public static final String ADDRESS_EXTRA = "addressExtra";
	/** 申請書管理番号: printed and as a barcode. */
	public static final String APPLICATION_NUMBER = "applicationNumber";
	/** 「再発行」 or 「追加分」 on a booklet cover; empty for a first issue. */
	public static final String MARK = "mark";
	/** 書留郵便の引受番号: printed and as a barcode. */
	public static final String REGISTERED_MAIL_NUMBER = "registeredMailNumber";
	/** 利用券種. */
	public static final String TICKET_TYPE = "ticketType";
	/** 助成金額 as printed, e.g. {@code 10,000}. */
	public static final String AMOUNT = "amount";
	/** 不交付理由. */
	public static final String REFUSAL_REASON = "refusalReason";
	/** 団体名. */
	public static final String GROUP_NAME = "groupName";
	/** 代表者名. */
	public static final String REPRESENTATIVE = "representative";
	/** 代表者名カナ. */
	public static final String REPRESENTATIVE_KANA = "representativeKana";
	/** 交付するスタンプ番号. */
	public static final String STAMP_NUMBER = "stampNumber";
	/** 発行日 as printed, e.g. 令和8年9月1日. */
	public static final String ISSUE_DATE = "issueDate";

	/** Every field a layout may name. */
	public static final Set<String> ALL = Set.of(NAME, NAME_KANA, POSTCODE, ADDRESS, ADDRESS_EXTRA, APPLICATION_NUMBER,
			MARK, REGISTERED_MAIL_NUMBER, TICKET_TYPE, AMOUNT, REFUSAL_REASON, GROUP_NAME, REPRESENTATIVE,
			REPRESENTATIVE_KANA, STAMP_NUMBER, ISSUE_DATE);

	/**
	 * Fields taken from the city's files, where ・ ■ 〓 stand for characters the city's system could not hold (第3章1);
	 * in other fields (a ticket type such as バス・電車券) they are ordinary characters.
	 */
	public static final Set<String> FROM_CITY_FILES = Set.of(NAME, NAME_KANA, ADDRESS, ADDRESS_EXTRA, REPRESENTATIVE,
			REPRESENTATIVE_KANA);

	/** What each field is called on the forms and screens (氏名, 郵便番号 …). */
	private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
			java.util.Map.entry(NAME, "氏名"), java.util.Map.entry(NAME_KANA, "氏名カナ"),
			java.util.Map.entry(POSTCODE, "郵便番号"), java.util.Map.entry(ADDRESS, "住所"),
			java.util.Map.entry(ADDRESS_EXTRA, "方書"), java.util.Map.entry(APPLICATION_NUMBER, "申請書管理番号"),
			java.util.Map.entry(MARK, "再発行・追加分の表示"), java.util.Map.entry(REGISTERED_MAIL_NUMBER, "郵便局引受番号"),
			java.util.Map.entry(TICKET_TYPE, "利用券種"), java.util.Map.entry(AMOUNT, "助成金額"),
			java.util.Map.entry(REFUSAL_REASON, "不交付理由"), java.util.Map.entry(GROUP_NAME, "団体名"),
			java.util.Map.entry(REPRESENTATIVE, "代表者名"), java.util.Map.entry(REPRESENTATIVE_KANA, "代表者名カナ"),
			java.util.Map.entry(STAMP_NUMBER, "交付するスタンプ番号"), java.util.Map.entry(ISSUE_DATE, "発行日"));

	/** The field's Japanese name (氏名 for {@link #NAME}); {@code *} is 全項目; an unknown name is returned as it is. */
	public static String label(String field) {
		if ("*".equals(field)) {
			return "全項目";
		}
		return LABELS.getOrDefault(field, field);
	}

	/** Marks for {@link #MARK} (第3章2). */
	public static final String MARK_REISSUE = "再発行";
	/** @see #MARK_REISSUE */
	public static final String MARK_ADDITIONAL = "追加分";

	private PrintFields() {
	}
}
