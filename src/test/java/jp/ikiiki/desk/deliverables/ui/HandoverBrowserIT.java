package jp.ikiiki.desk.deliverables.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import org.junit.jupiter.api.Test;

/**
 * The handover screen (第9章1(4)) in headless Chromium at 1280×720: the security administrator downloads the package,
 * a zip, and the page shows its SHA-256. Screenshot in target/screenshots/.
 */
class HandoverBrowserIT extends BrowserTest {

	@Test
	void the_security_administrator_downloads_the_handover_package_from_the_screen() throws Exception {
		Chromium.user(jdbc, encoder, "hnd-sec", "情報管理責任者", "hnd-pass-1", "SECURITY_ADMIN");
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(60_000);
			Chromium.signIn(page, port, "hnd-sec", "hnd-pass-1");
			page.navigate("http://localhost:" + port + "/handover");
			assertThat(page.getByText("引継ぎパッケージ（次期受注者への引継ぎ・第9章1(4)）")).isVisible();
			Download download = page.waitForDownload(() -> page.locator("#handover-download").click());
			assertThat(download.suggestedFilename()).startsWith("引継ぎパッケージ_").endsWith(".zip");
			byte[] zip = Files.readAllBytes(download.path());
			assertThat(new String(zip, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
			assertThat(page.locator("#handover-last")).containsText("SHA-256");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("88-handover-1280.png")));
			Files.createDirectories(Path.of("target/handover"));
			download.saveAs(Path.of("target/handover/from-screen.zip"));
		}
	}
}
