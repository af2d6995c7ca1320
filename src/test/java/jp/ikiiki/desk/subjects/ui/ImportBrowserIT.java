package jp.ikiiki.desk.subjects.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An operator imports a 別紙2 CSV with one bad row through the console in headless Chromium, accepting the
 * valid rows, and sees the counts, the problem and the report link. Screenshots go to target/screenshots/.
 */
class ImportBrowserIT extends BrowserTest {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired PasswordEncoder encoder;

	@Test
	void operator_imports_the_valid_rows_of_a_file_and_sees_the_problem() throws Exception {
		jdbc.sql("delete from subject").update();
		Chromium.user(jdbc, encoder, "import-op", "取込担当", "import-pass-1", "OPERATOR");
		Path csv = Files.createTempDirectory("import-ui").resolve("索引簿.csv");
		Files.write(csv, indexCsv());

		try (var context = chromium.context(1400, 1000)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "import-op", "import-pass-1");

			page.navigate("http://localhost:" + port + "/imports");
			page.locator("#import-upload input[type=file]").setInputFiles(csv);
			assertThat(page.locator("body")).containsText("選択中: 索引簿.csv");
			page.locator("#import-accept-valid").click();
			page.locator("#import-start").click();

			assertThat(page.locator("#import-result")).containsText("取込済み");
			assertThat(page.locator("#import-result")).containsText("追加 2");
			assertThat(page.locator("#import-result")).containsText("不備 1");
			Locator problem = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("101〜108"));
			assertThat(problem.first()).isVisible();
			assertThat(page.locator("a").filter(new Locator.FilterOptions().setHasText("システム更新結果報告書"))).isVisible();
			// The file went into this import: the upload no longer lists it, the next import starts afresh.
			assertThat(page.locator("#import-upload vaadin-upload-file")).hasCount(0);
			assertThat(page.locator("#import-start")).isDisabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("10-import.png")).setFullPage(true));
		}
		assertThat(jdbc.sql("select count(*) from subject").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'import-op' and action = 'IMPORT'")
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(Files.deleteIfExists(csv)).isTrue();
	}

	private static byte[] indexCsv() {
		List<String> headers = SubjectFileKind.INDEX.columns().stream().map(Column::header).toList();
		var sb = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (String[] r : new String[][] {{"101", "9001", "ヤマダ　タロウ", "山田　太郎"}, {"108", "9002", "サトウ　ハナコ", "佐藤　花子"},
				{"110", "9003", "スズキ　イチロウ", "鈴木　一郎"}}) {
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
