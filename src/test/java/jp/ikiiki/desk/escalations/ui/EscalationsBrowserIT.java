package jp.ikiiki.desk.escalations.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.browser.ScreenFit;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * City staff open their console, see a case reported to the city, enter the instruction; the floor manager then sees
 * it on the escalations page with the counts per state. Screenshots in target/screenshots/.
 */
class EscalationsBrowserIT extends BrowserTest {

	@Autowired
	Escalations escalations;

	@Test
	void city_staff_answer_a_reported_case_and_the_floor_manager_sees_the_instruction() {
		jdbc.sql("delete from escalation").update();
		SubjectLookupFixtures.insert(jdbc);
		Chromium.user(jdbc, encoder, "esc-city", "広島市 高齢福祉課", "esc-pass-1", "CITY_STAFF");
		Chromium.user(jdbc, encoder, "esc-fm", "現場責任者", "esc-pass-2", "FLOOR_MANAGER");
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("esc-fm",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		long id;
		try {
			id = escalations.open(new Escalations.NewCase("9900000001", "0822223333", "ポイント手帳 / 再交付",
					"本人が亡くなった後、手帳を返送すべきか"), "test").id();
			escalations.report(id, "死亡後の手帳の返送要否について指示をお願いします", "test");
			escalations.open(new Escalations.NewCase(null, null, "その他", "まだ報告していない案件"), "test");
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1400, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "esc-city", "esc-pass-1");
			page.navigate("http://localhost:" + port + "/city/escalations");
			assertThat(page.locator("#city-waiting-count")).hasText("指示待ち 1 件");
			Locator row = page.locator("#city-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("死亡後の手帳の返送要否"));
			assertThat(row.first()).isVisible();
			// The case not yet reported is the contractor's, not shown to the city.
			assertThat(page.locator("#city-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("まだ報告していない"))).hasCount(0);
			row.first().click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + id + "（市へ報告）");
			assertThat(page.locator("#esc-detail-caller")).hasCount(0);
			page.locator("#city-instruction textarea").fill("返送は不要です。ご家族にその旨お伝えください。");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("50-city-escalation-before.png")));
			page.locator("#city-instruction-submit").click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + id + "（市の指示受領）");
			assertThat(page.locator("#esc-step-instructed")).containsText("esc-city");
			assertThat(page.locator("#esc-step-instructed")).containsText("返送は不要です");
			assertThat(page.locator("#city-waiting-count")).hasText("指示待ち 0 件");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("51-city-escalation-answered.png")));
		}

		try (var ctx = chromium.context(1400, 900)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "esc-fm", "esc-pass-2");
			page.navigate("http://localhost:" + port + "/escalations");
			assertThat(page.locator("#esc-count-OPEN")).hasText("受付 1");
			assertThat(page.locator("#esc-count-INSTRUCTED")).hasText("市の指示受領 1");
			assertThat(page.locator("#esc-count-stale")).hasText("滞留 0");
			page.locator("#esc-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("手帳を返送すべきか")).first().click();
			assertThat(page.locator("#esc-step-instructed")).containsText("返送は不要です");
			assertThat(page.locator("#esc-detail-caller")).containsText("082-222-3333");
			assertThat(page.locator("#esc-step-button")).hasText("折返し連絡した");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("52-escalations-floor-manager.png")));
			page.locator("#esc-step-text textarea").fill("ご長男に返送不要と伝えた");
			page.locator("#esc-step-button").click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + id + "（折返し連絡済）");
			assertThat(page.locator("#esc-count-CALLED_BACK")).hasText("折返し連絡済 1");
		}
	}

	@Test
	void at_1280_by_720_the_grids_show_ten_rows_aligned_with_their_headers_and_a_case_for_an_unknown_address_number_is_refused() {
		Chromium.user(jdbc, encoder, "esc-fm-1280", "現場責任者", "esc-pass-3", "FLOOR_MANAGER");
		Chromium.user(jdbc, encoder, "esc-city-1280", "広島市 高齢福祉課", "esc-pass-4", "CITY_STAFF");
		SubjectLookupFixtures.insert(jdbc);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("esc-fm-1280",
				null, List.of(new SimpleGrantedAuthority("ROLE_FLOOR_MANAGER"))));
		try {
			for (int i = 0; i < 14; i++) {
				long id = escalations.open(new Escalations.NewCase(null, "0820000" + i, "手帳 / 再交付",
						"問合せ " + i + "：母の手帳をなくしたので再交付してほしいが、本人は入院中で署名ができないとのこと"), "test").id();
				escalations.report(id, "報告 " + i + "：入院中の本人に代わり家族が申請できるか、指示をお願いします", "test");
			}
		} finally {
			SecurityContextHolder.clearContext();
		}

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "esc-fm-1280", "esc-pass-3");
			page.navigate("http://localhost:" + port + "/escalations");
			page.locator("#esc-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("問合せ 0：")).first()
					.waitFor();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("53-escalations-1280.png")));
			ScreenFit.Rows rows = ScreenFit.rows(page, "#esc-grid");
			assertThat(rows.atLeastTenOrAll()).as("escalation rows " + rows).isTrue();
			assertThat(rows.visible()).isGreaterThanOrEqualTo(10);
			ScreenFit.Columns columns = ScreenFit.columns(page, "#esc-grid");
			assertThat(columns.offset()).as("cells against headers " + columns).isLessThan(2);
			assertThat(columns.inside()).as("no column cut off (受付 last) " + columns).isTrue();
			assertThat(wholeDateTime(page, "#esc-grid")).as("受付 shown whole (2026/9/1 9:05)").isTrue();
			assertThat(ScreenFit.inViewport(page, "#esc-grid")).isTrue();
			assertThat(page.locator("#esc-result-count")).containsText("件を表示");

			// A case for a 宛名番号 nobody has: refused with the reason, nothing opened.
			page.locator("#esc-new").click();
			page.locator("#esc-new-subject input").fill("9999");
			page.locator("#esc-new-inquiry textarea").fill("宛名番号を確かめずに登録しようとした");
			page.locator("#esc-new-save").click();
			assertThat(page.locator("vaadin-notification-card").filter(
					new Locator.FilterOptions().setHasText("宛名番号 9999 の対象者はいません"))).isVisible();
			page.locator("vaadin-notification-card:not([opening])").filter(
					new Locator.FilterOptions().setHasText("宛名番号 9999")).waitFor();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("54-escalations-unknown-subject.png")));
			assertThat(jdbc.sql("select count(*) from escalation where inquiry like '宛名番号を確かめずに%'")
					.query(Long.class).single()).isZero();
		}

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "esc-city-1280", "esc-pass-4");
			page.navigate("http://localhost:" + port + "/city/escalations");
			page.locator("#city-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("報告 0：")).first()
					.waitFor();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("55-city-escalations-1280.png")));
			ScreenFit.Rows rows = ScreenFit.rows(page, "#city-grid");
			assertThat(rows.visible()).as("city rows " + rows).isGreaterThanOrEqualTo(10);
			ScreenFit.Columns columns = ScreenFit.columns(page, "#city-grid");
			assertThat(columns.offset()).as("cells against headers " + columns).isLessThan(2);
			assertThat(columns.inside()).as("no column cut off " + columns).isTrue();
			assertThat(wholeDateTime(page, "#city-grid")).as("報告日時 shown whole (2026/9/1 9:05)").isTrue();
		}
	}

	/** The grid's first date-and-time cell shows its text whole, without an ellipsis. */
	private static boolean wholeDateTime(Page page, String grid) {
		return (Boolean) page.locator(grid + " vaadin-grid-cell-content")
				.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\d{4}/\\d{1,2}/\\d{1,2}.*\\d{1,2}:\\d{2}$")))
				.first().evaluate("e => e.scrollWidth <= e.clientWidth");
	}
}
