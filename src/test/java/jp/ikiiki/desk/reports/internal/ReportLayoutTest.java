package jp.ikiiki.desk.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
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
	void values_are_written_by_their_column_kind_and_missing_values_as_a_dash() {
		assertThat(ReportLayout.text(ReportLayout.Kind.COUNT, 1234L)).isEqualTo("1,234");
		assertThat(ReportLayout.text(ReportLayout.Kind.PERCENT, 0.75)).isEqualTo("75.0%");
		assertThat(ReportLayout.text(ReportLayout.Kind.SECONDS, 14.25)).isEqualTo("14.3");
		assertThat(ReportLayout.text(ReportLayout.Kind.PERCENT, null)).isEqualTo("—");
		assertThat(ReportLayout.text(ReportLayout.Kind.TEXT, "午前")).isEqualTo("午前");
	}

	@Test
	void the_header_names_the_day_in_the_japanese_era_and_the_definition() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		assertThat(layout.period()).isEqualTo("令和8年11月24日（火）");
		assertThat(layout.lines().get(0)).startsWith("応答率の定義: contract");
		assertThat(layout.headline()).isEqualTo("受電 120 件　応答 107 件　応答率 89.2%（目標 90.0% 以上: 未達）");
		assertThat(layout.warning()).isNull();
		assertThat(ReportLayout.eraMonth(YearMonth.of(2026, 11))).isEqualTo("令和8年11月");
	}

	@Test
	void a_gap_puts_the_warning_in_the_header_and_marks_the_hour() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(true));
		assertThat(layout.warning()).contains("データ欠落");
		ReportLayout.Table hours = layout.tables().get(2);
		assertThat(hours.title()).isEqualTo("時間別");
		int fourteen = 14 - 8;
		assertThat(hours.rows().get(fourteen).get(0)).isEqualTo("14時台");
		assertThat(hours.rows().get(fourteen).get(11)).isEqualTo("欠落");
		assertThat(hours.highlight().get(fourteen)).isTrue();
	}

	@Test
	void a_period_below_the_target_is_marked_and_one_at_the_target_is_not() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		ReportLayout.Table halfDays = layout.tables().get(1);
		assertThat(halfDays.rows()).extracting(r -> r.get(0)).containsExactly("午前", "午後");
		assertThat(halfDays.highlight()).containsExactly(true, false);
		assertThat(halfDays.rows().get(0).get(3)).isEqualTo(0.88);
	}

	@Test
	void the_summary_is_one_row_for_the_whole_day_with_every_count() {
		ReportLayout.Table summary = ReportLayout.of(SampleReports.daily(false)).tables().get(0);
		assertThat(summary.rows()).hasSize(1);
		assertThat(summary.rows().get(0)).containsExactly("終日", 120L, 107L, 107 / 120.0, 9L, 1L, 3L, 6L, 14.25, 95.5,
				0.85, "");
		assertThat(summary.columns()).extracting(ReportLayout.Column::header).startsWith("区分", "受電", "応答", "応答率");
	}

	@Test
	void sections_follow_the_figures_with_a_total_and_a_group_column_only_when_groups_are_given() {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		assertThat(layout.sections()).extracting(ReportLayout.Table::title).containsExactly("問合せ区分別件数", "市への確認事項");
		ReportLayout.Table categories = layout.sections().get(0);
		assertThat(categories.columns()).extracting(ReportLayout.Column::header).containsExactly("区分", "項目", "件数");
		assertThat(categories.rows().get(3)).containsExactly("", "その他", 0L);
		assertThat(categories.rows().get(4)).containsExactly("合計", "", 82L);
		assertThat(categories.totalRow()).isTrue();
		ReportLayout.Table escalations = layout.sections().get(1);
		assertThat(escalations.columns()).extracting(ReportLayout.Column::header).containsExactly("項目", "件数");
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
}
