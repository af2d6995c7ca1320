package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportContribution.Unit;
import jp.ikiiki.desk.shared.JapanTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalations section of the reports: the steps of the period and the cases open at its end as counts on their
 * own (no total: one case takes several steps), the oldest open case's age as a measure in open days.
 */
@SpringBootTest
class EscalationsReportIT {

	static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

	@Autowired
	List<ReportContribution> contributions;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void cases() {
		jdbc.sql("delete from escalation").update();
		// Opened Monday, reported Monday; instructed, called back and closed on Tuesday.
		insert("2026-11-16T10:00", "2026-11-16T11:00", "2026-11-17T10:00", "2026-11-17T11:00", "2026-11-17T12:00");
		// Opened and reported on Tuesday, still open.
		insert("2026-11-17T09:00", "2026-11-17T09:30", null, null, null);
		// Opened the Tuesday before, never reported.
		insert("2026-11-10T10:00", null, null, null, null);
		// Opened on Wednesday: after the period.
		insert("2026-11-18T09:00", null, null, null, null);
	}

	@Test
	void the_steps_of_the_day_and_the_cases_open_at_its_end_are_counts_on_their_own_and_the_age_a_measure() {
		ReportContribution section = contributions.stream().filter(s -> s.key().equals("escalations")).findFirst()
				.orElseThrow();
		assertThat(section.title()).isEqualTo("エスカレーション");
		List<ReportLine> lines = section.lines(TUESDAY, TUESDAY);
		// Open days after 11/10 up to 11/17: 11, 12, 13, 16, 17.
		assertThat(lines).containsExactly(ReportLine.count("受付", 1), ReportLine.count("市へ報告", 1),
				ReportLine.count("市の指示受領", 1), ReportLine.count("折返し連絡済", 1), ReportLine.count("完了", 1),
				ReportLine.count("期間末の未完了", 2), ReportLine.measure("最も古い未完了案件の経過日数", 5, Unit.OPEN_DAYS));
		assertThat(new Report.Section("escalations", section.title(), 40, lines, null).total()).isNull();
	}

	@Test
	void the_day_a_case_was_opened_counts_it_open_at_the_end_with_age_zero() {
		ReportContribution section = contributions.stream().filter(s -> s.key().equals("escalations")).findFirst()
				.orElseThrow();
		LocalDate opened = LocalDate.of(2026, 11, 10);
		assertThat(section.lines(opened, opened)).containsExactly(ReportLine.count("受付", 1),
				ReportLine.count("市へ報告", 0), ReportLine.count("市の指示受領", 0), ReportLine.count("折返し連絡済", 0),
				ReportLine.count("完了", 0), ReportLine.count("期間末の未完了", 1),
				ReportLine.measure("最も古い未完了案件の経過日数", 0, Unit.OPEN_DAYS));
		assertThatThrownBy(() -> section.lines(TUESDAY, TUESDAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
	}

	private void insert(String opened, String reported, String instructed, String calledBack, String closed) {
		String state = closed != null ? "CLOSED" : calledBack != null ? "CALLED_BACK" : instructed != null ? "INSTRUCTED"
				: reported != null ? "REPORTED" : "OPEN";
		jdbc.sql("""
				insert into escalation (state, inquiry, opened_by, opened_at, reported_by, reported_at, instructed_by,
				    instructed_at, called_back_by, called_back_at, closed_by, closed_at)
				values (:state, 'report test', 'fm', :opened, 'fm', :reported, 'city', :instructed, 'fm', :calledBack,
				    'fm', :closed)""")
				.param("state", state).param("opened", at(opened)).param("reported", at(reported))
				.param("instructed", at(instructed)).param("calledBack", at(calledBack)).param("closed", at(closed))
				.update();
	}

	private static Timestamp at(String tokyo) {
		return tokyo == null ? null : Timestamp.from(LocalDateTime.parse(tokyo).atZone(JapanTime.ZONE).toInstant());
	}
}
