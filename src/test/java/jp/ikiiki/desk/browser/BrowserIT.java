package jp.ikiiki.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.Kana;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main flow in headless Chromium (Debian's /usr/bin/chromium): an agent signs in, finds a demo subject by
 * kana typed in hiragana, and opens the subject page. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=300" })
class BrowserIT {

	static final Path SHOTS = Paths.get("target", "screenshots");
	static Playwright playwright;
	static Browser browser;

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@BeforeAll
	static void launch() throws Exception {
		Path chromium = Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			throw new IllegalStateException("Chromium not found at " + chromium + ": apt-get install chromium");
		}
		Files.createDirectories(SHOTS);
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void agent_signs_in_finds_a_subject_by_kana_and_opens_it() {
		var subject = jdbc.sql("select address_number, name_kana, name_kanji from subject order by address_number limit 1")
				.query().singleRow();
		String kana = (String) subject.get("name_kana");
		String kanji = (String) subject.get("name_kanji");
		// typed as a caller spells it: hiragana, surname only
		String surname = kana.split("\u3000")[0];
		String typed = toHiragana(surname);

		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("ja-JP"))) {
			Page page = context.newPage();
			page.setDefaultTimeout(20_000);
			page.navigate("http://localhost:" + port + "/login");
			page.locator("input[name='username']").fill("agent");
			page.locator("input[name='password']").fill("demo");
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("01-login.png")));
			page.locator("input[name='password']").press("Enter");
			assertThat(page.locator("[data-testid='current-user']")).hasText("agent");

			page.navigate("http://localhost:" + port + "/subjects");
			var search = page.locator("#search-field input");
			search.fill(typed);
			search.press("Enter");
			var row = page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(kanji)).first();
			assertThat(row).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("02-search.png")));
			row.click();

			page.waitForURL("**/subjects/" + subject.get("address_number"));
			assertThat(page.locator("body")).containsText(kanji);
			assertThat(page.locator("body")).containsText((String) subject.get("address_number"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("03-subject.png")).setFullPage(true));
		}
		assertThat(SHOTS.resolve("03-subject.png")).exists();
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'agent' and action in ('SEARCH', 'VIEW')")
				.query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	private static String toHiragana(String katakana) {
		var sb = new StringBuilder();
		for (char c : Kana.toFullwidthKatakana(katakana).toCharArray()) {
			sb.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
		}
		return sb.toString();
	}
}
