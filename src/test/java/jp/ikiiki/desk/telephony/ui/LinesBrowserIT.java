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

	@Test
	void floor_manager_sees_the_dispatches_and_why_the_advice_is_raised_after_them() {
		// twenty open days of 147 calls before today (Tue 24 Nov); 10,000 booklets planned for today, 3,000 decisions
		// sent on Fri 20 Nov, and November's 中旬 booklets late since Fri 20 Nov
		var history = context.getBean(LinesTestSupport.ListedCallArrivals.class);
		var calendar = context.getBean(jp.ikiiki.desk.calendar.BusinessCalendar.class);
		int counted = 0;
		for (java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 20); counted < 20; d = d.minusDays(1)) {
			if (calendar.isOpenDay(d)) {
				counted++;
				history.calls.add(new jp.ikiiki.desk.telephony.HalfDayCalls(
						new jp.ikiiki.desk.calendar.HalfDay(d, jp.ikiiki.desk.calendar.HalfDay.Half.AM), 42, 40, 6000, 2, 80));
				history.calls.add(new jp.ikiiki.desk.telephony.HalfDayCalls(
						new jp.ikiiki.desk.calendar.HalfDay(d, jp.ikiiki.desk.calendar.HalfDay.Half.PM), 105, 100, 15000, 5,
						200));
			}
		}
		var schedule = context.getBean(LinesTestSupport.ListedDispatches.class);
		schedule.dispatches.add(new jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch(
				java.time.LocalDate.of(2026, 11, 20), null, "DECISION", "交通費助成交付決定通知（簡易書留）", 3_000, true, false,
				false));
		schedule.dispatches.add(new jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch(
				java.time.LocalDate.of(2026, 11, 24), java.time.LocalDate.of(2026, 11, 20), "BOOKLET",
				"ポイント手帳（再交付分等）（中旬）", 400, false, true, true));
		schedule.dispatches.add(new jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch(
				java.time.LocalDate.of(2026, 11, 30), java.time.LocalDate.of(2026, 11, 30), "BOOKLET",
				"ポイント手帳（再交付分等）（下旬）", 10_000, false, false, false));
		for (int[] size : new int[][] { { 1280, 720 }, { 1440, 900 } }) {
			try (var ctx = chromium.context(size[0], size[1])) {
				Page page = ctx.newPage();
				page.setDefaultTimeout(30_000);
				Chromium.signIn(page, port, "lines-fm", "lines-pass-1");
				page.navigate("http://localhost:" + port + "/lines");
				Locator dispatches = page.locator("#lines-dispatches");
				assertThat(dispatches).isVisible();
				assertThat(cell(page, "遅延（予定 2026/11/20（金））")).isAttached();
				assertThat(cell(page, "10,000")).isAttached();
				assertThat(cell(page, "400（推定）")).isAttached();
				assertThat(page.locator("#lines-surge-rules")).containsText("契約の回線数表（第6章2）からの既定値");
				// Wed 25 Nov: the decisions sent on Fri 20 Nov (third open day after) and the late booklets (first)
				assertThat(page.locator("#lines-advice"))
						.containsText("交通費助成交付決定通知（簡易書留） 3,000通 の発送後 3 開庁日目");
				assertThat(page.locator("#lines-advice")).containsText("ポイント手帳（再交付分等）（中旬） 400通 の発送後 1 開庁日目");
				page.locator("#lines-advice").scrollIntoViewIfNeeded();
				page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.shot("34-lines-advice-" + size[0] + "x" + size[1] + ".png")));
				dispatches.scrollIntoViewIfNeeded();
				page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.shot("35-lines-dispatches-" + size[0] + "x" + size[1] + ".png")));
			}
		}
	}
}
