package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * 問合せ区分別件数 for the reports: every category, zero or not, by the Tokyo day of the call, as parts adding up to the
 * section's total; the manual entries as a subset of it.
 */
@SpringBootTest
@RecordApplicationEvents
class CategoryContributionIT {

	@Autowired
	List<ReportContribution> contributions;
	@Autowired
	AgentDesk desk;
	@Autowired
	InquiryCategories categories;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		jdbc.sql("delete from call_log").update();
	}

	@Test
	void every_category_is_counted_for_the_days_asked_even_at_zero_with_manual_entries_marked() {
		long reissue = id("手帳 / 再交付");
		long points = id("ポイント集計・通知");
		// Two closed entries on 11/17 (Tokyo), one of them manual; one open entry; one closed on 11/16 at 23:30 Tokyo.
		log("agent-r", Instant.parse("2026-11-17T01:00:00Z"), false, reissue);
		log("agent-r", Instant.parse("2026-11-17T02:00:00Z"), true, reissue);
		log("agent-r", Instant.parse("2026-11-17T03:00:00Z"), false, points);
		jdbc.sql("update call_log set outcome = null, closed_at = null where started_at = '2026-11-17T03:00:00Z'").update();
		log("agent-r", Instant.parse("2026-11-16T14:30:00Z"), false, points);

		ReportContribution section = contributions.stream().filter(c -> c.key().equals("categories")).findFirst()
				.orElseThrow();
		assertThat(section.title()).isEqualTo("問合せ区分別件数");
		List<ReportLine> day = section.lines(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 17));

		assertThat(day).contains(new ReportLine.Part("手帳", "再交付", 2), new ReportLine.Part("手帳", "交付", 0),
				ReportLine.part("ポイント集計・通知", 0), new ReportLine.Part("交通費助成", "申請", 0),
				ReportLine.part("その他", 0));
		assertThat(day).noneMatch(l -> l.group() == null && l.label().equals("手帳"));
		// The categories are the parts, the manual entries a subset of them: the report's 合計 is 2, not 3.
		assertThat(day.get(day.size() - 1)).isEqualTo(ReportLine.subset("うち手動記録（電話システム外）", 1));
		assertThat(day.subList(0, day.size() - 1)).allMatch(ReportLine.Part.class::isInstance);
		assertThat(new Report.Section("categories", section.title(), 20, day, null).total()).isEqualTo(2);

		List<ReportLine> twoDays = section.lines(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 17));
		assertThat(twoDays).contains(ReportLine.part("ポイント集計・通知", 1));
		assertThat(new Report.Section("categories", section.title(), 20, twoDays, null).total()).isEqualTo(3);
	}

	private void log(String agent, Instant at, boolean manual, long categoryId) {
		long id = jdbc.sql("""
				insert into call_log (linked_id, manual, agent, started_at, caller_kind, category_id, outcome, closed_at)
				values (case when :manual then null else 'rep-' || gen_random_uuid() end, :manual, :agent, :at, 'SUBJECT',
				        :category, 'ANSWERED', :at)
				returning id
				""").param("manual", manual).param("agent", agent).param("at", at.atOffset(java.time.ZoneOffset.UTC))
				.param("category", categoryId).query(Long.class).single();
		assertThat(id).isPositive();
	}

	private long id(String fullName) {
		return as("r", "AGENT", () -> categories.all()).stream().filter(c -> c.fullName().equals(fullName)).findFirst()
				.orElseThrow().id();
	}
}
