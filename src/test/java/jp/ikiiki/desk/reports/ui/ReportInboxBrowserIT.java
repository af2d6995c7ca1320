package jp.ikiiki.desk.reports.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.ReportFixtures;
import jp.ikiiki.desk.reports.ReportsITSupport;
import jp.ikiiki.desk.reports.StoredReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The city staff's inbox in headless Chromium at 1280×720: a generated daily report is listed unread, the PDF
 * downloads (and is audited), and the report then shows as read; the list is sorted by a column, filtered to
 * unread ones and one kind, counted, and says so when nothing matches. Screenshots in target/screenshots/.
 */
class ReportInboxBrowserIT extends BrowserTest {

	/** The rows the grid shows, in their order, each as the text of its cells. */
	static final String ROWS = """
			g => Array.from(g.shadowRoot.querySelectorAll('#items tr'))
			    .filter(tr => !tr.hidden && tr.index !== undefined && tr.querySelector('td'))
			    .sort((a, b) => a.index - b.index)
			    .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
			        const slot = td.querySelector('slot');
			        const cell = slot && g.querySelector('vaadin-grid-cell-content[slot="' + slot.name + '"]');
			        return cell ? cell.textContent.trim() : '';
			    }))
			    .filter(cells => cells.some(c => c !== ''))""";

	@Autowired
	CityReports reports;

