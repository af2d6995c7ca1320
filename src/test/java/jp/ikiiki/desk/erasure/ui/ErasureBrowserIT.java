package jp.ikiiki.desk.erasure.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Two security administrators on 「データ消去」 in headless Chromium at 1280×720: a dry run listing the kinds, the first
 * requests, cannot confirm her own request, the second confirms and runs it, and the certificate is downloaded. A
 * context (and database) of its own, as the run erases everything. Screenshots in target/screenshots/.
 */
@TestPropertySource(properties = "ikiiki.erasure.confirmation-window=10m")
class ErasureBrowserIT extends BrowserTest {

	private static Locator button(Page page, String text) {
		return page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText(text)).first();
	}

	@Test
	void one_administrator_requests_another_confirms_and_the_certificate_is_downloaded() throws Exception {
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
		Chromium.user(jdbc, encoder, "erase-a", "情報管理 一郎", "erase-pass-1", "SECURITY_ADMIN");
		Chromium.user(jdbc, encoder, "erase-b", "情報管理 二郎", "erase-pass-2", "SECURITY_ADMIN");
		jdbc.sql("insert into call_record (linked_id, outcome, in_hours, arrived_at, ended_at, hung_up_by, caller_number)"
				+ " values ('browser-erase-1', 'ANSWERED', true, now(), now(), 'CALLER', '0829990001')").update();
		try (var a = chromium.context(1280, 720); var b = chromium.context(1280, 720)) {
			Page pa = a.newPage();
			pa.setDefaultTimeout(60_000);
			Chromium.signIn(pa, port, "erase-a", "erase-pass-1");
			pa.navigate("http://localhost:" + port + "/erasure");
			pa.locator("#erasure-dry-run").click();
			assertThat(pa.locator("#erasure-total")).containsText("合計");
			assertThat(pa.locator("#erasure-counts")).containsText("応対記録");
			pa.locator("#erasure-reason textarea").fill("契約期間満了に伴う消去（第11章1(5)）");
			pa.locator("#erasure-request").click();
			assertThat(pa.locator("#erasure-runs")).containsText("確認待ち");
			// the requester's own confirm button is disabled
			assertThat(pa.locator("[data-testid^='erasure-confirm-']").first()).isDisabled();
			pa.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("90-erasure-requested-1280x720.png")));

			Page pb = b.newPage();
			pb.setDefaultTimeout(120_000);
			Chromium.signIn(pb, port, "erase-b", "erase-pass-2");
			pb.navigate("http://localhost:" + port + "/erasure");
			pb.locator("[data-testid^='erasure-confirm-']").first().click();
			pb.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("91-erasure-confirm-1280x720.png")));
			pb.locator("#erasure-confirm-go").click();
			assertThat(pb.locator("#erasure-runs")).containsText("完了", new com.microsoft.playwright.assertions.LocatorAssertions
					.ContainsTextOptions().setTimeout(180_000));
			pb.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("92-erasure-done-1280x720.png")));
			Download download = pb.waitForDownload(() -> pb.locator("[data-testid^='erasure-certificate-']").first().click());
			byte[] pdf = Files.readAllBytes(download.path());
			org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
					.isEqualTo("%PDF-");
		}
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from call_record where caller_number is not null")
				.query(Long.class).single()).isZero();
	}
}
