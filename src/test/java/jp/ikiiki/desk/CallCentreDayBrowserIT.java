package jp.ikiiki.desk;

import jp.ikiiki.desk.shared.JapanTime;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.agentdesk.DeskPhones;
import jp.ikiiki.desk.agentdesk.DeskTestSupport;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A call-centre day through the console in headless Chromium, with the AMI simulator in Asterisk's place
 * (第6章1): a call arrives and the agent's desk pops; the agent finds the subject by kana, logs the call and
 * closes it answered; a second call is closed as needing the city's instruction, which opens a case; the floor
 * manager reports it to the city; city staff answer it in their console; the floor manager makes today's daily
 * report, which counts both calls by category and the escalation. The report's PDF is rendered to PNG with
 * pdftoppm. Screenshots in target/screenshots/.
 */
class CallCentreDayBrowserIT extends BrowserTest {

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;

	@Test
	void a_call_is_answered_a_second_is_escalated_the_city_answers_and_the_daily_report_counts_both() throws Exception {
		Chromium.user(jdbc, encoder, "day-agent", "受付 花子", "day-pass-1", "AGENT");
		Chromium.user(jdbc, encoder, "day-fm", "現場責任者", "day-pass-2", "FLOOR_MANAGER");
		Chromium.user(jdbc, encoder, "day-city", "広島市 高齢福祉課", "day-pass-3", "CITY_STAFF");
		jdbc.sql("delete from agent_binding").update();
		jdbc.sql("delete from escalation").update();
		SubjectLookupFixtures.insert(jdbc);
		// Whatever the hour of the run (closed hours have 0 lines), lines until the next boundary, out of hours confirmed.
		DeskTestSupport.as("day-fm", "FLOOR_MANAGER", () -> lines.resizeNow(4, true, "test"));
		String run = UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		var soon = new LocatorAssertions.HasTextOptions().setTimeout(5_000);

		try (var phones = new DeskPhones(simulator); var ctx = chromium.context(1400, 1400)) {
			phones.onlyMember(1);
			Page desk = ctx.newPage();
			desk.setDefaultTimeout(30_000);
			Chromium.signIn(desk, port, "day-agent", "day-pass-1");
			desk.navigate("http://localhost:" + port + "/desk");
			desk.locator("#desk-member-select").click();
			desk.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Local/agent1@agents")).click();
			desk.locator("#desk-bind").click();
			assertThat(desk.locator("#desk-binding")).hasText("接続中: Local/agent1@agents");

			// First call: the subject asks about a lost booklet; answered on the call. (The simulator runs ten
			// times faster than real time in tests: 30 s of talk take 3 s.)
			simulator.pbx().placeCall(new CallSpec("day1-" + run, "0829200001", "Caller", 1_000, 2, 30));
			// The number on screen is hyphenated at its area code (0829 廿日市), as people read it.
			assertThat(desk.locator("#desk-pop-number")).hasText("0829-20-0001", soon);
			assertThat(desk.locator("#desk-pop-state")).hasText("通話中");
			desk.locator("#desk-subject-search input").fill("たなか");
			desk.locator("#desk-subject-search input").press("Enter");
			desk.locator("#desk-link-9900000001").click();
			assertThat(desk.locator("#desk-subject-linked")).containsText("田中　太郎");
			category(desk, "再交付", "手帳 / 再交付");
			desk.locator("#desk-note textarea").fill("手帳をなくしたとのこと。再交付の手続を案内した。");
			desk.locator("#desk-outcome vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("回答済")).click();
			desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("60-day-desk-first-call.png")).setFullPage(true));
			desk.locator("#desk-close").click();
			assertThat(desk.locator("#desk-pop-state")).hasText("完了: 回答済");

			// Second call, once the first has ended: a family member asks something the manual does not answer.
			waitUntil(() -> simulator.pbx().stats().linesInUse() == 0);
			simulator.pbx().placeCall(new CallSpec("day2-" + run, "0829200002", "Caller", 1_000, 2, 30));
			assertThat(desk.locator("#desk-pop-number")).hasText("0829-20-0002", soon);
			desk.locator("#desk-caller-kind").click();
			desk.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("家族")).click();
			category(desk, "その他", "その他");
			desk.locator("#desk-note textarea").fill("亡くなった母の手帳を返送すべきかとの問合せ。市に確認して折り返す。");
			desk.locator("#desk-outcome vaadin-radio-button")
					.filter(new Locator.FilterOptions().setHasText("市の指示待ち")).click();
			desk.locator("#desk-close").click();
			assertThat(desk.locator("#desk-pop-state")).hasText("完了: 市の指示待ち");
			desk.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("61-day-desk-escalated.png")).setFullPage(true));

			// A walk-in (no telephony): recorded by hand with the number the visitor gives, marked manual.
			desk.locator("#desk-manual-number input").fill("0829200003");
			desk.locator("#desk-manual-start").click();
			assertThat(desk.locator("#desk-pop-state")).hasText("手動記録");
			assertThat(desk.locator("#desk-pop-number")).hasText("0829-20-0003");
		}
		assertThat(jdbc.sql("select manual from call_log where caller_number = '0829200003'").query(Boolean.class)
				.single()).isTrue();
		// The case is opened after the desk's transaction commits, by the escalations module's listener.
		waitUntil(() -> jdbc.sql("select count(*) from escalation where caller_number = '0829200002'")
				.query(Long.class).single() == 1);
		long caseId = jdbc.sql("select id from escalation where caller_number = '0829200002'").query(Long.class).single();

		// The floor manager reports the case to the city.
		try (var ctx = chromium.context(1400, 1000)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "day-fm", "day-pass-2");
			page.navigate("http://localhost:" + port + "/escalations");
			page.locator("#esc-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("返送すべきか")).first().click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + caseId + "（受付）");
			page.locator("#esc-step-text textarea").fill("死亡した対象者の手帳の返送要否について指示をお願いします。");
			page.locator("#esc-step-button").click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + caseId + "（市へ報告）");
		}

		// City staff answer it in their console.
		try (var ctx = chromium.context(1400, 1000)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "day-city", "day-pass-3");
			page.navigate("http://localhost:" + port + "/city/escalations");
			page.locator("#city-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("返送要否")).first().click();
			page.locator("#city-instruction textarea").fill("返送は不要です。ご家族にその旨お伝えください。");
			page.locator("#city-instruction-submit").click();
			assertThat(page.locator("#esc-detail-title")).hasText("案件 " + caseId + "（市の指示受領）");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("62-day-city-answered.png")).setFullPage(true));
		}

		// The floor manager makes today's daily report on demand; city staff find it in their inbox.
		try (var ctx = chromium.context(1500, 1000)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "day-fm", "day-pass-2");
			page.navigate("http://localhost:" + port + "/reports");
			page.locator("#reports-generate-daily").click();
			// Making the report takes seconds on a loaded machine: more than the assertion's default wait.
			assertThat(page.locator("#reports-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("日報")).first()).isVisible(
							new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("63-day-report-made.png")).setFullPage(true));
		}

		JsonNode report = new ObjectMapper().readTree(get("/api/reports/daily/" + today + "?format=json"));
		// Both calls were answered by the member; whether they count as received depends on the hour of the run.
		assertThat(report.get("answered").asLong() + report.get("outOfHours").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(report.get("definition").asText()).isNotBlank();
		assertThat(count(report, "categories", "手帳", "再交付")).isGreaterThanOrEqualTo(1);
		assertThat(count(report, "categories", null, "その他")).isGreaterThanOrEqualTo(1);
		assertThat(count(report, "escalations", null, "受付")).isEqualTo(1);
		assertThat(count(report, "escalations", null, "市の指示受領")).isEqualTo(1);

		byte[] pdf = getBytes("/api/reports/daily/" + today + "?format=pdf");
		Path file = Chromium.SHOTS.resolve("64-day-report.pdf");
		Files.createDirectories(Chromium.SHOTS);
		Files.write(file, pdf);
		Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file.toString(),
				Chromium.SHOTS.resolve("64-day-report").toString()).redirectErrorStream(true).start();
		assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(render.exitValue()).as(new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.isZero();
	}

	private static void category(Page desk, String typed, String shown) {
		desk.locator("#desk-category input").fill(typed);
		desk.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(shown)).first().click();
	}

	private static long count(JsonNode report, String section, String group, String label) {
		for (JsonNode s : report.get("sections")) {
			if (!section.equals(s.get("key").asText())) {
				continue;
			}
			for (JsonNode line : s.get("lines")) {
				boolean groupMatches = group == null ? line.get("group").isNull() : group.equals(line.get("group").asText());
				if (groupMatches && label.equals(line.get("label").asText())) {
					return line.get("count").asLong();
				}
			}
			throw new AssertionError("no line " + group + " / " + label + " in section " + section + ": " + s);
		}
		throw new AssertionError("no section " + section + " in " + report);
	}

	private String get(String path) throws Exception {
		return new String(getBytes(path), StandardCharsets.UTF_8);
	}

	private byte[] getBytes(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("day-city:day-pass-3".getBytes(StandardCharsets.UTF_8)))
				.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(condition::getAsBoolean);
	}
}
