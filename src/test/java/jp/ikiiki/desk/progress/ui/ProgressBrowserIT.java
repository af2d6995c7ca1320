package jp.ikiiki.desk.progress.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.progress.OpeningBalances;
import jp.ikiiki.desk.progress.ProgressUpdates;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.TallyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The progress screens in headless Chromium at 1280×720: a person's points per business year on the subject page (a
 * predecessor's year and a year tallied here, with the notice date), and the opening-balance import with a dry run of
 * a file whose every row is refused. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class ProgressBrowserIT extends BrowserTest {

	static final String SUBJECT = "7780000001";

	@Autowired
	SubjectImports imports;
	@Autowired
	TallyProperties properties;
	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	OpeningBalances openings;
	@Autowired
	ProgressUpdates updates;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		TallyITSupport.clearTally(jdbc, properties);
		jdbc.sql("delete from progress_year").update();
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(SUBJECT)));
		Chromium.user(jdbc, encoder, "prog-op", "進捗 一子", "prog-op-pass-1", "OPERATOR");
	}

	private static String csv(List<Map<Integer, String>> rows) {
		var sb = new StringBuilder(String.join(",", SubjectFileKind.PROGRESS.columns().stream().map(Column::header).toList()))
				.append("\r\n");
		for (var row : rows) {
			var cells = new java.util.ArrayList<String>();
			for (int c = 1; c <= 84; c++) {
				cells.add(row.getOrDefault(c, ""));
			}
			sb.append(String.join(",", cells)).append("\r\n");
		}
		return sb.toString();
	}

	private static Map<Integer, String> row(String number, Object... cells) {
		var row = new TreeMap<Integer, String>();
		row.put(1, number);
		for (int i = 0; i < cells.length; i += 2) {
			row.put((Integer) cells[i], cells[i + 1].toString());
		}
		return row;
	}

	@Test
	void the_subject_page_shows_points_and_payment_per_business_year() {
		// 2024: the predecessor's booklet (120 points, cap 100); 2025: a booklet tallied here and its notice sent.
		Object[] figures = { 50, "2025-10-01", 55, "120", 56, "0", 57, "0", 58, "0", 59, "0", 60, "0", 61, "0", 62, "0",
				63, "0", 64, "0", 65, "0", 66, "0", 67, "0", 68, "0", 69, "0", 70, "0", 71, "0", 72, "0", 73, "120", 74,
				"100", 75, "10000", 53, "2026-05-25" };
		var outcome = TallyITSupport.as("prog-op", () -> openings.load(2024, "opening.csv", new ByteArrayInputStream(
				csv(List.of(row(SUBJECT, figures))).getBytes(StandardCharsets.UTF_8)), false, "テスト"), "OPERATOR");
		org.assertj.core.api.Assertions.assertThat(outcome.problems()).isEmpty();
		long id = TallyITSupport.as("prog-op", () -> receipts.receive(new Receipt("K" + SUBJECT,
				TallyITSupport.NOW.atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toLocalDate().minusDays(14), 2025,
				BookletKind.MAIN, null), "テスト"), "OPERATOR").id();
		var counts = new StampCounts(10, 3, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2), 7, 1);
		TallyITSupport.as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		TallyITSupport.as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
		TallyITSupport.run("prog-op", () -> updates.noticeSent(new AddressNumber(SUBJECT), 2025,
				java.time.LocalDate.of(2026, 6, 12), "A0001"), "OPERATOR");

		// a year-less total left in the person's record from before business years (moved to its year since)
		jdbc.sql("update subject_record set progress_record[73] = '24' where address_number = :a").param("a", SUBJECT)
				.update();

		try (var context = chromium.context(1280, 720); Page page = context.newPage()) {
			Chromium.signIn(page, port, "prog-op", "prog-op-pass-1");
			page.navigate("http://localhost:" + port + "/subjects/" + SUBJECT);
			assertThat(page.locator("#progress-points")).isVisible();
			// one statement of points: per business year, no year-less second total beside it
			assertThat(page.locator("#subject-points")).hasCount(0);
			assertThat(page.locator("#progress-total-2025")).containsText("合計 59 P");
			assertThat(page.locator("#progress-notice-2025")).containsText("送付済");
			assertThat(page.locator("#progress-total-2024")).containsText("合計 120 P（上限 100 P）→ 支払対象 100 P");
			assertThat(page.locator("#progress-amount-2024")).containsText("10,000 円");
			assertThat(page.locator("#progress-payment-2024")).containsText("支払予定");
			page.locator("#progress-points").scrollIntoViewIfNeeded();
			page.evaluate("document.getElementById('progress-points').scrollIntoView({block: 'start'})");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("progress-subject-points-1280.png")));
		}
	}

	@Test
	void the_opening_balance_screen_lists_every_refused_row_of_a_dry_run() throws Exception {
		Path file = Files.createTempFile("opening", ".csv");
		Files.writeString(file, csv(List.of(row("7789999999", 84, "x"), row(SUBJECT, 50, "0001-01-01"),
				row(SUBJECT, 84, "=cmd"), row("abc", 84, "x"), row(SUBJECT, 73, "5"))), StandardCharsets.UTF_8);
		try (var context = chromium.context(1280, 720); Page page = context.newPage()) {
			Chromium.signIn(page, port, "prog-op", "prog-op-pass-1");
			page.navigate("http://localhost:" + port + "/progress/opening-balances");
			page.locator("#opening-upload input[type=file]").setInputFiles(file);
			assertThat(page.locator("#opening-file")).containsText(file.getFileName().toString());
			page.locator("#opening-load").click();
			assertThat(page.locator("#opening-summary")).containsText("試行: 5 行を読み");
			assertThat(page.locator("#opening-problems")).containsText("対象者が登録されていません");
			assertThat(page.locator("#opening-problems")).containsText("手帳受付日");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("progress-opening-dry-run-1280.png")));
		} finally {
			Files.deleteIfExists(file);
		}
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from progress_year").query(Long.class)
				.single()).isZero();
	}
}
