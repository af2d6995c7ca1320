package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.platform.ui.WorkItems.Urgency;
import jp.ikiiki.desk.platform.ui.WorkItems.WorkItem;
import jp.ikiiki.desk.reports.internal.ReportScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The reports' work items: unread reports for city staff; for floor managers, the reports due and not made (the
 * schedule off or failing) and those whose e-mail failed, as overdue. The clock is set by each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ReportsClock.class)
class ReportWorkItemsIT {

	@Autowired
	List<WorkItems> providers;
	@Autowired
	CityReports reports;
	@Autowired
	ReportScheduler scheduler;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ReportsClock.Settable clock;

	@BeforeEach
	void empty() {
		ReportFixtures.empty(jdbc);
		clock.set(ReportsClock.NOW);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void city_staff_see_how_many_reports_they_have_not_opened_and_the_oldest() {
		ReportsIT.signIn("fm-work", "FLOOR_MANAGER");
		StoredReport monday = reports.generateDaily(LocalDate.of(2026, 11, 16));
		reports.generateDaily(LocalDate.of(2026, 11, 17));
		ReportsIT.signIn("city-work", "CITY_STAFF");
		WorkItem unread = single(items());
		assertThat(unread.title()).isEqualTo("未読の報告書");
		assertThat(unread.count()).isEqualTo(2);
		assertThat(unread.route()).isEqualTo("reports");
		assertThat(unread.urgency()).isEqualTo(Urgency.NORMAL);
		assertThat(unread.detail()).isEqualTo("最も古い未読: 日報 令和8年11月16日（月）");

		reports.download(monday.id(), ReportFormat.PDF, "test");
		assertThat(single(items()).count()).isEqualTo(1);
		assertThat(single(items()).detail()).isEqualTo("最も古い未読: 日報 令和8年11月17日（火）");
	}

	@Test
	void floor_managers_see_the_daily_reports_due_and_not_made_as_overdue_until_they_are_made() {
		// Thursday 19th, 18:00: the day's report was due at 17:30; none of the last 14 days' was made.
		clock.set(ReportsClock.tokyo("2026-11-19T18:00"));
		ReportsIT.signIn("fm-work", "FLOOR_MANAGER");
		WorkItem late = single(items());
		assertThat(late.title()).isEqualTo("未作成・未送信の報告書");
		assertThat(late.urgency()).isEqualTo(Urgency.OVERDUE);
		// Open days from the 5th to the 19th: 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19.
		assertThat(late.count()).isEqualTo(11);
		assertThat(late.detail()).startsWith("未作成: 日報 令和8年11月5日（木）、").endsWith("日報 令和8年11月19日（木）");

		// At 17:31 the day's report was not due yet (17:30 plus two checks' grace): only the earlier ten.
		clock.set(ReportsClock.tokyo("2026-11-19T17:31"));
		assertThat(single(items()).count()).isEqualTo(10);

		// A version made before it was due (on demand, during the day) does not count as the day's report.
		clock.set(ReportsClock.tokyo("2026-11-19T12:00"));
		reports.generateDaily(LocalDate.of(2026, 11, 19));
		clock.set(ReportsClock.tokyo("2026-11-19T18:00"));
		assertThat(single(items()).count()).isEqualTo(11);

		scheduler.runDue(ReportsClock.tokyo("2026-11-19T18:00"));
		ReportsIT.signIn("fm-work", "FLOOR_MANAGER");
		WorkItem done = single(items());
		assertThat(done.count()).isZero();
		assertThat(done.urgency()).isEqualTo(Urgency.NORMAL);
		assertThat(done.detail()).isEqualTo("作成・送信の遅れはありません");
	}

	@Test
	void a_failed_mail_of_the_latest_version_is_overdue_and_a_newer_version_sent_is_not() {
		clock.set(ReportsClock.tokyo("2026-11-17T18:00"));
		scheduler.runDue(ReportsClock.tokyo("2026-11-17T18:00"));
		ReportsIT.signIn("fm-work", "FLOOR_MANAGER");
		assertThat(single(items()).count()).isZero();
		long tuesday = jdbc.sql("select id from report where kind = 'DAILY' and period = '2026-11-17'")
				.query(Long.class).single();
		mail(tuesday, "GAVE_UP");
		WorkItem late = single(items());
		assertThat(late.urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(late.count()).isEqualTo(1);
		assertThat(late.detail()).isEqualTo("メール送信失敗: 日報 令和8年11月17日（火）");

		StoredReport second = reports.generateDaily(LocalDate.of(2026, 11, 17));
		mail(second.id(), "SENT");
		assertThat(single(items()).count()).isZero();
	}

	@Test
	void a_mail_of_unknown_delivery_is_overdue_with_what_to_do_until_a_floor_manager_resends_it() {
		clock.set(ReportsClock.tokyo("2026-11-17T18:00"));
		scheduler.runDue(ReportsClock.tokyo("2026-11-17T18:00"));
		ReportsIT.signIn("fm-work", "FLOOR_MANAGER");
		long tuesday = jdbc.sql("select id from report where kind = 'DAILY' and period = '2026-11-17'")
				.query(Long.class).single();
		mail(tuesday, "UNCERTAIN");
		WorkItem late = single(items());
		assertThat(late.urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(late.count()).isEqualTo(1);
		assertThat(late.detail()).isEqualTo("メール送信不明（市に届いたか確認のうえ再送）: 日報 令和8年11月17日（火）");

		assertThat(reports.resendMail(tuesday, "test").mail().status()).isEqualTo(StoredReport.MailStatus.PENDING);
		assertThat(single(items()).count()).isZero();
	}

	@Test
	void agents_and_operators_have_no_report_work() {
		ReportsIT.signIn("agent-work", "AGENT");
		assertThat(items()).isEmpty();
		ReportsIT.signIn("op-work", "OPERATOR");
		assertThat(items()).isEmpty();
	}

	private void mail(long reportId, String status) {
		jdbc.sql("insert into report_mail (report_id, recipients, status, attempts, next_attempt_at, last_error) "
				+ "values (:id, 'city@example.jp', :status, 12, :at, 'connection refused')")
				.param("id", reportId).param("status", status)
				.param("at", Timestamp.from(ReportsClock.tokyo("2026-11-17T18:00"))).update();
	}

	/** The reports module's items for the signed-in person. */
	private List<WorkItem> items() {
		return providers.stream().filter(p -> p.getClass().getPackageName().startsWith("jp.ikiiki.desk.reports"))
				.flatMap(p -> p.forCurrentUser().stream()).toList();
	}

	private static WorkItem single(List<WorkItem> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}
}
