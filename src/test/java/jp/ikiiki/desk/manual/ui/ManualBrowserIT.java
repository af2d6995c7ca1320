package jp.ikiiki.desk.manual.ui;

import jp.ikiiki.desk.shared.JapanTime;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An agent finds a manual entry written in hiragana by typing half-width katakana; the floor manager writes a new
 * version, records the city's agreement, and sees the history. Screenshots in target/screenshots/.
 */
class ManualBrowserIT extends BrowserTest {

	@Autowired
	ManualEditing editing;

	@Test
	void an_agent_finds_an_entry_by_half_width_kana_and_a_floor_manager_puts_a_new_version_in_force() {
		jdbc.sql("delete from manual_entry_version").update();
		jdbc.sql("delete from manual_entry").update();
		Chromium.user(jdbc, encoder, "man-agent", "オペレーター", "man-pass-1", "AGENT");
		Chromium.user(jdbc, encoder, "man-fm", "現場責任者", "man-pass-2", "FLOOR_MANAGER");
		LocalDate lastWeek = LocalDate.now(JapanTime.ZONE).minusDays(7);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("man-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			editing.create(new ManualDraft("ポイント手帳 / 再交付", "てちょうをなくした", "再交付願を受け付けます。", null, null),
					new CityAgreement(lastWeek, "高齢福祉課 係長"), "test");
			editing.create(new ManualDraft("交通費助成", "タクシー券が届かない", "交付決定通知書と一緒に送付します。", null, null),
					new CityAgreement(lastWeek, "高齢福祉課 係長"), "test");
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1400, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "man-agent", "man-pass-1");
			page.navigate("http://localhost:" + port + "/manual");
			page.locator("#manual-search input").fill("ﾃﾁｮｳ");
			page.locator("#manual-search input").press("Enter");
			Locator rows = page.locator("#manual-results vaadin-grid-cell-content");
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("てちょうをなくした")).first()).isVisible();
			// The grid reuses its cells: the row of the blank search's other entry is hidden, not removed.
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("タクシー券")).first()).isHidden();
			rows.filter(new Locator.FilterOptions().setHasText("てちょうをなくした")).first().click();
			assertThat(page.locator("#manual-entry-answer")).hasText("再交付願を受け付けます。");
			assertThat(page.locator("#manual-entry-version")).containsText("版1（市合意 ");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("55-manual-search.png")));
		}

		try (var ctx = chromium.context(1400, 1100)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "man-fm", "man-pass-2");
			page.navigate("http://localhost:" + port + "/manual/edit");
			page.locator("#manual-entries vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("てちょうをなくした")).first().click();
			assertThat(page.locator("#manual-editing")).containsText("版1（適用中）を元に編集");
			page.locator("#manual-answer textarea").fill("再交付願を受け付けます。ご家族からの申し出も受け付けます。");
			page.locator("#manual-note input").fill("家族からの申し出を追記");
			page.locator("#manual-save").click();
			assertThat(page.locator("#manual-editing")).containsText("版2（下書き（市合意前））を元に編集");
			page.locator("#manual-agreed-on input").fill(lastWeek.getYear() + "/" + lastWeek.getMonthValue() + "/"
					+ lastWeek.getDayOfMonth());
			page.locator("#manual-agreed-on input").press("Enter");
			page.locator("#manual-agreed-by input").fill("高齢福祉課 課長");
			page.locator("#manual-agree").click();
			assertThat(page.locator("#manual-editing")).containsText("版2（適用中）を元に編集");
			Locator history = page.locator("#manual-history vaadin-grid-cell-content");
			assertThat(history.filter(new Locator.FilterOptions().setHasText("旧版"))).hasCount(1);
			assertThat(history.filter(new Locator.FilterOptions().setHasText("高齢福祉課 課長")).first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("56-manual-editor.png")).setFullPage(true));
		}
	}
}
