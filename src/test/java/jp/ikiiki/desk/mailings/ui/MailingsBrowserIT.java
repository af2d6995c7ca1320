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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.mailings.MailingTestData;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * An operator runs a booklet-request batch through the console in headless Chromium at 1280×720: creates it with the
 * city's list, selects (the envelope list shows at least ten rows, postcodes hyphenated; the left-out subjects with
 * their reasons), writes the print files — the print button says 「（再開）」 only after the run was stopped —, stops
 * half way with a confirmation that says what is kept, restarts, reads the dispatch confirmation's consequences, and
 * pulls one item out by its 申請書管理番号. Screenshots in target/screenshots/.
 */
class MailingsBrowserIT extends BrowserTest {

	@Autowired SubjectImports imports;
	@MockitoBean PrintFiles printFiles;

	/** Rows of a grid fully inside its own visible area and the window (what a person sees without scrolling). */
	private static int visibleRows(Page page, String gridId) {
		Object n = page.locator("#" + gridId).evaluate("""
				g => {
				  const table = g.shadowRoot.querySelector('#table').getBoundingClientRect();
				  const bottom = Math.min(table.bottom, window.innerHeight);
				  return [...g.shadowRoot.querySelectorAll('#items tr')].filter(tr => {
				    const r = tr.getBoundingClientRect();
				    return !tr.hidden && r.height > 0 && r.top >= table.top && r.bottom <= bottom + 1;
				  }).length;
				}""");
		return ((Number) n).intValue();
	}

	/** True if every header cell of the grid starts where the cells of its first row start. */
	private static boolean headersAligned(Page page, String gridId) {
		return (Boolean) page.locator("#" + gridId).evaluate("""
				g => {
				  const heads = [...g.shadowRoot.querySelectorAll('thead tr:last-child th')].filter(c => !c.hidden);
				  const row = [...g.shadowRoot.querySelectorAll('#items tr')].find(tr => !tr.hidden);
				  if (!row) return true;
				  const cells = [...row.querySelectorAll('td')].filter(c => !c.hidden);
				  return heads.length === cells.length && heads.every((h, i) =>
				    Math.abs(h.getBoundingClientRect().left - cells[i].getBoundingClientRect().left) < 1.5);
				}""");
	}

	/** The batch id from the page's address (mailings/batch/{id}). */
	private static String batchId(Page page) {
		return page.url().replaceAll(".*/mailings/batch/(\\d+).*", "$1");
	}

	@Test
	@WithMockUser(username = "setup", roles = "OPERATOR")
	void operator_selects_prints_with_stop_and_restart_dispatch_confirmation_and_pulls_an_item_out() throws Exception {
		MailingTestData.clear(jdbc);
		List<Map<String, Object>> rows = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		for (int i = 1; i <= 14; i++) {
			String number = String.format("772000%02d", i);
			targets.add(number);
			rows.add(i == 3 ? progress(number, "730-0013", "死亡日", "R8.1.10")
					: progress(number, "73" + String.format("%05d", 100 + i)));
		}
		MailingTestData.importProgress(imports, rows);
		when(printFiles.undecided(anyString(), anyList())).thenReturn(List.of());
		when(printFiles.formTitles()).thenReturn(Map.of("booklet-cover", "いきいき活動ポイント手帳（表紙）",
				"booklet-issue-notice", "ポイント手帳交付通知書"));
		doAnswer(inv -> {
			Thread.sleep(700); // a bundle takes a moment, so the run can be stopped half way
			List<PrintItem> items = inv.getArgument(1);
			OutputStream out = inv.getArgument(2);
			out.write(("%PDF " + items.size()).getBytes(StandardCharsets.US_ASCII));
			return null;
		}).when(printFiles).render(anyString(), anyList(), any(OutputStream.class));
		Chromium.user(jdbc, encoder, "mail-op", "郵送担当", "mail-pass-1", "OPERATOR");

		// The machine is shared: give the console and the background job time (steps that finish, not sleeps).
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "mail-op", "mail-pass-1");

