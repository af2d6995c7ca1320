package jp.ikiiki.desk.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportKind;

/** Hand-made report contents for layout and rendering tests. */
final class SampleReports {

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	private SampleReports() {
	}

	/** 2026-11-24: 120 received, 107 answered (89.2 %), a gap at 14時台, one section with groups. */
	static Report daily(boolean gap) {
		List<Report.Figures> hours = new ArrayList<>();
		for (int h = 8; h <= 17; h++) {
			boolean inGap = gap && h == 14;
			hours.add(new Report.Figures(DAY + "T" + (h < 10 ? "0" : "") + h, h + "時台", 12, h == 9 ? 9 : 11,
					h == 9 ? 0.75 : 11 / 12.0, 1, 0, h == 9 ? 2 : 0, h == 8 || h == 17 ? 3 : 0, 14.5, 61.0, 0.8, inGap));
		}
		return new Report(ReportKind.DAILY, DAY.toString(), DAY, DAY, "contract", gap, 120, 107, 107 / 120.0, 0.9,
				false, 9, 1, 3, 0, 6, 14.25, 95.5, 0.85, 20,
				List.of(new Report.Figures(DAY + " AM", "午前", 50, 44, 0.88, 4, 0, 2, 3, 15.0, 95.5, 0.8, false),
						new Report.Figures(DAY + " PM", "午後", 70, 63, 0.9, 5, 1, 1, 3, 13.8, 70.0, 0.88, gap)),
				hours, List.of(),
				List.of(new Report.Section("categories", "問合せ区分別件数", 10,
						List.of(new ReportLine("ポイント手帳", "交付", 40), new ReportLine("ポイント手帳", "再交付", 12),
								new ReportLine("交通費助成", "申請", 30), new ReportLine(null, "その他", 0)),
						null),
						new Report.Section("escalations", "市への確認事項", 20,
								List.of(new ReportLine(null, "新規", 2), new ReportLine(null, "完了", 1)), null)),
				Instant.parse("2026-11-24T08:30:00Z"));
	}

	/** November 2026: a row per open day (19), one below the target, no gap, no sections. */
	static Report monthly() {
		List<Report.Figures> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(2026, 11, 1); d.getMonthValue() == 11; d = d.plusDays(1)) {
			if (d.getDayOfWeek().getValue() >= 6 || d.getDayOfMonth() == 3 || d.getDayOfMonth() == 23) {
				continue;
			}
			boolean low = d.getDayOfMonth() == 17;
			days.add(new Report.Figures(d.toString(), ReportBuilder.dayLabel(d), 100, low ? 80 : 95, low ? 0.8 : 0.95,
					4, 1, 0, 2, 12.0, 80.0, 0.9, false));
		}
		return new Report(ReportKind.MONTHLY, "2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
				"contract", false, 1900, 1790, 1790 / 1900.0, 0.9, true, 76, 19, 0, 0, 38, 12.0, 80.0, 0.9, 20,
				List.of(), List.of(), days, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
	}
}
