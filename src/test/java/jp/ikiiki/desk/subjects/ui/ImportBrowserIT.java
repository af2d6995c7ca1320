package jp.ikiiki.desk.subjects.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import screen in headless Chromium at 1280×720: an operator imports a 別紙2 CSV with bad rows, accepting the
 * valid ones, and sees the counts, the problems (ten rows or all of them in view) and the report link; selects the
 * same file again; uploads a 別紙2 file as 別紙3 and is told which file it is; uploads a tiny full file that would
 * end almost everyone and sees it held; a floor manager confirms it in a dialog that states the consequence.
 * Screenshots go to target/screenshots/.
 */
class ImportBrowserIT extends BrowserTest {

	@Autowired SubjectImports imports;

	private Path dir;

	@org.junit.jupiter.api.BeforeAll
	static void patientAssertions() {
		// An import runs in the background; its result arrives by push a few seconds later on a busy machine.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
	}

	@BeforeEach
	void clean() throws Exception {
		jdbc.sql("delete from subject").update();
		jdbc.sql("update subject_import set status = 'WITHDRAWN' where status = 'HELD'").update();
		Chromium.user(jdbc, encoder, "import-op", "取込担当", "import-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "import-fm", "現場責任者", "import-pass-2", "FLOOR_MANAGER");
		dir = Files.createTempDirectory("import-ui");
	}

	/** How many rows of a grid are entirely in view: inside the grid's own viewport and the window. */
	private static int rowsInView(Page page, String gridSelector) {
		Object n = page.locator(gridSelector).evaluate("""
				grid => {
				  const table = grid.shadowRoot.querySelector('#table').getBoundingClientRect();
				  const rows = [...grid.shadowRoot.querySelectorAll('#items tr')].filter(r => !r.hidden && r.offsetHeight > 0);
				  return rows.filter(r => { const b = r.getBoundingClientRect();
				    return b.top >= table.top - 1 && b.bottom <= table.bottom + 1 && b.bottom <= window.innerHeight + 1; }).length;
				}""");
		return ((Number) n).intValue();
	}

	/** Grid cells whose text does not fit (numbers cut off). */
	private static int numbersCutOff(Page page, String gridSelector) {
		Object n = page.locator(gridSelector).evaluate("""
				grid => [...grid.querySelectorAll('vaadin-grid-cell-content')]
				  .filter(c => /^[0-9,]+$/.test(c.textContent.trim()) && c.offsetWidth > 0 && c.scrollWidth > c.clientWidth + 1).length""");
		return ((Number) n).intValue();
	}

	@Test
	void operator_imports_the_valid_rows_sees_every_problem_and_can_choose_the_same_file_again() throws Exception {
		Path csv = dir.resolve("索引簿.csv");
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] {"101", "9001", "ヤマダ　タロウ", "山田　太郎"});
		rows.add(new String[] {"108", "9002", "サトウ　ハナコ", "佐藤　花子"});
		for (int i = 0; i < 14; i++) {
			rows.add(new String[] {"110", String.valueOf(9100 + i), "スズキ　イチロウ", "鈴木　一郎"}); // ward 110: no such ward
		}
		Files.write(csv, indexCsv(rows));
		// Some history to list.
		for (int i = 0; i < 11; i++) {
			CurrentUser.callAsSystem(() -> imports.importFile(SubjectFileKind.INDEX, "試行.csv",
					new ByteArrayInputStream(indexCsv(rows)), new ImportOptions(true, true)), "OPERATOR");
		}

