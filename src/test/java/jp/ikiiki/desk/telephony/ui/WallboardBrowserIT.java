package jp.ikiiki.desk.telephony.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The wallboard in headless Chromium against the built-in AMI simulator, connected through its socket as to
 * Asterisk: it shows the connection and the queue's members, and a call placed in the simulator appears — a line
 * in use, the answering member in a call — pushed to the browser without a reload. Screenshot in
 * target/screenshots/.
 */
class WallboardBrowserIT extends BrowserTest {

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;

	@Test
	void a_call_in_the_simulator_appears_on_the_wallboard_without_a_reload() {
		Chromium.user(jdbc, encoder, "wall-fm", "現場責任者", "wall-pass-1", "FLOOR_MANAGER");
		// Whatever the day and hour of the test run (closed hours have 0 lines), give the queue lines until the
		// next half-day boundary, as a floor manager would.
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("wall-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			lines.resizeNow(4, "test");
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1400, 1000)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "wall-fm", "wall-pass-1");

			page.navigate("http://localhost:" + port + "/wallboard");
			assertThat(page.locator("#wallboard-connection")).hasText("電話システム接続中");
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("0 / 4");
			assertThat(page.locator("#wallboard-lines")).containsText("臨時変更中");
			Locator members = page.locator("#wallboard-members vaadin-grid-cell-content");
			assertThat(members.filter(new Locator.FilterOptions().setHasText("Agent 1")).first()).isVisible();

			// A patient caller who talks for a while (the simulator runs ten times faster than real time in tests).
			simulator.pbx().placeCall(new CallSpec("wallboard", "0820000000", "Caller", 1_000, 2, 300));
			var soon = new LocatorAssertions.HasTextOptions().setTimeout(3_000);
			assertThat(page.locator("#wallboard-lines .wallboard-value")).hasText("1 / 4", soon);
			assertThat(members.filter(new Locator.FilterOptions().setHasText("通話中")).first())
					.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(3_000));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("40-wallboard.png")).setFullPage(true));
		}
	}
}
