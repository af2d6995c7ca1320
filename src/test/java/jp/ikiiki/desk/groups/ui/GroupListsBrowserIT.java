package jp.ikiiki.desk.groups.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.shared.JapanTime;
import org.junit.jupiter.api.Test;

/**
 * The duplicate check's decision screen and the public lists screen in headless Chromium at 1280×720: city staff see a
 * pair side by side with the matched fields coloured and decide it; an operator makes a public PDF and sees the check's
 * result. Screenshots in target/screenshots/.
 */
class GroupListsBrowserIT extends BrowserTest {

	private long group(String state, String name, String kana, String rep, String address, String phone,
			LocalDate applied) {
		return jdbc.sql("""
				insert into activity_group (category, name, name_kana, ward, activity_codes, meeting_place,
				    representative_name, representative_address, representative_phone, public_contact, state, applied_on,
				    registered_on)
				values ('GENERAL', :name, :kana, 101, '{D}', '中区地域福祉センター', :rep, :address, :phone, '082-541-0000',
				        :state, :applied, :registered) returning id""")
				.param("name", name).param("kana", kana).param("rep", rep).param("address", address)
				.param("phone", phone).param("state", state).param("applied", applied)
				.param("registered", "REGISTERED".equals(state) ? applied.plusDays(1) : null).query(Long.class).single();
	}

	@Test
	void city_staff_see_a_pair_side_by_side_and_decide_it_and_an_operator_makes_a_checked_public_pdf() throws Exception {
		jdbc.sql("delete from group_duplicate_pair").update();
		LocalDate thisMonth = YearMonth.now(JapanTime.ZONE).atDay(1);
		group("REGISTERED", "株式会社いきいき薬局", "カブシキガイシャイキイキヤッキョク", "齋藤 一郎", "広島市中区大手町一丁目2番3号",
				"082-245-1234", LocalDate.of(2025, 4, 1));
		group("APPLIED", "ｲｷｲｷ薬局（株）", "ｲｷｲｷﾔｯｷｮｸ", "斎藤　一郎", "中区大手町１－２－３", "０８２（２４５）１２３４", thisMonth);
		Chromium.user(jdbc, encoder, "grp-city", "市 担当者", "grp-pass-1", "CITY_STAFF");
		Chromium.user(jdbc, encoder, "grp-op", "運用 担当者", "grp-pass-2", "OPERATOR");
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(60_000);
			Chromium.signIn(page, port, "grp-city", "grp-pass-1");
			page.navigate("http://localhost:" + port + "/groups/duplicates");
			assertThat(page.locator("#duplicates-summary")).containsText("未判断 1 組");
			assertThat(page.locator("#duplicates-comparison")).containsText("ｲｷｲｷ薬局（株）");
			assertThat(page.locator("#duplicates-comparison .matched").first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("groups-duplicates-1280.png")));
			page.locator("#duplicates-yes").click();
			assertThat(page.locator("#duplicates-summary")).containsText("未判断 0 組");
			assertThat(page.locator("#duplicates-score")).containsText("重複");
			assertThat(page.locator("#duplicates-yes")).isDisabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("groups-duplicates-decided-1280.png")));
		}
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(60_000);
			Chromium.signIn(page, port, "grp-op", "grp-pass-2");
			page.navigate("http://localhost:" + port + "/groups/public-lists");
			page.locator("#publiclist-make").click();
			assertThat(page.locator("#publiclist-verdict")).containsText("合格");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("groups-public-list-1280.png")));
			Download download = page.waitForDownload(() -> page.locator("#publiclist-download").click());
			byte[] pdf = Files.readAllBytes(download.path());
			org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
					.isEqualTo("%PDF-");
			page.navigate("http://localhost:" + port + "/groups/town-lists");
			assertThat(page.locator("#towns-current")).containsText("府中町");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("groups-town-lists-1280.png")));
		}
	}
}