		long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "import-op", "import-pass-1");

			page.navigate("http://localhost:" + port + "/imports");
			page.locator("#import-upload input[type=file]").setInputFiles(csv);
			assertThat(page.locator("#import-selected")).hasText("選択中: 索引簿.csv");
			page.locator("#import-accept-valid").click();
			page.locator("#import-start").click();

			assertThat(page.locator("#import-status")).hasAttribute("data-status", "APPLIED");
			assertThat(page.locator("#import-status")).containsText("取込済み");
			assertThat(page.locator("#import-counts")).containsText("追加 2");
			assertThat(page.locator("#import-counts")).containsText("不備 14");
			assertThat(page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("不備・外字確認（14件）")))
					.isVisible();
			Locator problem = page.locator("#import-problems vaadin-grid-cell-content")
					.filter(new Locator.FilterOptions().setHasText("101〜108"));
			assertThat(problem.first()).isVisible();
			assertThat(page.locator("a").filter(new Locator.FilterOptions().setHasText("システム更新結果報告書"))).isVisible();
			assertThat(page.locator("#import-upload vaadin-upload-file")).hasCount(0);
			assertThat(page.locator("#import-start")).isDisabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("10-import.png")));
			assertThat(rowsInView(page, "#import-problems")).as("problem rows in view at 1280×720").isGreaterThanOrEqualTo(10);

			// The same file again, chosen as a person does, with the button: imported again (nothing changes).
			page.waitForFileChooser(() -> page.locator("#import-upload vaadin-button").click()).setFiles(csv);
			assertThat(page.locator("#import-selected")).hasText("選択中: 索引簿.csv");
			assertThat(page.locator("#import-start")).isEnabled();
			page.locator("#import-start").click();
			assertThat(page.locator("#import-counts")).containsText("追加 0");
			assertThat(page.locator("#import-status")).hasAttribute("data-status", "APPLIED");

			page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("取込履歴")).click();
			assertThat(page.locator("#import-history")).isVisible();
			page.waitForFunction("() => document.querySelector('#import-history').shadowRoot.querySelectorAll('#items tr:not([hidden])').length >= 10");
			assertThat(rowsInView(page, "#import-history")).as("history rows in view at 1280×720").isGreaterThanOrEqualTo(10);
			assertThat(numbersCutOff(page, "#import-history")).as("numbers cut off in the history").isZero();
			assertThat(page.locator("#import-history-csv")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("11-import-history.png")));
		}
		assertThat(jdbc.sql("select count(*) from subject").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'import-op' and action = 'IMPORT' and id > :before")
				.param("before", auditBefore).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void a_index_file_uploaded_as_progress_is_named_as_such() throws Exception {
		Path csv = dir.resolve("索引簿.csv");
		Files.write(csv, indexCsv(List.<String[]>of(new String[] {"101", "9001", "ヤマダ　タロウ", "山田　太郎"})));
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "import-op", "import-pass-1");
			page.navigate("http://localhost:" + port + "/imports");
			page.locator("#import-kind vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("別紙3")).click();
			page.locator("#import-upload input[type=file]").setInputFiles(csv);
			page.locator("#import-start").click();

			assertThat(page.locator("#import-status")).hasAttribute("data-status", "WRONG_KIND");
			assertThat(page.locator("#import-status")).containsText("ファイルの種類違い");
			assertThat(page.locator("#import-status")).containsText("「交通費助成索引簿」（別紙2）の見出しです");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("12-import-wrong-kind.png")));
		}
	}

	@Test
	void a_tiny_full_file_is_held_and_a_floor_manager_confirms_it_stating_the_consequence() throws Exception {
		List<String[]> everyone = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			everyone.add(new String[] {"101", String.valueOf(7000 + i), "ヤマダ　タロウ", "山田　太郎"});
		}
		ImportOutcome full = CurrentUser.callAsSystem(() -> imports.importFile(SubjectFileKind.INDEX, "full.csv",
				new ByteArrayInputStream(indexCsv(everyone)), ImportOptions.APPLY), "OPERATOR");
		assertThat(full.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		Path tiny = dir.resolve("索引簿5件.csv");
		Files.write(tiny, indexCsv(everyone.subList(0, 5)));

		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "import-op", "import-pass-1");
			page.navigate("http://localhost:" + port + "/imports");
			page.locator("#import-upload input[type=file]").setInputFiles(tiny);
			page.locator("#import-dry-run").click();
			page.locator("#import-start").click();
			assertThat(page.locator("#import-status")).hasAttribute("data-status", "DRY_RUN");
			assertThat(page.locator("#import-hold")).containsText("本取込では確認待ちになります");
			assertThat(page.locator("#import-hold")).containsText("60人のうち 55人");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("13-import-dry-run-would-hold.png")));

			page.waitForFileChooser(() -> page.locator("#import-upload vaadin-button").click()).setFiles(tiny);
			assertThat(page.locator("#import-selected")).hasText("選択中: 索引簿5件.csv");
			page.locator("#import-dry-run").click();
			page.locator("#import-start").click();
			assertThat(page.locator("#import-status")).hasAttribute("data-status", "HELD");
			assertThat(page.locator("#import-hold")).containsText("大量終了のため確認待ち");
			assertThat(page.locator("#import-hold")).containsText("終了人数 55人 を確認する必要があります");
			assertThat(page.locator("#import-held-link")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("14-import-held.png")));
		}
		assertThat(jdbc.sql("select count(*) from subject where index_ended_at is null").query(Integer.class).single())
				.as("nothing ended while held").isEqualTo(60);

		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(60_000);
			Chromium.signIn(page, port, "import-fm", "import-pass-2");
			page.navigate("http://localhost:" + port + "/imports/held");
			assertThat(page.locator("#held-count")).hasText("確認待ち 1件");
			assertThat(page.locator("#held-reasons")).containsText("55人");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("15-held-imports.png")));
			page.locator("#held-confirm").click();
			assertThat(page.locator("#held-consequence")).containsText("現在の対象者 60人のうち 55人");
			assertThat(page.locator("#held-consequence")).containsText("郵送や抽出の対象から外れます");
			assertThat(page.locator("#held-confirm-go")).isDisabled();
			page.locator("#held-confirm-number input").fill("54");
			assertThat(page.locator("#held-confirm-go")).isDisabled();
			page.locator("#held-confirm-number input").fill("55");
			assertThat(page.locator("#held-confirm-go")).isEnabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("16-held-confirm-dialog.png")));
			page.locator("#held-confirm-go").click();
			assertThat(page.locator("vaadin-notification-card").last()).containsText("確定しました（終了 55人）");
			assertThat(page.locator("#held-count")).hasText("確認待ち 0件");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("17-held-confirmed.png")));
		}
		assertThat(jdbc.sql("select count(*) from subject where index_ended_at is null").query(Integer.class).single())
				.isEqualTo(5);
		assertThat(jdbc.sql("select confirmed_by from subject_import where status = 'APPLIED' order by id desc limit 1")
				.query(String.class).single()).isEqualTo("import-fm");
	}

	private static byte[] indexCsv(List<String[]> rows) {
		List<String> headers = SubjectFileKind.INDEX.columns().stream().map(Column::header).toList();
		var sb = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (String[] r : rows) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("区コード", r[0]);
			row.put("宛名番号", r[1]);
			row.put("氏名カナ", r[2]);
			row.put("氏名漢字", r[3]);
			row.put("生年月日", "S20.1.15");
			List<String> cells = new ArrayList<>();
			headers.forEach(h -> cells.add(row.getOrDefault(h, "")));
			sb.append(String.join(",", cells)).append("\r\n");
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}
}
