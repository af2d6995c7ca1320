package jp.ikiiki.desk.platform.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's shell in headless Chromium at 1280×720, as each role: the home page with the person's work items
 * and the menu's counts, the display name in the header, Japanese error pages inside the layout, the login keeping
 * the user name after an error, the favicon, the bundled fonts on screen, one notice at a time that does not follow
 * to the next page, and the audit trail's filters, row detail and CSV export. Screenshots in target/screenshots/.
 */
class ConsoleShellBrowserIT extends BrowserTest {

	static final List<String[]> ROLES = List.of(
			new String[] { "shell-agent", "受付 花子", "AGENT" },
			new String[] { "shell-fm", "現場 責任者", "FLOOR_MANAGER" },
			new String[] { "shell-op", "事務 担当", "OPERATOR" },
			new String[] { "shell-city", "広島市 高齢福祉課", "CITY_STAFF" },
			new String[] { "shell-sec", "情報 管理者", "SECURITY_ADMIN" });

	@BeforeEach
	void users() {
		for (String[] r : ROLES) {
			Chromium.user(jdbc, encoder, r[0], r[1], "shell-pass-1", r[2]);
		}
		Chromium.user(jdbc, encoder, "shell-locked", "ロック 中", "shell-pass-1", "AGENT");
		jdbc.sql("update app_user set locked_until = now() + interval '10 minutes', failed_logins = 30 where username = 'shell-locked'")
				.update();
		jdbc.sql("delete from login_failure where source_address = '127.0.0.1'").update();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void every_role_sees_its_name_its_home_and_its_menu_at_1280x720() {
		for (String[] r : ROLES) {
			try (var context = chromium.context(1280, 720)) {
				Page page = context.newPage();
				page.setDefaultTimeout(30_000);
				Chromium.signIn(page, port, r[0], "shell-pass-1");
				assertThat(page.locator("[data-testid='current-user']")).hasText(r[1]);
				assertThat(page.locator("h2").first()).containsText(r[1] + " さん");
				assertThat(page.locator("body")).not().containsText("!platform.");
				page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-home-" + r[2].toLowerCase() + ".png")));
				if (r[2].equals("SECURITY_ADMIN")) {
					// the locked account is on the home page and counted on the menu's 利用者管理
					var locked = page.locator("[data-testid='work-item']").filter(new Locator.FilterOptions().setHasText("ロック中のアカウント"));
					assertThat(locked).isVisible();
					assertThat(locked.locator(".count")).not().hasText("なし");
					assertThat(locked).hasAttribute("data-urgency", "ATTENTION");
					assertThat(page.locator("[data-testid='menu-count-users']")).isVisible();
					locked.click();
					page.waitForURL("**/users");
					// other classes' users share the database: the grid shows the locked one when asked for it
					page.locator("#user-search input").fill("shell-locked");
					assertThat(page.locator("#user-grid")).containsText("shell-locked");
				}
			}
		}
	}

	@Test
	void unknown_and_forbidden_addresses_show_a_japanese_page_in_the_console_and_the_error_page_is_japanese() {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "shell-agent", "shell-pass-1");
			page.navigate(url("/no-such-screen"));
			assertThat(page.locator("[data-testid='error-not-found']")).containsText("ページが見つかりません");
			assertThat(page.locator("[data-testid='current-user']")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-not-found.png")));

			page.navigate(url("/users"));
			assertThat(page.locator("[data-testid='error-not-found'], [data-testid='error-denied']")).isVisible();
			assertThat(page.locator("body")).not().containsText("Could not navigate");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-forbidden.png")));

			// a path outside the console (a missing static file) gets the Japanese error page, not Whitelabel
			page.navigate(url("/fonts/no-such-font.ttf"));
			assertThat(page.locator("body")).not().containsText("Whitelabel");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-error-page.png")));
		}
	}

