package jp.ikiiki.desk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import jp.ikiiki.desk.shared.Kana;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The main flow in headless Chromium (Debian's /usr/bin/chromium): an agent signs in, finds a demo subject by
 * kana typed in hiragana, and opens the subject page. Screenshots go to target/screenshots/.
 */
@TestPropertySource(properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=300" })
class BrowserIT extends BrowserTest {

	@Test
	void agent_signs_in_finds_a_subject_by_kana_and_opens_it() {
		var subject = jdbc.sql("select address_number, name_kana, name_kanji from subject order by address_number limit 1")
				.query().singleRow();
		String kana = (String) subject.get("name_kana");
		String kanji = (String) subject.get("name_kanji");
		// typed as a caller spells it: hiragana, surname only
		String surname = kana.split("\u3000")[0];
		String typed = toHiragana(surname);

		try (var context = chromium.context(1400, 900)) {
			Page page = context.newPage();
			page.setDefaultTimeout(20_000);
			page.navigate("http://localhost:" + port + "/login");
			page.locator("input[name='username']").fill("agent");
			page.locator("input[name='password']").fill("demo");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("01-login.png")));
			page.locator("input[name='password']").press("Enter");
			assertThat(page.locator("[data-testid='current-user']")).hasAttribute("data-username", "agent");
			// the header names the person, not the login
			assertThat(page.locator("[data-testid='current-user']")).hasText("オペレーター 一郎");

			page.navigate("http://localhost:" + port + "/subjects");
			var search = page.locator("#search-field input");
			search.fill(typed);
			search.press("Enter");
			var row = page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(kanji)).first();
			assertThat(row).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("02-search.png")));
			row.click();

			page.waitForURL("**/subjects/" + subject.get("address_number"));
			assertThat(page.locator("body")).containsText(kanji);
			assertThat(page.locator("body")).containsText((String) subject.get("address_number"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("03-subject.png")).setFullPage(true));
		}
		assertThat(Chromium.shot("03-subject.png")).exists();
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
