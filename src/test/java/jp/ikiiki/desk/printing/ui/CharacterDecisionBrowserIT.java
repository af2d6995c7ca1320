package jp.ikiiki.desk.printing.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * 外字判断 in headless Chromium: an operator lists the undecided characters of a selection of people for a form,
 * records the city's replacement for one person, and the list is empty afterwards. Screenshot in target/screenshots/.
 */
class CharacterDecisionBrowserIT extends BrowserTest {

	@MockitoBean
	SubjectLookup subjects;

	@Test
	void an_operator_records_the_citys_replacement_and_the_person_is_no_longer_listed() {
		when(subjects.find(any(), any())).thenReturn(Optional.empty());
		when(subjects.find(eq("9900000021"), any())).thenReturn(Optional.of(new SubjectDetail("9900000021",
				"2024000121", "ヤマサキ　タロウ", "山■　太郎", null, "男", LocalDate.of(1944, 1, 2), 82, 101, "中区",
				new SubjectDetail.Address("7300011", "広島市中区基町10-52", null), null, null, null, null, null, null,
				List.of(), null)));
		Chromium.user(jdbc, encoder, "gaiji-op", "オペレーター", "gaiji-pass-1", "OPERATOR");

		try (var ctx = chromium.context(1400, 1000)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "gaiji-op", "gaiji-pass-1");
			page.navigate("http://localhost:" + port + "/printing/characters");
			page.locator("#characters-numbers textarea").fill("9900000021\n9900000099");
			page.locator("#characters-check").click();
			assertThat(page.locator("#characters-summary")).containsText("1人を確認: 未判断 1件");
			assertThat(page.locator("#characters-summary")).containsText("9900000099");
			Locator cell = page.locator("#characters-grid vaadin-grid-cell-content")
					.filter(new Locator.FilterOptions().setHasText("山■　太郎")).first();
			assertThat(cell).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("50-characters-undecided.png"))
					.setFullPage(true));
			cell.click();
			page.locator("#characters-replacement input").fill("﨑");
			page.locator("#characters-record").click();
			assertThat(page.locator("#characters-summary")).containsText("1人を確認: 未判断 0件");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("51-characters-decided.png"))
					.setFullPage(true));
		}
	}
}
