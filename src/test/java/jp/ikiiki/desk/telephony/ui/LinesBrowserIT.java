package jp.ikiiki.desk.telephony.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.lines.LinesFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A floor manager opens 回線数 in headless Chromium (clock at Tuesday 2026-11-24 10:00 Tokyo), sees the limit, the
 * month and the plan with December's differing day count, and resizes the pool now. Screenshot in
 * target/screenshots/.
 */
@Import(LinesTestSupport.class)
class LinesBrowserIT extends BrowserTest {

	@Autowired
	ApplicationContext context;
	@Autowired
	LinesTestSupport.RecordingLineLimitControl control;

	private static com.microsoft.playwright.Locator cell(Page page, String text) {
		return page.locator("vaadin-grid-cell-content")
				.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text)).first();
	}

	@Test
	void floor_manager_sees_the_schedule_and_resizes_the_pool_now() {
		LinesFixtures.reset(context);
		Chromium.user(jdbc, encoder, "lines-fm", "現場責任者", "lines-pass-1", "FLOOR_MANAGER");

		try (var ctx = chromium.context(1400, 1800)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "lines-fm", "lines-pass-1");

			page.navigate("http://localhost:" + port + "/lines");
			assertThat(page.locator("#lines-now")).containsText("現在の回線数: 5");
			assertThat(page.locator("body")).containsText("2026年11月");
			assertThat(cell(page, "文化の日")).isVisible();
			assertThat(cell(page, "19（暦と相違）")).isVisible();

			page.locator("#lines-resize input").fill("8");
			page.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("今すぐ変更")).click();
			assertThat(page.locator("#lines-now")).containsText("現在の回線数: 8");
			assertThat(page.locator("#lines-now")).containsText("即時変更中");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("30-lines.png")).setFullPage(true));
		}
		assertThat(control.current()).isEqualTo(8);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'lines-fm' and action = 'SETTINGS'")
				.query(Integer.class).single()).isEqualTo(1);
	}
}
