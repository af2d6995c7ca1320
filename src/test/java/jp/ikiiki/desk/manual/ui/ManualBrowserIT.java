package jp.ikiiki.desk.manual.ui;

import jp.ikiiki.desk.shared.JapanTime;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.browser.ScreenFit;
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
			assertThat(page.locator("#manual-entry-version")).containsText("第1版（市合意 ");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("55-manual-search.png")));
		}

		try (var ctx = chromium.context(1400, 1100)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "man-fm", "man-pass-2");
			page.navigate("http://localhost:" + port + "/manual/edit");
			page.locator("#manual-entries vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("てちょうをなくした")).first().click();
			assertThat(page.locator("#manual-editing")).containsText("第1版（適用中）を元に編集");
			page.locator("#manual-answer textarea").fill("再交付願を受け付けます。ご家族からの申し出も受け付けます。");
			page.locator("#manual-note input").fill("家族からの申し出を追記");
			page.locator("#manual-save").click();
			assertThat(page.locator("#manual-editing")).containsText("第2版（下書き（市合意前））を元に編集");
			page.locator("#manual-agreed-on input").fill(lastWeek.getYear() + "/" + lastWeek.getMonthValue() + "/"
					+ lastWeek.getDayOfMonth());
			page.locator("#manual-agreed-on input").press("Enter");
			page.locator("#manual-agreed-by input").fill("高齢福祉課 課長");
			page.locator("#manual-agree").click();
			assertThat(page.locator("#manual-editing")).containsText("第2版（適用中）を元に編集");
			page.locator("#manual-tab-history").click();
			Locator history = page.locator("#manual-history vaadin-grid-cell-content");
			assertThat(history.filter(new Locator.FilterOptions().setHasText("旧版"))).hasCount(1);
			assertThat(history.filter(new Locator.FilterOptions().setHasText("高齢福祉課 課長")).first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("56-manual-editor.png")).setFullPage(true));
		}
	}

	@Test
	void at_1280_by_720_the_editor_lists_ten_entries_shows_a_long_question_whole_and_asks_before_retiring_one() {
		jdbc.sql("delete from manual_entry_version").update();
		jdbc.sql("delete from manual_entry").update();
		Chromium.user(jdbc, encoder, "man-fm-1280", "現場責任者", "man-pass-3", "FLOOR_MANAGER");
		LocalDate lastWeek = LocalDate.now(JapanTime.ZONE).minusDays(7);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("man-fm-1280",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			for (int i = 0; i < 14; i++) {
				editing.create(new ManualDraft("手帳 / 再交付", "質問" + i + "：本人が入院中で手帳を受け取れないとき、家族が代わりに再交付を申請"
						+ "できますか。その場合に必要な書類と、届くまでの日数も知りたい", "回答" + i, null, null),
						new CityAgreement(lastWeek, "高齢福祉課 係長"), "test");
			}
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "man-fm-1280", "man-pass-3");
			page.navigate("http://localhost:" + port + "/manual/edit");
			Locator rows = page.locator("#manual-entries vaadin-grid-cell-content");
			rows.filter(new Locator.FilterOptions().setHasText("質問0：")).first().waitFor();
			ScreenFit.Rows listed = ScreenFit.rows(page, "#manual-entries");
			assertThat(listed.visible()).as("entries " + listed).isGreaterThanOrEqualTo(10);
			assertThat(page.locator("#manual-entry-count")).containsText("14 件を表示");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("57-manual-editor-1280.png")));

			// The row opens under itself with the whole question.
			rows.filter(new Locator.FilterOptions().setHasText("質問3：")).first().click();
			assertThat(page.locator(".manual-entry-detail").filter(new Locator.FilterOptions().setHasText("届くまでの日数も知りたい")))
					.isVisible();
			assertThat(page.locator("#manual-editing")).containsText("第1版（適用中）を元に編集");
			page.locator("#manual-tab-history").click();
			ScreenFit.Rows versions = ScreenFit.rows(page, "#manual-history");
			assertThat(versions.atLeastTenOrAll()).as("history " + versions).isTrue();
			assertThat(versions.roomForTen()).as("history " + versions).isTrue();

			// 廃止: the city's agreement first, then a question that says what it does.
			page.locator("#manual-tabs vaadin-tab").filter(new Locator.FilterOptions().setHasText("編集")).click();
			page.locator("#manual-agreed-on input").fill(lastWeek.getYear() + "/" + lastWeek.getMonthValue() + "/"
					+ lastWeek.getDayOfMonth());
			page.locator("#manual-agreed-on input").press("Enter");
			page.locator("#manual-agreed-by input").fill("高齢福祉課 課長");
			page.locator("#manual-retire").click();
			Locator ask = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(ask).containsText("オペレーターの検索に出なくなります");
			page.locator("#manual-retire-reason input").fill("制度変更により不要");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("58-manual-retire-confirm.png")));
			ask.locator("vaadin-button[slot='confirm-button']").click();
			assertThat(page.locator("#manual-editing")).containsText("廃止済み");
			assertThat(jdbc.sql("select count(*) from manual_entry where retired_on is not null").query(Long.class).single())
					.isOne();
		}
	}
}
