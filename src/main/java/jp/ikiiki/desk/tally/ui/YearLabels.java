package jp.ikiiki.desk.tally.ui;

import jp.ikiiki.desk.tally.BusinessYear;

/** How the screens name a business year. */
final class YearLabels {

	private YearLabels() {
	}

	/** 令和7年度分（旧） 2025/9–2026/8. */
	static String of(BusinessYear year) {
		return year.labelWithStanding() + " " + year.start().getYear() + "/9–" + year.end().getYear() + "/8";
	}
}