	@Test
	void city_staff_see_the_new_report_unread_download_it_and_it_becomes_read() throws Exception {
		ReportFixtures.empty(jdbc);
		ReportFixtures.tuesday(jdbc);
		ReportFixtures.gap(jdbc, ReportFixtures.TUESDAY, "14:00", "14:20");
		Chromium.user(jdbc, encoder, "inbox-city", "市職員", "inbox-pass-1", "CITY_STAFF");
		StoredReport report = generate(() -> reports.generateDaily(ReportFixtures.TUESDAY));

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-city", "inbox-pass-1");
			page.navigate("http://localhost:" + port + "/reports");
			assertThat(page.locator("#reports-unread")).hasText("未読 1 件");
			assertThat(page.locator("#reports-count")).hasText("全 1 件");
			assertThat(page.locator("#reports-mail")).containsText("メール送信は設定されていません");
			// City staff receive reports; they do not make them.
			assertThat(page.locator("#reports-generate-daily")).hasCount(0);
			Locator cells = page.locator("#reports-grid vaadin-grid-cell-content");
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("令和8年11月17日（火）")).first()).isVisible();
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("データ欠落あり")).first()).isVisible();
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("未読")).first()).isVisible();
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("第1版")).first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("50-report-inbox.png")).setFullPage(true));

			Download download = page.waitForDownload(() -> page.locator("#report-" + report.id() + "-pdf").click());
			assertThat(download.suggestedFilename()).isEqualTo("日報_2026-11-17_v1.pdf");
			byte[] pdf = Files.readAllBytes(download.path());
			assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

			assertThat(page.locator("#reports-unread")).hasText("未読の報告書はありません");
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("既読")).first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("51-report-inbox-read.png")).setFullPage(true));
		}
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'inbox-city' and action = 'DOWNLOAD' "
				+ "and file_name = '日報_2026-11-17_v1.pdf' and channel = '画面:報告書'").query(Integer.class).single())
				.isEqualTo(1);
	}

	@Test
	void the_inbox_sorts_filters_unread_and_kind_counts_and_says_when_nothing_matches() throws Exception {
		ReportFixtures.empty(jdbc);
		ReportFixtures.tuesday(jdbc);
		Chromium.user(jdbc, encoder, "inbox-city2", "市職員二", "inbox-pass-2", "CITY_STAFF");
		StoredReport monday = generate(() -> reports.generateDaily(LocalDate.of(2026, 11, 16)));
		StoredReport tuesday = generate(() -> reports.generateDaily(ReportFixtures.TUESDAY));
		StoredReport november = generate(() -> reports.generateMonthly(YearMonth.of(2026, 11)));

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-city2", "inbox-pass-2");
			page.navigate("http://localhost:" + port + "/reports");
			Locator grid = page.locator("#reports-grid");
			assertThat(page.locator("#reports-count")).hasText("全 3 件");
			assertThat(page.locator("#reports-unread")).hasText("未読 3 件");
			// Newest period first: Tuesday, Monday, then November's summary (which starts on the 1st).
			assertThat(periods(grid)).containsExactly("令和8年11月17日（火）", "令和8年11月16日（月）", "令和8年11月");

			// Sorted by 受電, ascending then descending.
			Locator received = page.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("受電"));
			received.click();
			page.waitForCondition(() -> periods(grid).get(0).equals("令和8年11月16日（月）"));
			assertThat(column(grid, 2)).containsExactly("0", "10", "10");
			received.click();
			page.waitForCondition(() -> column(grid, 2).get(0).equals("10"));
			assertThat(column(grid, 2)).containsExactly("10", "10", "0");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("52-report-inbox-sorted.png")));

			page.waitForDownload(() -> link(page, monday, "pdf").click());
			assertThat(page.locator("#reports-unread")).hasText("未読 2 件");
			page.locator("#reports-unread-only").click();
			assertThat(page.locator("#reports-count")).hasText("2 件（全 3 件中）");
			page.waitForCondition(() -> rows(grid).size() == 2);
			assertThat(periods(grid)).containsExactlyInAnyOrder("令和8年11月17日（火）", "令和8年11月");

			page.locator("#reports-kind").click();
			page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("月報")).click();
			assertThat(page.locator("#reports-count")).hasText("1 件（全 3 件中）");
			page.waitForCondition(() -> rows(grid).size() == 1);
			assertThat(periods(grid)).containsExactly("令和8年11月");

			page.waitForDownload(() -> link(page, november, "xlsx").click());
			assertThat(page.locator("#reports-count")).hasText("0 件（全 3 件中）");
			assertThat(grid).containsText("未読の報告書はありません。「未読のみ」を外すと既読の報告書も表示されます。");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("53-report-inbox-empty.png")));
		}
		try (var ctx = chromium.context(1440, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-city2", "inbox-pass-2");
			page.navigate("http://localhost:" + port + "/reports");
			assertThat(page.locator("#reports-unread")).hasText("未読 1 件");
			assertThat(rows(page.locator("#reports-grid"))).hasSize(3);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("54-report-inbox-1440.png")));
		}
		assertThat(tuesday.version()).isEqualTo(1);
	}

	/** A row's download link; the grid may still hold the link of its previous rendering, detached from view. */
	private static Locator link(Page page, StoredReport report, String format) {
		return page.locator("#report-" + report.id() + "-" + format + " >> visible=true");
	}

	private StoredReport generate(java.util.function.Supplier<StoredReport> action) {
		try {
			ReportsITSupport.signIn("inbox-fm", "FLOOR_MANAGER");
			return action.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<List<String>> rows(Locator grid) {
		return (List<List<String>>) grid.evaluate(ROWS);
	}

	private static List<String> column(Locator grid, int column) {
		return rows(grid).stream().map(r -> r.get(column)).toList();
	}

	/** The 報告書 column without the kind and the version: 令和8年11月17日（火）. */
	private static List<String> periods(Locator grid) {
		return column(grid, 1).stream().map(p -> p.replaceFirst("^[日月]報 ", "").replaceFirst(" 第\\d+版$", ""))
				.toList();
	}

	@Test
	void at_1280_by_720_a_floor_manager_sees_at_least_ten_reports_without_scrolling() throws Exception {
		ReportFixtures.empty(jdbc);
		Chromium.user(jdbc, encoder, "inbox-fm2", "現場責任者", "inbox-pass-3", "FLOOR_MANAGER");
		for (int day = 1; day <= 12; day++) {
			jdbc.sql("""
					insert into report (kind, period, period_from, period_to, version, generated_at, generated_by,
					    scheduled, definition, complete, gap, received, answered, answer_rate, content_json, xlsx, pdf)
					values ('DAILY', :period, :day, :day, 1, now(), 'system', true, 'contract', true, false, 100, 92,
					    0.92, '{}', '\\x00', '\\x00')""")
					.param("period", LocalDate.of(2026, 10, day).toString()).param("day", LocalDate.of(2026, 10, day))
					.update();
		}
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-fm2", "inbox-pass-3");
			page.navigate("http://localhost:" + port + "/reports");
			assertThat(page.locator("#reports-count")).hasText("全 12 件");
			assertThat(page.locator("#reports-generate-daily")).isVisible();
			Locator grid = page.locator("#reports-grid");
			page.waitForCondition(() -> rows(grid).size() >= 10);
			Number visible = (Number) grid.evaluate("""
					g => { const bottom = g.getBoundingClientRect().bottom;
					  return Array.from(g.shadowRoot.querySelectorAll('#items tr'))
					    .filter(tr => !tr.hidden && tr.getBoundingClientRect().height > 0
					        && tr.getBoundingClientRect().bottom <= bottom + 1 && tr.getBoundingClientRect().top >= 0).length; }""");
			assertThat(visible.intValue()).isGreaterThanOrEqualTo(10);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("55-report-inbox-floor-manager-1280.png")));
		}
	}

	@Test
	void a_mail_of_unknown_delivery_is_shown_in_red_and_a_floor_manager_resends_it_after_confirming() throws Exception {
		ReportFixtures.empty(jdbc);
		Chromium.user(jdbc, encoder, "inbox-fm3", "現場責任者", "inbox-pass-4", "FLOOR_MANAGER");
		long id = jdbc.sql("""
				insert into report (kind, period, period_from, period_to, version, generated_at, generated_by,
				    scheduled, definition, complete, gap, received, answered, answer_rate, content_json, xlsx, pdf)
				values ('DAILY', '2026-10-01', date '2026-10-01', date '2026-10-01', 1, now(), 'system', true, 'contract',
				    true, false, 100, 92, 0.92, '{}', '\\x00', '\\x00') returning id""").query(Long.class).single();
		// What a leader killed while handing the mail to the SMTP server leaves, once the next leader has looked.
		jdbc.sql("""
				insert into report_mail (report_id, recipients, status, attempts, next_attempt_at, last_error,
				    sending_node, sending_since, message_id)
				values (:id, 'houkoku@city.example.jp', 'UNCERTAIN', 1, now(), '送信不明: ノード desk1 が送信を始めたまま結果が記録されていません',
				    'desk1', now() - interval '1 hour', '<report-1.test@city.example.jp>')""").param("id", id).update();
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-fm3", "inbox-pass-4");
			page.navigate("http://localhost:" + port + "/reports");
			Locator grid = page.locator("#reports-grid");
			page.waitForCondition(() -> rows(grid).size() == 1);
			assertThat(rows(grid).get(0)).anySatisfy(c -> assertThat(c).contains("送信不明（要確認）", "desk1"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("56-report-inbox-mail-uncertain-1280.png")));

			page.locator("#report-" + id + "-resend").click();
			Locator dialog = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(dialog).containsText("市に届いたかどうか分かりません（Message-ID <report-1.test@city.example.jp>）");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("57-report-inbox-resend-confirm-1280.png")));
			dialog.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("再送する")).click();
			assertThat(page.locator("vaadin-notification-card").last()).containsText("のメールを再送します");
			page.waitForCondition(() -> rows(grid).get(0).stream().anyMatch(c -> c.contains("送信待ち")));
			assertThat(page.locator("#report-" + id + "-resend")).hasCount(0);
		}
		assertThat(jdbc.sql("select status || ' ' || resent_by from report_mail where report_id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("PENDING inbox-fm3");
	}
}
