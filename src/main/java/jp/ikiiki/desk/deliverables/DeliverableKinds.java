package jp.ikiiki.desk.deliverables;

/**
 * The codes of the lines of the contract's table of data for the city (第9章1(2) 提出データ一覧) and of the monthly
 * work report (第1章5(1)). A {@link DeliverableKind} bean with one of these codes supplies the line.
 */
public final class DeliverableKinds {

	/** システム更新結果報告書 (ポイント事業対象者), 随時. */
	public static final String SUBJECT_UPDATE_REPORT = "SUBJECT_UPDATE_REPORT";
	/** 獲得ポイント通知一覧, 毎月2回 (中旬、下旬), before the notices go out (第7章(3)). */
	public static final String POINT_NOTICE_LIST = "POINT_NOTICE_LIST";
	/** 対象者別進捗状況一覧, 毎月中旬. */
	public static final String PROGRESS_LIST = "PROGRESS_LIST";
	/** 支払データ及び伝送用データ, 毎月中旬. */
	public static final String PAYMENT_DATA = "PAYMENT_DATA";
	/** 重複チェックリスト (活動団体), 毎月下旬. */
	public static final String GROUP_DUPLICATE_CHECKLIST = "GROUP_DUPLICATE_CHECKLIST";
	/** システム更新結果報告書 (活動団体), 随時. */
	public static final String GROUP_UPDATE_REPORT = "GROUP_UPDATE_REPORT";
	/** 活動団体一覧 (ホームページ掲載用のデータを含む), 毎月中旬. */
	public static final String GROUP_LIST = "GROUP_LIST";
	/** 作業報告書 (第1章5(1)), 毎月初旬, the previous month. */
	public static final String WORK_REPORT = "WORK_REPORT";

	private DeliverableKinds() {
	}
}
