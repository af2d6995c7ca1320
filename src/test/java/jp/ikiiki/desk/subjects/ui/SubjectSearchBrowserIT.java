package jp.ikiiki.desk.subjects.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The subject search at 1280×720: an empty state before searching, the result count, at least ten rows in view,
 * sorting by birth date, a refused search saying why, and — for an operator, not for an agent — the results as CSV.
 */
class SubjectSearchBrowserIT extends BrowserTest {

	@Autowired SubjectImports imports;

	@org.junit.jupiter.api.BeforeAll
	static void patientAssertions() {
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
	}

	@BeforeEach
	void subjects() {
		jdbc.sql("delete from subject").update();
		List<String> headers = SubjectFileKind.INDEX.columns().stream().map(Column::header).toList();
		var sb = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (int i = 0; i < 25; i++) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("区コード", String.valueOf(101 + i % 8));
			row.put("宛名番号", String.valueOf(6100 + i));
			row.put("氏名カナ", "ヤマシタ　" + (char) ('ア' + 2 * i));
			row.put("氏名漢字", "山下　" + (i + 1) + "郎");
			row.put("生年月日", "S" + (10 + i) + ".4.1");
			row.put("郵便番号", "730-0011");
			row.put("住所漢字", "広島市中区基町" + (i + 1) + "番");
			row.put("申請書管理番号", "K" + (6100 + i));
			List<String> cells = new ArrayList<>();
			headers.forEach(h -> cells.add(row.getOrDefault(h, "")));
			sb.append(String.join(",", cells)).append("\r\n");
		}
		ImportOutcome outcome = CurrentUser.callAsSystem(() -> imports.importFile(SubjectFileKind.INDEX, "search.csv",
				new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.APPLY), "OPERATOR");
		assertThat(outcome.added()).isEqualTo(25);
		Chromium.user(jdbc, encoder, "search-op", "検索担当", "search-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "search-agent", "オペレーター", "search-pass-2", "AGENT");
	}

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

	@Test
	void an_operator_searches_sorts_and_takes_the_results_away_as_csv() throws Exception {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "search-op", "search-pass-1");
			page.navigate("http://localhost:" + port + "/subjects");
			assertThat(page.locator("#subject-grid")).containsText("検索条件を入力して「検索」を押してください");

			page.locator("#search-field input").fill("やました");
			page.locator("#search-field input").press("Enter");
			assertThat(page.locator("#search-count")).hasText("25件");
			page.waitForFunction("() => document.querySelectorAll('#subject-grid [data-testid=subject-row]').length >= 10");
			assertThat(rowsInView(page, "#subject-grid")).isGreaterThanOrEqualTo(10);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("20-search.png")));

			// Sort by birth date, newest first: S34.4.1 (the 25th) on top.
			Locator birth = page.locator("#subject-grid vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("生年月日"));
			birth.click();
			birth.click();
			assertThat(page.locator("#subject-grid [data-testid=subject-row]").first()).hasAttribute("data-address-number", "6124");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("21-search-sorted.png")));

			Download download = page.waitForDownload(() -> page.locator("#search-export-csv").click());
			String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			assertThat(csv.lines().count()).isEqualTo(26);
			assertThat(csv).contains("6124").contains("昭和34年4月1日");

			page.locator("#criteria-birth-date input").evaluate("e => e.closest('vaadin-details').opened = true");
			page.locator("#search-field input").fill("");
			page.locator("#criteria-birth-date input").fill("2026/2/30");
			page.locator("#criteria-birth-date input").press("Enter");
			assertThat(page.locator("#search-message")).containsText("生年月日");
			assertThat(page.locator("#search-count")).hasText("");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("22-search-refused.png")));
		}
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'search-op' and action = 'EXPORT'")
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'search-op' and action = 'SEARCH'"
				+ " and detail like 'refused:%'").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void an_agent_searches_but_takes_no_list_away() {
		try (var context = chromium.context(1280, 720)) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "search-agent", "search-pass-2");
			page.navigate("http://localhost:" + port + "/subjects");
			page.locator("#search-field input").fill("山下");
			page.locator("#search-field input").press("Enter");
			assertThat(page.locator("#search-count")).hasText("25件");
			assertThat(page.locator("#search-export-csv")).hasCount(0);
		}
	}

	@Test
	void a_nul_in_the_query_through_the_real_server_is_a_422_problem_with_a_japanese_reason() throws Exception {
		var client = java.net.http.HttpClient.newHttpClient();
		String basic = java.util.Base64.getEncoder().encodeToString("search-agent:search-pass-2".getBytes(StandardCharsets.UTF_8));
		var response = client.send(java.net.http.HttpRequest.newBuilder(
						java.net.URI.create("http://localhost:" + port + "/api/subjects?q=%00")).header("Authorization", "Basic " + basic)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(response.body()).contains("制御文字（NUL）");
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'search-agent' and detail like 'refused:%NUL%'")
				.query(Integer.class).single()).isPositive();
	}
}