	@Test
	void the_login_keeps_the_user_name_after_an_error_and_the_console_has_its_favicon() throws Exception {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate(url("/login"));
			assertThat(page.locator("link[rel='icon']")).hasAttribute("href", "favicon.svg");
			var favicon = context.request().get(url("/favicon.svg"));
			assertThat(favicon.status()).isEqualTo(200);
			assertThat(favicon.headers().get("content-type")).contains("image/svg+xml");
			assertThat(context.request().get(url("/favicon.ico")).status()).isEqualTo(200);

			page.locator("input[name='username']").fill("shell-agent");
			page.locator("input[name='password']").fill("wrong-pass-1");
			page.locator("input[name='password']").press("Enter");
			page.waitForURL("**/login?error");
			assertThat(page.locator("vaadin-login-overlay-wrapper, vaadin-login-form-wrapper").first()).containsText("ログインできませんでした");
			assertThat(page.locator("input[name='username']")).hasValue("shell-agent");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-login-error.png")));
			page.locator("input[name='password']").fill("shell-pass-1");
			page.locator("input[name='password']").press("Enter");
			assertThat(page.locator("[data-testid='current-user']")).hasAttribute("data-username", "shell-agent");
		}
	}

	@Test
	void the_console_shows_the_bundled_fonts() {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "shell-agent", "shell-pass-1");
			Object loaded = page.evaluate("async () => { await document.fonts.load('16px IPAexGothic', '高齢者 髙橋 﨑'); "
					+ "await document.fonts.load('16px IPAexMincho', '髙橋'); await document.fonts.ready; "
					+ "return [document.fonts.check('16px IPAexGothic', '髙'), document.fonts.check('16px IPAexMincho', '髙'), "
					+ "getComputedStyle(document.documentElement).getPropertyValue('--lumo-font-family')]; }");
			Object faces = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')");
			assertThat(faces.toString()).contains("IPAexGothic", "IPAexMincho");
			assertThat(loaded.toString()).startsWith("[true, true").contains("IPAexGothic");
			var font = context.request().get(url("/fonts/ipaexg.ttf"));
			assertThat(font.status()).isEqualTo(200);
			assertThat(font.headers().get("cache-control")).contains("max-age");
			page.evaluate("() => { const d = document.createElement('div'); d.id = 'font-sample'; "
					+ "d.style.cssText = 'position:fixed;top:80px;left:300px;font-size:40px;background:white;padding:8px;z-index:9';"
					+ "d.textContent = '髙橋 﨑山 德永 𠮷田'; document.body.appendChild(d); }");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-fonts.png")));
		}
	}

	@Test
	void one_notice_at_a_time_and_it_does_not_follow_to_the_next_page() {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "shell-sec", "shell-pass-1");
			page.navigate(url("/users"));
			page.locator("#user-add").click();
			var dialog = page.locator("vaadin-dialog-overlay");
			dialog.locator("vaadin-text-field").first().locator("input").fill("shell-new");
			dialog.locator("vaadin-text-field").nth(1).locator("input").fill("新人");
			dialog.locator("vaadin-password-field input").fill("short");
			page.locator("#user-create-save").click();
			var cards = page.locator("vaadin-notification-card");
			assertThat(cards).hasCount(1);
			assertThat(cards.first()).containsText("10文字以上");
			page.locator("#user-create-save").click();
			page.locator("#user-create-save").click();
			assertThat(cards).hasCount(1);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-notice.png")));
			page.keyboard().press("Escape");
			page.locator("#main-menu vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("監査ログ")).click();
			page.waitForURL("**/audit");
			assertThat(cards).hasCount(0);
		}
	}

	@Test
	void the_audit_trail_filters_sorts_opens_a_row_and_exports_csv() throws Exception {
		jdbc.sql("insert into audit_event (username, action, channel, detail, source_address) values "
				+ "('shell-sec', 'SEARCH', '画面:対象者検索', :detail, '192.0.2.99')")
				.param("detail", "=HYPERLINK(\"http://x\") 長い内容 " + "あ".repeat(300)).update();
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "shell-sec", "shell-pass-1");
			page.navigate(url("/audit"));
			page.locator("#audit-text input").fill("HYPERLINK");
			page.locator("#audit-search").click();
			assertThat(page.locator("[data-testid='audit-total']")).hasText("該当 1 件");
			page.locator("#audit-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("192.0.2.99")).first().click();
			assertThat(page.locator("[data-testid='audit-detail']")).containsText("あああ");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("shell-audit.png")));

			var download = page.waitForDownload(() -> page.locator("[data-testid='audit-export-csv']").click());
			String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			assertThat(csv).startsWith("\uFEFF日時,ユーザー,操作");
			// the cell that starts like a formula is neutralised
			assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
			assertThat(csv.lines().count()).isEqualTo(2);

			page.locator("#audit-text input").fill("該当しない文字列ZZZ");
			page.locator("#audit-search").click();
			assertThat(page.locator("[data-testid='audit-empty']")).isVisible();
		}
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'shell-sec' and action = 'EXPORT'")
				.query(Long.class).single()).isEqualTo(1);
	}
}
