package jp.ikiiki.desk.telephony.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.ikiiki.desk.telephony.LinesTestSupport.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.UUID;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.calls.CallFixtures;
import jp.ikiiki.desk.telephony.lines.LinesFixtures;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The wallboard in headless Chromium against the built-in AMI simulator, connected through its socket as to
 * Asterisk, with the clock at Tuesday 2026-11-24 10:00 Tokyo and the recording stored twice that morning as the
 * test's own calls (22 received, 12 answered): the figures and the day's two charts, the agent at a phone by display
 * name, and a call placed in the simulator appearing without a reload. Then the TV page at 1920×1080 and 1280×720:
 * no menu, large type, everything on one screen. Screenshots in target/screenshots/.
 */
@Import(LinesTestSupport.class)
class WallboardBrowserIT extends BrowserTest {

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;
	@Autowired
	ApplicationContext context;
	@Autowired
	LinesTestSupport.ListedMemberAgents agents;

	/** This class's calls: stored again by each test, which changes nothing. */
	private static final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void morning() {
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		LinesFixtures.reset(context);
		Chromium.user(jdbc, encoder, "wall-fm", "現場責任者 五郎", "wall-pass-1", "FLOOR_MANAGER");
		Chromium.user(jdbc, encoder, "wall-agent", "応答 花子", "wall-pass-2", "AGENT");
		agents.agents.put("Local/agent1@agents", "wall-agent");
		CallFixtures.recording(context, "wall-" + run + "-a-", tokyo(2026, 11, 24, 8, 40));
		CallFixtures.recording(context, "wall-" + run + "-b-", tokyo(2026, 11, 24, 9, 35));
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("wall-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			lines.resizeNow(4, false, "test");
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void a_call_in_the_simulator_appears_on_the_wallboard_without_a_reload_next_to_the_days_charts() {
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "wall-fm", "wall-pass-1");

			page.navigate("http://localhost:" + port + "/wallboard");
			assertThat(page.locator("#wallboard-connection")).hasText("電話システム接続中");
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("0 / 4");
			assertThat(page.locator("#wallboard-lines")).containsText("臨時変更中（12:00 まで）");
			assertThat(page.locator("#wallboard-rate-today .wallboard-value")).hasText("54.5%");
			assertThat(page.locator("#wallboard-rate-today")).containsText("応答 12 / 受電 22");
			assertThat(page.locator("#wallboard-rate-today")).hasAttribute("data-tone", "bad");
			assertThat(page.locator("#wallboard-refused .wallboard-value")).hasText("6");
			assertThat(page.locator("#wallboard-chart-rate svg")).isVisible();
			assertThat(page.locator("#wallboard-chart-rate svg")).containsText("応答率の推移（目標 90%）");
			assertThat(page.locator("#wallboard-chart-rate svg")).containsText("目標 90%");
			assertThat(page.locator("#wallboard-chart-calls svg")).containsText("30分ごとの受電・応答・放棄");
			Locator members = page.locator("#wallboard-members vaadin-grid-cell-content");
			assertThat(members.filter(new Locator.FilterOptions().setHasText("応答 花子")).first()).isVisible();
			assertThat(members.filter(new Locator.FilterOptions().setHasText("Agent 2")).first()).isVisible();
			assertThat(page.locator("#wallboard-members")).not().containsText("wall-agent");

			// A patient caller who talks for a while (the simulator runs ten times faster than real time in tests).
			simulator.pbx().placeCall(new CallSpec("wallboard-" + run, "0820000000", "Caller", 1_000, 2, 300));
			var soon = new LocatorAssertions.HasTextOptions().setTimeout(3_000);
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("1 / 4", soon);
			assertThat(members.filter(new Locator.FilterOptions().setHasText("通話中")).first())
					.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("40-wallboard-1280.png")).setFullPage(true));

			page.locator("#wallboard-tv-link").click();
			page.waitForURL("**/wallboard/tv");
			assertThat(page.locator("#wallboard-tv #wallboard-rate-today .wallboard-value")).hasText("54.5%");
		}
	}

	@Test
	void the_tv_page_fills_a_1920_by_1080_screen_without_a_menu_and_still_fits_1280_by_720() {
		for (int[] size : new int[][] { { 1920, 1080 }, { 1280, 720 } }) {
			try (var ctx = chromium.context(size[0], size[1])) {
				Page page = ctx.newPage();
				page.setDefaultTimeout(30_000);
				Chromium.signIn(page, port, "wall-fm", "wall-pass-1");

				page.navigate("http://localhost:" + port + "/wallboard/tv");
				assertThat(page.locator("#wallboard-rate-today .wallboard-value")).hasText("54.5%");
				assertThat(page.locator("#wallboard-agents")).containsText("応答 花子");
				assertThat(page.locator("#wallboard-chart-rate svg")).isVisible();
				assertThat(page.locator("#wallboard-chart-calls svg")).isVisible();
				assertThat(page.locator("vaadin-app-layout")).hasCount(0);
				assertThat(page.locator("vaadin-side-nav")).hasCount(0);

				double valuePx = ((Number) page.evaluate("() => parseFloat(getComputedStyle("
						+ "document.querySelector('#wallboard-rate-today .wallboard-value')).fontSize)")).doubleValue();
				// readable across a room: about 3.6 % of the width (69 px at 1920), never below 26 px
				assertThat(valuePx).isGreaterThanOrEqualTo(size[0] >= 1920 ? 60 : 40);
				Object fits = page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"
						+ " && document.documentElement.scrollWidth <= window.innerWidth");
				assertThat(fits).as("the whole board on one screen at %dx%d", size[0], size[1]).isEqualTo(true);
				Object chartsInside = page.evaluate("() => { const r = document.querySelector('#wallboard-charts')"
						+ ".getBoundingClientRect(); const a = document.querySelector('#wallboard-agents')"
						+ ".getBoundingClientRect(); return r.height > window.innerHeight * 0.25 && a.bottom <= window.innerHeight; }");
				assertThat(chartsInside).isEqualTo(true);
				page.screenshot(new Page.ScreenshotOptions()
						.setPath(Chromium.shot("41-wallboard-tv-" + size[0] + "x" + size[1] + ".png")));
			}
		}
	}
}
