package jp.ikiiki.desk.deliverables.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.deliverables.PlannedDispatch;

/**
 * The dispatches the contract plans in a month (第4章1(2), "詳細は発注者から別途指示する": the city may move them):
 * ア ポイント手帳 — 8月下旬 (初回送付), 10月下旬 (転入者), and mid and late every month from April to March (再交付分等);
 * イ 交通費助成申請書 — June (初回), August, October and December; ウ 交通費助成決定通知書 — late April and late every
 * month from August to March.
 */
final class ContractDispatches {

	static final String MID = "中旬";
	static final String LATE = "下旬";
	static final String MONTH = "月内";
	/** The mailing kinds of ポイント手帳 sent mid and late every month (再交付分等: reissues, additions, requests). */
	static final List<String> REISSUES = List.of("BOOKLET_REISSUE", "BOOKLET_ADDITIONAL", "BOOKLET_REQUEST");

	private final DeliverableDates dates;

	ContractDispatches(DeliverableDates dates) {
		this.dates = dates;
	}

	List<PlannedDispatch> plannedIn(YearMonth month) {
		int m = month.getMonthValue();
		List<PlannedDispatch> planned = new ArrayList<>();
		planned.add(mid(month, PlannedDispatch.BOOKLET, "ポイント手帳（再交付分等）", REISSUES));
		planned.add(late(month, PlannedDispatch.BOOKLET, "ポイント手帳（再交付分等）", REISSUES));
		if (m == 8) {
			planned.add(late(month, PlannedDispatch.BOOKLET, "ポイント手帳（初回送付）", List.of("BOOKLET_INITIAL")));
		}
		if (m == 10) {
			planned.add(late(month, PlannedDispatch.BOOKLET, "ポイント手帳（9月1日までの転入者）",
					List.of("BOOKLET_MOVERS_IN")));
		}
		if (m == 6 || m == 8 || m == 10 || m == 12) {
			planned.add(new PlannedDispatch(PlannedDispatch.APPLICATION, m == 6 ? "交通費助成申請書（初回送付）"
					: "交通費助成申請書（新たに対象となった者）", MONTH, dates.late(month), List.of("SUBSIDY_APPLICATION")));
		}
		if (m == 4 || m >= 8 || m <= 3) {
			planned.add(late(month, PlannedDispatch.DECISION, "交通費助成決定通知書",
					List.of("GRANT_NOTICE", "NON_GRANT_NOTICE")));
		}
		planned.sort(Comparator.comparing(PlannedDispatch::due).thenComparing(PlannedDispatch::kind));
		return planned;
	}

	private PlannedDispatch mid(YearMonth month, String kind, String label, List<String> mailingKinds) {
		return new PlannedDispatch(kind, label, MID, dates.mid(month), mailingKinds);
	}

	private PlannedDispatch late(YearMonth month, String kind, String label, List<String> mailingKinds) {
		return new PlannedDispatch(kind, label, LATE, dates.late(month), mailingKinds);
	}
}
