package jp.ikiiki.desk.reports;

/** The two reports to the city (第6章1(4) daily; the monthly summary for the month's 作業報告書). */
public enum ReportKind {
	/** 日報: one open day. Period label {@code 2026-11-24}. */
	DAILY("日報"),
	/** 月報: one calendar month, a row per open day and the month's totals. Period label {@code 2026-11}. */
	MONTHLY("月報");

	private final String title;

	ReportKind(String title) {
		this.title = title;
	}

	/** Japanese name, for screens, file names and mail subjects. */
	public String title() {
		return title;
	}
}
