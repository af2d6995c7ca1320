package jp.ikiiki.desk.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportContribution.Unit;
import jp.ikiiki.desk.reports.ReportKind;

/** Hand-made report contents for layout and rendering tests. */
final class SampleReports {

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	private SampleReports() {
	}

	/**
	 * 2026-11-24: 120 received, 107 answered (89.2 %), a gap at 14時台; a category section (three parts, a zero part
	 * and a subset) and an escalation section (counts on their own and a measure in open days).
	 */
	static Report daily(boolean gap) {
		List<Report.Figures> hours = new ArrayList<>();
		for (int h = 8; h <= 17; h++) {
			boolean inGap = gap && h == 14;
			hours.add(new Report.Figures(DAY + "T" + (h < 10 ? "0" : "") + h, h + "時台", 12, h == 9 ? 9 : 11,
					h == 9 ? 0.75 : 11 / 12.0, 1, 0, h == 9 ? 2 : 0, h == 8 || h == 17 ? 3 : 0, 14.5, 61.0, 0.8, inGap));
		}
		List<Report.Figures> halfHours = new ArrayList<>();
		for (LocalTime t = LocalTime.of(8, 30); t.isBefore(LocalTime.of(17, 15)); t = t.plusMinutes(30)) {
			long received = 4 + (t.getHour() % 5) * 2;
			long answered = t.getHour() == 9 ? received / 2 : received - 1;
			halfHours.add(new Report.Figures(DAY + "T" + t, t.getHour() + ":" + String.format("%02d", t.getMinute()),
					received, answered, (double) answered / received, received - answered, 0, 0, 0, 12.0, 40.0, 0.8,
					false));
		}
		return new Report(ReportKind.DAILY, DAY.toString(), DAY, DAY, true, "contract", gap, 120, 107, 107 / 120.0,
				0.9, false, 9, 1, 3, 0, 6, 14.25, 95.5, 0.85, 20,
				List.of(new Report.Figures(DAY + " AM", "午前", 50, 44, 0.88, 4, 0, 2, 3, 15.0, 95.5, 0.8, false),
						new Report.Figures(DAY + " PM", "午後", 70, 63, 0.9, 5, 1, 1, 3, 13.8, 70.0, 0.88, gap)),
				hours, halfHours, List.of(),
				List.of(new Report.Section("categories", "問合せ区分別件数", 10,
						List.of(new ReportLine.Part("ポイント手帳", "交付", 40), new ReportLine.Part("ポイント手帳", "再交付", 12),
								new ReportLine.Part("交通費助成", "申請", 30), ReportLine.part("その他", 0),
								ReportLine.subset("うち手動記録（電話システム外）", 5)),
						null),
						new Report.Section("escalations", "市への確認事項", 20,
								List.of(ReportLine.count("新規", 2), ReportLine.count("完了", 1),
										ReportLine.measure("最も古い未完了案件の経過日数", 3, Unit.OPEN_DAYS)),
								null)),
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
		return new Report(ReportKind.MONTHLY, "2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), true,
				"contract", false, 1900, 1790, 1790 / 1900.0, 0.9, true, 76, 19, 0, 0, 38, 12.0, 80.0, 0.9, 20,
				List.of(), List.of(), List.of(), days, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
	}
}
