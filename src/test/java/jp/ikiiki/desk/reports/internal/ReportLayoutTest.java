package jp.ikiiki.desk.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportContribution.Unit;
import jp.ikiiki.desk.reports.ReportDates;
import jp.ikiiki.desk.reports.internal.ReportLayout.Style;
import org.junit.jupiter.api.Test;

class ReportLayoutTest {

	@Test
	void percentages_are_rounded_half_up_to_one_decimal() {
		assertThat(ReportLayout.percent(0.9)).isEqualTo("90.0%");
		assertThat(ReportLayout.percent(107 / 120.0)).isEqualTo("89.2%");
		assertThat(ReportLayout.percent(0.8925)).isEqualTo("89.3%");
		assertThat(ReportLayout.percent(1.0)).isEqualTo("100.0%");
		assertThat(ReportLayout.percent(0.0)).isEqualTo("0.0%");
	}

	@Test
	void values_are_written_by_their_column_kind_or_their_own_unit_and_missing_values_as_a_dash() {
		assertThat(ReportLayout.text(ReportLayout.Kind.COUNT, 1234L)).isEqualTo("1,234");
		assertThat(ReportLayout.text(ReportLayout.Kind.PERCENT, 0.75)).isEqualTo("75.0%");
		assertThat(ReportLayout.text(ReportLayout.Kind.SECONDS, 14.25)).isEqualTo("14.3");
		assertThat(ReportLayout.text(ReportLayout.Kind.PERCENT, null)).isEqualTo("—");
		assertThat(ReportLayout.text(ReportLayout.Kind.TEXT, "午前")).isEqualTo("午前");
		assertThat(ReportLayout.text(ReportLayout.Kind.COUNT, new ReportLayout.Typed(ReportLayout.Kind.CASES, 2L)))
				.isEqualTo("2 件");
		assertThat(ReportLayout.text(ReportLayout.Kind.COUNT, new ReportLayout.Typed(ReportLayout.Kind.OPEN_DAYS, 3.0)))
				.isEqualTo("3 開庁日");
		assertThat(ReportLayout.numberFormat(ReportLayout.Kind.OPEN_DAYS)).isEqualTo("#,##0\" 開庁日\"");
	}

