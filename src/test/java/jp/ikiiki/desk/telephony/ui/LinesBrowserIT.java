package jp.ikiiki.desk.telephony.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.ikiiki.desk.telephony.LinesTestSupport.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.lines.LinesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A floor manager on 回線数 in headless Chromium at 1280×720 (and 1440×900): the fiscal year named, the limit, the
 * month with past days read-only, the plan's chart and table with December's differing day count; "resize now"
 * confirmed with when it ends, and at 01:49 on a Saturday the out-of-hours confirmation naming Monday's opening.
 * Screenshots in target/screenshots/.
 */
@Import(LinesTestSupport.class)
class LinesBrowserIT extends BrowserTest {

	@Autowired
	ApplicationContext context;
	@Autowired
	LinesTestSupport.RecordingLineLimitControl control;
	@Autowired
	LinesTestSupport.SettableClock clock;

	private static Locator cell(Page page, String text) {
		return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
	}

	private static Locator button(Page page, String text) {
		return page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText(text)).first();
	}

	private int settingsAudited() {
		return jdbc.sql("select count(*) from audit_event where username = 'lines-fm' and action = 'SETTINGS'")
				.query(Integer.class).single();
	}

	@BeforeEach
	void reset() {
		// a first page of charts on a busy machine takes more than the assertions' default 5 s
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		LinesFixtures.reset(context); // Tuesday 2026-11-24 10:00 Tokyo
		Chromium.user(jdbc, encoder, "lines-fm", "現場責任者", "lines-pass-1", "FLOOR_MANAGER");
	}

	@Test
	void floor_manager_sees_the_fiscal_year_and_resizes_the_pool_after_a_confirmation_naming_its_end() {
		int audited = settingsAudited();
		for (int[] size : new int[][] { { 1280, 720 }, { 1440, 900 } }) {
			try (var ctx = chromium.context(size[0], size[1])) {
				Page page = ctx.newPage();
				page.setDefaultTimeout(30_000);
				Chromium.signIn(page, port, "lines-fm", "lines-pass-1");
				page.navigate("http://localhost:" + port + "/lines");
				assertThat(page.locator("#lines-title")).containsText("令和8年度");
				assertThat(page.locator("#lines-now")).containsText("現在の回線数: 5");
				// months in the era form, as the fiscal year they belong to; days in the work-list form
				assertThat(page.locator("#lines-month")).hasText("令和8年11月");
				// the month opens at today: the day before it (a holiday) on top
				assertThat(cell(page, "勤労感謝の日")).isVisible();
				assertThat(cell(page, "2026/11/24（火）")).isVisible();
				page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.shot("30-lines-" + size[0] + "x" + size[1] + ".png")));
				// the days before it have ended: their lines are history, their rows cannot be selected
				page.evaluate("() => document.querySelector('#lines-days').scrollToIndex(0)");
				assertThat(cell(page, "文化の日")).isVisible();
				assertThat(cell(page, "5（確定）")).isVisible();
				assertThat(cell(page, "19（暦と相違）")).isAttached();
				assertThat(page.locator("#lines-plan-title")).hasText("令和8年度の計画と予定");
				assertThat(page.locator("#lines-plan-chart svg")).containsText("計画（回線・日）");
				page.locator("#lines-plan-chart").scrollIntoViewIfNeeded();
				page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.shot("30-lines-plan-" + size[0] + "x" + size[1] + ".png")));
			}
		}

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "lines-fm", "lines-pass-1");
			page.navigate("http://localhost:" + port + "/lines");
			page.locator("#lines-resize input").fill("8");
			button(page, "今すぐ変更").click();
			Locator dialog = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(dialog).containsText("回線数を今すぐ変更します");
			assertThat(dialog).containsText("2026/11/24（火）12:00 まで有効で、その後は予定の 2 回線に戻ります");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("31-lines-resize-confirm.png")));
			dialog.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("8 回線にする")).click();
			assertThat(page.locator("#lines-now")).containsText("現在の回線数: 8");
			assertThat(page.locator("#lines-now")).containsText("即時変更中（2026/11/24（火）12:00 まで");
		}
		assertThat(control.current()).isEqualTo(8);
		assertThat(settingsAudited()).isEqualTo(audited + 1);
	}

	@Test
	void at_1_49_on_saturday_a_resize_asks_to_answer_out_of_hours_until_monday_opening() {
		clock.set(tokyo(2026, 11, 28, 1, 49));
		int audited = settingsAudited();
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "lines-fm", "lines-pass-1");
			page.navigate("http://localhost:" + port + "/lines");
			assertThat(page.locator("#lines-now")).containsText("受付時間外");

			page.locator("#lines-resize input").fill("3");
			button(page, "今すぐ変更").click();
			Locator dialog = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(dialog).containsText("受付時間外に回線を開きます");
			assertThat(dialog).containsText("次の開庁 2026/11/30（月）8:30 まで時間外の電話にも応答します");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("32-lines-out-of-hours-confirm.png")));

			// Thinking better of it changes nothing.
			dialog.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("やめる")).click();
			assertThat(page.locator("#lines-now")).containsText("現在の回線数: 0");
			assertThat(settingsAudited()).isEqualTo(audited);

			button(page, "今すぐ変更").click();
			page.locator("vaadin-confirm-dialog-overlay vaadin-button")
					.filter(new Locator.FilterOptions().setHasText("2026/11/30（月）8:30 まで時間外も 3 回線で受け付ける"))
					.click();
			assertThat(page.locator("#lines-now")).containsText("現在の回線数: 3");
			assertThat(page.locator("vaadin-notification-card").last())
					.containsText("3 回線にしました（2026/11/30（月）8:30 まで）");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("33-lines-out-of-hours-done.png")));
		}
		assertThat(control.current()).isEqualTo(3);
		assertThat(settingsAudited()).isEqualTo(audited + 1);
	}
}
