package jp.ikiiki.desk.reports.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
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
 * The city staff's inbox in headless Chromium: a generated daily report is listed unread, the PDF downloads (and is
 * audited), and the report then shows as read. Screenshots in target/screenshots/.
 */
class ReportInboxBrowserIT extends BrowserTest {

	@Autowired
	CityReports reports;

	@Test
	void city_staff_see_the_new_report_unread_download_it_and_it_becomes_read() throws Exception {
		ReportFixtures.empty(jdbc);
		ReportFixtures.tuesday(jdbc);
		ReportFixtures.gap(jdbc, ReportFixtures.TUESDAY, "14:00", "14:20");
		Chromium.user(jdbc, encoder, "inbox-city", "市職員", "inbox-pass-1", "CITY_STAFF");
		StoredReport report;
		try {
			ReportsITSupport.signIn("inbox-fm", "FLOOR_MANAGER");
			report = reports.generateDaily(ReportFixtures.TUESDAY);
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1500, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "inbox-city", "inbox-pass-1");
			page.navigate("http://localhost:" + port + "/reports");
			assertThat(page.locator("#reports-unread")).hasText("未読 1 件");
			assertThat(page.locator("#reports-mail")).containsText("メール送信は設定されていません");
			Locator cells = page.locator("#reports-grid vaadin-grid-cell-content");
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("令和8年11月17日（火）")).first()).isVisible();
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("データ欠落あり")).first()).isVisible();
			assertThat(cells.filter(new Locator.FilterOptions().setHasText("未読")).first()).isVisible();
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
}
