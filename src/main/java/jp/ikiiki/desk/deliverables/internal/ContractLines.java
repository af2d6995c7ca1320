package jp.ikiiki.desk.deliverables.internal;

import static jp.ikiiki.desk.deliverables.DeliverableKinds.*;

import java.util.List;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;

/**
 * The lines of the contract's table (第9章1(2) 提出データ一覧) and the work report (第1章5(1)), so that the calendar
 * shows every one of them even before the module that generates it exists. A {@link
 * jp.ikiiki.desk.deliverables.DeliverableKind} bean with the same code supplies the line.
 */
final class ContractLines {

	/** One line of the table. */
	record Line(String code, String label, String category, String clause, DeliverableSchedule schedule) {
	}

	static final String SUBJECTS = "ポイント事業対象者";
	static final String GROUPS = "活動団体（医療機関・薬局を含む）";
	static final String WORK = "業務管理";

	static final List<Line> LINES = List.of(
			new Line(SUBJECT_UPDATE_REPORT, "システム更新結果報告書", SUBJECTS, "第9章1(2)", DeliverableSchedule.AS_NEEDED),
			new Line(POINT_NOTICE_LIST, "獲得ポイント通知一覧", SUBJECTS, "第9章1(2), 第7章(3)",
					DeliverableSchedule.TWICE_MONTHLY),
			new Line(PROGRESS_LIST, "対象者別進捗状況一覧", SUBJECTS, "第9章1(2), 第10章3", DeliverableSchedule.MID_MONTH),
			new Line(PAYMENT_DATA, "支払データ及び伝送用データ", SUBJECTS, "第9章1(2)", DeliverableSchedule.MID_MONTH),
			new Line(GROUP_DUPLICATE_CHECKLIST, "重複チェックリスト", GROUPS, "第9章1(2)", DeliverableSchedule.LATE_MONTH),
			new Line(GROUP_UPDATE_REPORT, "システム更新結果報告書", GROUPS, "第9章1(2)", DeliverableSchedule.AS_NEEDED),
			new Line(GROUP_LIST, "活動団体一覧（ホームページ掲載用のデータを含む）", GROUPS, "第9章1(2)(6), 第10章2",
					DeliverableSchedule.MID_MONTH),
			new Line(WORK_REPORT, "作業報告書", WORK, "第1章5(1)", DeliverableSchedule.EARLY_MONTH));

	private ContractLines() {
	}
}
