package jp.ikiiki.desk.mailings.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.ikiiki.desk.mailings.MailingTestData.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.mailings.MailingTestData;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * An operator runs a booklet-request batch through the console in headless Chromium: creates it with the city's
 * list, selects (sees the left-out subjects and their reasons), writes the print files, cancels half way and
 * restarts, then pulls one item out by its 申請書管理番号 and sees where it sits. Screenshots in target/screenshots/.
 */
class MailingsBrowserIT extends BrowserTest {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired PasswordEncoder encoder;
	@Autowired SubjectImports imports;
	@MockitoBean PrintFiles printFiles;

	@Test
	@WithMockUser(username = "setup", roles = "OPERATOR")
	void operator_selects_prints_with_cancel_and_restart_and_pulls_an_item_out() throws Exception {
		MailingTestData.clear(jdbc);
		MailingTestData.importProgress(imports, List.of(progress("77200001", "734-0014"), progress("77200002", "730-0013"),
				progress("77200003", "730-0013", "死亡日", "R8.1.10"), progress("77200004", "731-0138"),
				progress("77200005", "730-0011"), progress("77200006", "732-0066")));
		when(printFiles.undecided(anyString(), anyList())).thenReturn(List.of());
		doAnswer(inv -> {
			Thread.sleep(700); // a bundle takes a moment, so the run can be cancelled half way
			List<PrintItem> items = inv.getArgument(1);
			OutputStream out = inv.getArgument(2);
			out.write(("%PDF " + items.size()).getBytes(StandardCharsets.US_ASCII));
			return null;
		}).when(printFiles).render(anyString(), anyList(), any(OutputStream.class));
		Chromium.user(jdbc, encoder, "mail-op", "郵送担当", "mail-pass-1", "OPERATOR");

		try (var context = chromium.context(1400, 1300)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "mail-op", "mail-pass-1");

			page.navigate("http://localhost:" + port + "/mailings");
			page.locator("#mailing-kind").click();
			page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("交付申出者")).click();
			page.locator("#mailing-title input").fill("令和8年9月中旬 交付申出");
			page.locator("#mailing-bundle-size input").fill("1");
			page.locator("#mailing-targets textarea").fill("77200001\n77200002\n77200003\n77200004\n77200005\n77200006");
			page.locator("#mailing-create").click();

			assertThat(page.locator("#mailing-summary")).containsText("作成済");
			assertThat(page.locator("#mailing-checklist")).containsText("ポイント手帳交付通知書");
			page.locator("#mailing-select").click();
			assertThat(page.locator("#mailing-job")).containsText("抽出完了: 対象 5 通、除外 1 件、5 束");
			assertThat(page.locator("#mailing-exclusions")).containsText("死亡");
			assertThat(page.locator("#mailing-envelopes vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("7300011")).first()).isVisible();

			page.locator("#mailing-print").click();
			assertThat(page.locator("#mailing-job")).containsText("束 2 / 5");
			page.locator("#mailing-cancel").click();
			assertThat(page.locator("#mailing-job")).containsText("中止しました");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("40-mailing-cancelled.png")).setFullPage(true));
			page.locator("#mailing-print").click();
			assertThat(page.locator("#mailing-job")).containsText("印刷ファイル作成完了");
			assertThat(page.locator("#mailing-summary")).containsText("印刷ファイル作成済");
			assertThat(page.locator("#mailing-summary")).containsText("印刷済 5");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("41-mailing-printed.png")).setFullPage(true));

			page.navigate("http://localhost:" + port + "/mailings");
			page.locator("#pull-number input").fill("K77200004");
			page.locator("#pull-reason input").fill("申出取消");
			page.locator("#pull-go").click();
			assertThat(page.locator("#pull-result")).containsText("束 3 の 1 通目");
			page.locator("#pull-number input").fill("77299999");
			page.locator("#pull-go").click();
			assertThat(page.locator("#pull-result")).containsText("どの未発送バッチにもありません");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("42-mailing-pull-out.png")).setFullPage(true));
		}
		assertThat(jdbc.sql("select count(*) from mailing_bundle where written_at is not null").query(Integer.class).single())
				.isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from mailing_envelope where pulled_at is not null").query(Integer.class).single())
				.isEqualTo(1);
	}
}
