package jp.ikiiki.desk.deliverables.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.shared.JapanTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The deliverables screen in headless Chromium at 1280×720 and 1440×900: an operator generates this month's mid-month
 * period of a twice-monthly test kind (a stand-in provider), a floor manager sees the overdue ones on the home page, checks and
 * delivers it. Screenshots in target/screenshots/.
 */
@Import(DeliverablesBrowserIT.Provider.class)
class DeliverablesBrowserIT extends BrowserTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Provider {
		@Bean
		DeliverableKind browserPointNoticeList() {
			return new DeliverableKind() {
				@Override
				public String code() {
					return "TEST_TWICE_MONTHLY_LIST";
				}

				@Override
				public String label() {
					return "テスト用一覧";
				}

				@Override
				public String category() {
					return "ポイント事業対象者";
				}

				@Override
				public String clause() {
					return "第9章1(2)";
				}

				@Override
				public DeliverableSchedule schedule() {
					return DeliverableSchedule.TWICE_MONTHLY;
				}

				@Override
				public DeliverableFile generate(String period) {
					return new DeliverableFile("テスト用一覧_" + period + ".csv", DeliverableFile.CSV,
							("期間," + period + "\n").getBytes(StandardCharsets.UTF_8));
				}
			};
		}
	}

	@Test
	void an_operator_generates_and_a_floor_manager_checks_and_delivers() {
		Chromium.user(jdbc, encoder, "dlv-op", "提出担当", "dlv-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "dlv-mgr", "現場責任者", "dlv-pass-2", "FLOOR_MANAGER");
		String period = YearMonth.now(JapanTime.ZONE) + "-M";
		String id = "TEST_TWICE_MONTHLY_LIST-" + period;
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "dlv-op", "dlv-pass-1");
			page.navigate("http://localhost:" + port + "/deliverables");
			assertThat(page.locator("#deliverables-summary")).containsText("全");
			page.locator("#generate-" + id).click();
			assertThat(page.locator("#deliverable-file-" + id)).isVisible();
			// The one who generated it cannot check it.
			assertThat(page.locator("#check-" + id)).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("80-deliverables-generated-1280.png")));
		}
		try (var ctx = chromium.context(1440, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "dlv-mgr", "dlv-pass-2");
			page.navigate("http://localhost:" + port + "/");
			assertThat(page.getByText("期限を過ぎた提出物").first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("81-home-overdue-deliverables-1440.png")));
			page.navigate("http://localhost:" + port + "/deliverables");
			page.locator("#check-" + id).click();
			page.locator("#deliver-" + id).click();
			assertThat(page.locator("#deliverables-grid vaadin-grid-cell-content").filter(
					new com.microsoft.playwright.Locator.FilterOptions().setHasText("納品済み（市の取得待ち）")).first())
					.isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("82-deliverables-delivered-1440.png")));
			page.navigate("http://localhost:" + port + "/work-report");
			assertThat(page.locator("#kpi-ANSWER_RATE")).isVisible();
			assertThat(page.locator("#kpi-PAYMENTS_BY_DEADLINE")).containsText("データなし");
			page.locator("#kpi-ANSWER_RATE textarea").first().fill("回線を増やした");
			page.locator("#save-ANSWER_RATE").click();
			assertThat(page.getByText("記述を保存しました。")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("83-work-report-1440.png")));
		}
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "dlv-mgr", "dlv-pass-2");
			page.navigate("http://localhost:" + port + "/work-report");
			assertThat(page.locator("#kpi-CALLS")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("84-work-report-1280.png")));
		}
	}
}