			page.navigate("http://localhost:" + port + "/mailings");
			assertThat(page.locator("#mailing-batches")).containsText("条件に合うバッチはありません");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("39-mailing-list-empty.png")));
			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("新しいバッチ")).click();
			page.locator("#mailing-kind").click();
			page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("交付申出者").setVisible(true)).click();
			page.locator("#mailing-title input").fill("令和8年9月中旬 交付申出");
			page.locator("#mailing-bundle-size input").fill("2");
			page.locator("#mailing-targets textarea").fill(String.join("\n", targets));
			page.locator("#mailing-create").click();

			assertThat(page.locator("#mailing-summary")).containsText("作成済");
			assertThat(page.locator("#mailing-print")).hasText("印刷ファイル作成");
			page.locator("#mailing-select").click();
			assertThat(page.locator("#mailing-job")).containsText("抽出完了: 対象 13 通、除外 1 件、7 束");
			assertThat(page.locator("#mailing-envelopes-count")).containsText("全 13 通");
			assertThat(page.locator("#mailing-envelopes vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("730-0101")).first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("40-mailing-selected-1280.png")));
			assertThat(visibleRows(page, "mailing-envelopes")).as("envelope rows visible at 1280×720")
					.isGreaterThanOrEqualTo(10);
			assertThat(headersAligned(page, "mailing-envelopes")).as("envelope headers over their cells").isTrue();
			// Before any run the print button does not say 再開.
			assertThat(page.locator("#mailing-print")).hasText("印刷ファイル作成");

			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("除外した対象者")).click();
			assertThat(page.locator("#mailing-exclusions")).containsText("死亡");
			assertThat(page.locator("#mailing-exclusions-count")).containsText("全 1 件");
			assertThat(headersAligned(page, "mailing-exclusions")).as("exclusion headers over their cells").isTrue();
			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("封入一覧")).click();
			page.locator("#mailing-envelopes-search input").fill("77200014");
			assertThat(page.locator("#mailing-envelopes-count")).containsText("1 通（全 13 通）");
			page.locator("#mailing-envelopes-search input").fill("");
			assertThat(page.locator("#mailing-envelopes-count")).hasText("全 13 通");
			com.microsoft.playwright.Download download = page.waitForDownload(
					() -> page.locator("#mailing-envelopes-xlsx").click());
			try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(download.createReadStream())) {
				assertThat(wb.getSheetAt(0).getLastRowNum()).as("title, header and 13 envelopes").isEqualTo(14);
				assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("730-0101");
			}
			assertThat(download.suggestedFilename()).isEqualTo("封入一覧_バッチ" + batchId(page) + ".xlsx");

			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("封入物・様式")).click();
			assertThat(page.locator("#mailing-checklist")).containsText("ポイント手帳交付通知書");
			assertThat(page.locator("#mailing-forms")).containsText("いきいき活動ポイント手帳（表紙）");

			page.locator("#mailing-print").click();
			assertThat(page.locator("#mailing-job")).containsText("束 2 / 7");
			page.locator("#mailing-cancel").click();
			Locator stopDialog = page.locator("vaadin-confirm-dialog-overlay[opened]");
			assertThat(stopDialog).containsText("作成済の束");
			assertThat(page.locator("vaadin-confirm-dialog-overlay[opened]:not([opening])")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("41-mailing-stop-confirm.png")));
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("中止する")).click();
			assertThat(page.locator("#mailing-job")).containsText("中止しました");
			assertThat(page.locator("#mailing-print")).hasText("印刷ファイル作成（再開）");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("42-mailing-stopped.png")));
			page.locator("#mailing-print").click();
			assertThat(page.locator("#mailing-job")).containsText("印刷ファイル作成完了");
			assertThat(page.locator("#mailing-summary")).containsText("印刷ファイル作成済");
			assertThat(page.locator("#mailing-summary")).containsText("印刷済 7");

			page.locator("#mailing-dispatch").click();
			assertThat(page.locator("#mailing-dispatch-consequence")).containsText("13 通の発送を記録します");
			assertThat(page.locator("#mailing-dispatch-consequence")).containsText("元に戻せません");
			assertThat(page.locator("vaadin-dialog-overlay[opened]:not([opening])")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("43-mailing-dispatch-confirm.png")));
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("戻る")).click();

			page.navigate("http://localhost:" + port + "/mailings");
			assertThat(page.locator("#mailing-batches-count")).containsText("全 1 件");
			assertThat(page.locator("#mailing-batches")).containsText("印刷ファイル作成済");
			// the creator by display name, not the login name
			assertThat(page.locator("#mailing-batches vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("郵送担当")).first()).isVisible();
			assertThat(page.locator("#mailing-batches vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("mail-op"))).hasCount(0);
			assertThat(headersAligned(page, "mailing-batches")).as("batch list headers over their cells").isTrue();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("44-mailing-list.png")));
			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("引抜")).click();
			page.locator("#pull-number input").fill("K77200004");
			page.locator("#pull-reason input").fill("申出取消");
			page.locator("#pull-go").click();
			assertThat(page.locator("#pull-result")).containsText("束 2 の 1 通目");
			page.locator("#pull-number input").fill("77299999");
			page.locator("#pull-go").click();
			assertThat(page.locator("#pull-result")).containsText("どの未発送バッチにもありません");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("45-mailing-pull-out.png")));
		}
		assertThat(jdbc.sql("select count(*) from mailing_bundle where written_at is not null").query(Integer.class).single())
				.isEqualTo(7);
		assertThat(jdbc.sql("select count(*) from mailing_envelope where pulled_at is not null").query(Integer.class).single())
				.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from subject_mailing").query(Integer.class).single()).isZero();
	}
}
