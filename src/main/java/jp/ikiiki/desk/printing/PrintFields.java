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

	// The points notice (獲得ポイント通知, 第2章3(4), 第8章1) and the account form (口座登録用紙, 第2章3(5)): figures
	// as printed (whole numbers, amounts with thousands separators), one field per 別紙3 column 55–75.

	/** 事業年度 as printed, e.g. 令和7年度分. */
	public static final String BUSINESS_YEAR = "businessYear";
	/** 地域の支え手となる活動 4P: points (別紙3 col 55). */
	public static final String POINTS_4P = "points4p";
	/** 地域の支え手となる活動 2P: points (col 56). */
	public static final String POINTS_2P = "points2p";
	/** 健康診査・がん検診等の受診: points of every check-up kind together (col 71). */
	public static final String CHECKUP_POINTS = "checkupPoints";
	/** 健康づくり・介護予防活動 1P: points (col 72). */
	public static final String POINTS_1P = "points1p";
	/** ポイント合計 before the cap (col 73). */
	public static final String TOTAL_POINTS = "totalPoints";
	/** 上限ポイント (col 74). */
	public static final String CAP_POINTS = "capPoints";
	/** Points paid for: min(total, cap). */
	public static final String CREDITED_POINTS = "creditedPoints";
	/** 支払金額 in yen as printed, e.g. {@code 7,500} (col 75). */
	public static final String PAYMENT_AMOUNT = "paymentAmount";
	/** Stamps found void (第8章3), a count. */
	public static final String VOID_STAMPS = "voidStamps";
	/** One or two sentences for the person (every stamp void, points above the cap, the account form enclosed). */
	public static final String NOTICE_NOTE = "noticeNote";

	/** The 14 check-up kinds of 別紙3 cols 57–70. */
	public static final int CHECKUP_KINDS = 14;

	/** Points of check-up kind {@code kind} (1–14: 別紙3 col 56 + kind). */
	public static String checkupPoints(int kind) {
		return "checkupPoints" + checkKind(kind);
	}

	/** The name of check-up kind {@code kind} (1–14) as the booklet prints it. */
	public static String checkupLabel(int kind) {
		return "checkupLabel" + checkKind(kind);
	}

	private static int checkKind(int kind) {
		if (kind < 1 || kind > CHECKUP_KINDS) {
			throw new IllegalArgumentException("check-up kind 1–14: " + kind);
		}
		return kind;
	}

	/** Every field a layout may name. */
	public static final Set<String> ALL;

	static {
		var all = new java.util.HashSet<>(Set.of(NAME, NAME_KANA, POSTCODE, ADDRESS, ADDRESS_EXTRA, APPLICATION_NUMBER,
				MARK, REGISTERED_MAIL_NUMBER, TICKET_TYPE, AMOUNT, REFUSAL_REASON, GROUP_NAME, REPRESENTATIVE,
				REPRESENTATIVE_KANA, STAMP_NUMBER, ISSUE_DATE, BUSINESS_YEAR, POINTS_4P, POINTS_2P, CHECKUP_POINTS,
				POINTS_1P, TOTAL_POINTS, CAP_POINTS, CREDITED_POINTS, PAYMENT_AMOUNT, VOID_STAMPS, NOTICE_NOTE));
		for (int k = 1; k <= CHECKUP_KINDS; k++) {
			all.add(checkupPoints(k));
			all.add(checkupLabel(k));
		}
		ALL = Set.copyOf(all);
	}

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
			java.util.Map.entry(STAMP_NUMBER, "交付するスタンプ番号"), java.util.Map.entry(ISSUE_DATE, "発行日"),
			java.util.Map.entry(BUSINESS_YEAR, "事業年度"), java.util.Map.entry(POINTS_4P, "地域の支え手となる活動（4P）"),
			java.util.Map.entry(POINTS_2P, "地域の支え手となる活動（2P）"),
			java.util.Map.entry(CHECKUP_POINTS, "健康診査・がん検診等の受診（小計）"),
			java.util.Map.entry(POINTS_1P, "健康づくり・介護予防活動"), java.util.Map.entry(TOTAL_POINTS, "ポイント合計"),
			java.util.Map.entry(CAP_POINTS, "上限ポイント"), java.util.Map.entry(CREDITED_POINTS, "支払対象ポイント"),
			java.util.Map.entry(PAYMENT_AMOUNT, "支払金額"), java.util.Map.entry(VOID_STAMPS, "無効スタンプ数"),
			java.util.Map.entry(NOTICE_NOTE, "お知らせ"));

	/** The field's Japanese name (氏名 for {@link #NAME}); {@code *} is 全項目; an unknown name is returned as it is. */
	public static String label(String field) {
		if ("*".equals(field)) {
			return "全項目";
		}
		if (field != null && field.matches("checkupPoints[0-9]+")) {
			return "受診 " + field.substring("checkupPoints".length()) + " のポイント";
		}
		if (field != null && field.matches("checkupLabel[0-9]+")) {
			return "受診 " + field.substring("checkupLabel".length()) + " の名称";
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