	@Test
	void the_header_names_the_day_in_the_japanese_era_and_the_definition() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		assertThat(layout.period()).isEqualTo("令和8年11月24日（火）");
		assertThat(layout.lines().get(0)).startsWith("応答率の定義: contract");
		assertThat(layout.headline()).isEqualTo("受電 120 件　応答 107 件　応答率 89.2%（目標 90.0% 以上: 未達）");
		assertThat(layout.warning()).isNull();
		assertThat(layout.progress()).isNull();
		assertThat(ReportDates.month(YearMonth.of(2026, 11))).isEqualTo("令和8年11月");
	}

	@Test
	void a_report_of_a_period_in_progress_says_up_to_when_it_counts() {
		Report r = SampleReports.daily(false);
		Report today = new Report(r.kind(), r.period(), r.from(), r.to(), false, r.definition(), r.gap(), r.received(),
				r.answered(), r.answerRate(), r.target(), r.meetsTarget(), r.abandoned(), r.timedOut(), r.refused(),
				r.excluded(), r.outOfHours(), r.averageWaitSeconds(), r.longestWaitSeconds(), r.answeredWithinShare(),
				r.serviceLevelSeconds(), r.halfDays(), r.hours(), r.halfHours(), r.days(), r.sections(),
				Instant.parse("2026-11-24T02:05:00Z"));
		ReportLayout.Layout layout = ReportLayout.of(today);
		assertThat(layout.progress()).startsWith("【途中集計】").contains("令和8年11月24日 11:05 まで");
		assertThat(layout.headline()).endsWith("未達、途中集計）");
	}

	@Test
	void a_gap_puts_the_warning_in_the_header_and_marks_the_hour() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(true));
		assertThat(layout.warning()).contains("データ欠落");
		ReportLayout.Table hours = layout.tables().get(2);
		assertThat(hours.title()).isEqualTo("時間別");
		int fourteen = 14 - 8;
		assertThat(hours.rows().get(fourteen).values().get(0)).isEqualTo("14時台");
		assertThat(hours.rows().get(fourteen).values().get(11)).isEqualTo("欠落");
		assertThat(hours.rows().get(fourteen).style()).isEqualTo(Style.MARKED);
	}

	@Test
	void a_period_below_the_target_is_marked_and_one_at_the_target_is_not() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		ReportLayout.Table halfDays = layout.tables().get(1);
		assertThat(halfDays.rows()).extracting(r -> r.values().get(0)).containsExactly("午前", "午後");
		assertThat(halfDays.rows()).extracting(ReportLayout.Row::style).containsExactly(Style.MARKED, Style.PLAIN);
		assertThat(halfDays.rows().get(0).values().get(3)).isEqualTo(0.88);
	}

	@Test
	void the_summary_is_one_row_for_the_whole_day_with_every_count() {
		ReportLayout.Table summary = ReportLayout.of(SampleReports.daily(false)).tables().get(0);
		assertThat(summary.rows()).hasSize(1);
		assertThat(summary.rows().get(0).values()).containsExactly("終日", 120L, 107L, 107 / 120.0, 9L, 1L, 3L, 6L,
				14.25, 95.5, 0.85, "");
		assertThat(summary.columns()).extracting(ReportLayout.Column::header).startsWith("区分", "受電", "応答", "応答率");
	}

	@Test
	void the_monthly_breakdown_ends_with_the_months_total() {
		ReportLayout.Table days = ReportLayout.of(SampleReports.monthly()).tables().get(1);
		assertThat(days.title()).isEqualTo("日別");
		ReportLayout.Row total = days.rows().get(days.rows().size() - 1);
		assertThat(total.style()).isEqualTo(Style.TOTAL);
		assertThat(total.values().subList(0, 3)).containsExactly("合計", 1900L, 1790L);
		assertThat(days.rows().subList(0, days.rows().size() - 1)).allMatch(r -> r.style() != Style.TOTAL);
	}

	@Test
	void a_sections_total_adds_its_parts_only_and_the_subset_follows_it_without_being_added() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		assertThat(layout.sections()).extracting(ReportLayout.Table::title).containsExactly("問合せ区分別件数", "市への確認事項");
		ReportLayout.Table categories = layout.sections().get(0);
		assertThat(categories.columns()).extracting(ReportLayout.Column::header).containsExactly("区分", "項目", "件数");
		assertThat(categories.rows()).extracting(ReportLayout.Row::values).containsExactly(
				List.of("ポイント手帳", "交付", 40L), List.of("ポイント手帳", "再交付", 12L), List.of("交通費助成", "申請", 30L),
				List.of("", "その他", 0L), List.of("合計", "", 82L), List.of("うち手動記録（電話システム外）", "", 5L));
		assertThat(categories.rows()).extracting(ReportLayout.Row::style).containsExactly(Style.PLAIN, Style.PLAIN,
				Style.PLAIN, Style.PLAIN, Style.TOTAL, Style.SUBSET);
	}

	@Test
	void a_section_of_counts_on_their_own_and_a_measure_has_no_total_and_writes_each_unit() {
		ReportLayout.Table escalations = ReportLayout.of(SampleReports.daily(false)).sections().get(1);
		assertThat(escalations.columns()).extracting(ReportLayout.Column::header).containsExactly("項目", "数値");
		assertThat(escalations.rows()).extracting(r -> r.values().get(0)).containsExactly("新規", "完了",
				"最も古い未完了案件の経過日数");
		assertThat(escalations.rows()).noneMatch(r -> r.style() == Style.TOTAL);
		assertThat(escalations.rows()).extracting(r -> ReportLayout.text(ReportLayout.Kind.COUNT, r.values().get(1)))
				.containsExactly("2 件", "1 件", "3 開庁日");
	}

	@Test
	void a_section_of_counts_only_keeps_the_count_column_and_has_no_total() {
		ReportLayout.Table t = ReportLayout.section(new Report.Section("c", "件数のみ", 1,
				List.of(ReportLine.count("受付", 4), ReportLine.count("完了", 3)), null));
		assertThat(t.columns()).extracting(ReportLayout.Column::header).containsExactly("項目", "件数");
		assertThat(t.rows()).extracting(ReportLayout.Row::values).containsExactly(List.of("受付", 4L), List.of("完了", 3L));
		assertThat(new Report.Section("c", "件数のみ", 1, List.of(ReportLine.count("受付", 4)), null).total()).isNull();
	}

	@Test
	void an_empty_or_failed_section_says_so_instead_of_showing_a_total() {
		ReportLayout.Table empty = ReportLayout.section(new Report.Section("x", "空の区分", 1, List.of(), null));
		assertThat(empty.rows()).isEmpty();
		assertThat(empty.note()).isEqualTo("該当なし");
		ReportLayout.Table failed = ReportLayout.section(
				new Report.Section("y", "失敗", 2, List.<ReportLine>of(), "集計できませんでした（IllegalStateException）"));
		assertThat(failed.note()).startsWith("集計できませんでした");
	}

	@Test
	void a_subset_larger_than_its_parts_or_without_parts_is_refused_as_a_fault_of_its_module() {
		ReportBuilder.check(List.of(ReportLine.part("a", 2), ReportLine.part("b", 1), ReportLine.subset("うちa", 3)));
		assertThatThrownBy(() -> ReportBuilder.check(List.of(ReportLine.part("a", 2), ReportLine.subset("うちa", 3))))
				.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ReportBuilder.check(List.of(ReportLine.count("a", 2), ReportLine.subset("うちa", 1))))
				.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ReportLine.part("a", -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void the_daily_charts_have_a_point_per_half_hour_and_the_monthly_ones_a_point_per_day() {
		ReportLayout.Layout daily = ReportLayout.of(SampleReports.daily(false));
		assertThat(daily.charts()).extracting(ReportLayout.Chart::type).containsExactly(ReportLayout.ChartType.ANSWER_RATE,
				ReportLayout.ChartType.CALLS);
		assertThat(daily.charts().get(0).points()).hasSize(18);
		assertThat(daily.charts().get(0).points().get(0).label()).isEqualTo("8:30");
		assertThat(daily.charts().get(0).points().get(17).label()).isEqualTo("17:00");
		assertThat(daily.charts().get(0).target()).isEqualTo(0.9);
		ReportLayout.Layout monthly = ReportLayout.of(SampleReports.monthly());
		assertThat(monthly.charts().get(1).points()).hasSize(19);
		assertThat(monthly.charts().get(1).points().get(0)).isEqualTo(new ReportLayout.Point("2", 100, 95));
	}
}
