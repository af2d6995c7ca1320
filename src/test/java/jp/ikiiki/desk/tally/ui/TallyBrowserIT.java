package jp.ikiiki.desk.tally.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.ScanFixtures;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.TallyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The tally's screens in headless Chromium at 1280×720, driven by the keyboard alone (the scanner is a keyboard too):
 * receipt of a bundle with an unknown number, a duplicate and an additional booklet; entry of a booklet with its
 * scanned page beside the fields; verify by a second operator who mistypes a field and is stopped there; and a floor
 * manager's decision. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class TallyBrowserIT extends BrowserTest {

	static final String SUBJECT = "7760000001";
	static final String OTHER = "7760000002";

	@Autowired
	SubjectImports imports;
	@Autowired
	TallyProperties properties;
	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletScans scans;
	@Autowired
	BookletKeying keying;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		TallyITSupport.clearTally(jdbc, properties);
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(SUBJECT),
				TallyITSupport.progress(OTHER, "交通助成", "1", "要介護認定状態", "要支援1")));
		Chromium.user(jdbc, encoder, "keyer-a", "入力 一子", "keyer-a-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "keyer-b", "照合 二子", "keyer-b-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "floor-m", "現場 三子", "floor-m-pass-1", "FLOOR_MANAGER");
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot(name)));
	}

	/** Opens the focused year list with ↓, moves to the second open year (令和7年度分) and takes it with Enter. */
	private static void chooseSecondYear(Page page, String select) {
		assertThat(page.locator(select + " vaadin-select-value-button")).isFocused();
		page.keyboard().press("ArrowDown");
		// wait for the list to take the keyboard before moving in it
		assertThat(page.locator("vaadin-select-item:focus")).containsText("令和6年度分");
		page.keyboard().press("ArrowDown");
		assertThat(page.locator("vaadin-select-item:focus")).containsText("令和7年度分");
		page.keyboard().press("Enter");
		assertThat(page.locator(select + " vaadin-select-value-button")).containsText("令和7年度分");
	}

	private static void typeAndEnter(Page page, String text) {
		page.keyboard().type(text);
		page.keyboard().press("Enter");
	}

	@Test
	void receipt_entry_and_verify_are_done_with_the_keyboard_alone() {
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "keyer-a", "keyer-a-pass-1");
			page.navigate("http://localhost:" + port + "/booklets/receipt");
			assertThat(page.locator("#tally-receipt-date input")).isFocused();

			// the bundle: the city's date, the year, start — Tab and Enter only
			page.keyboard().type("2026/6/10");
			page.keyboard().press("Tab");
			chooseSecondYear(page, "#tally-receipt-year"); // 令和7年度分（旧）
			page.keyboard().press("Tab");
			page.keyboard().press("Enter");
			assertThat(page.locator("#tally-receipt-bundle")).containsText("令和7年度分");
			assertThat(page.locator("#tally-receipt-scan input")).isFocused();

			// the scanner types the number and Enter
			typeAndEnter(page, "*K" + SUBJECT + "*");
			assertThat(page.locator("#tally-receipt-result")).hasAttribute("data-result", "ok");
			assertThat(page.locator("#tally-receipt-result")).containsText("K" + SUBJECT);
			typeAndEnter(page, "K0000000404");
			assertThat(page.locator("#tally-receipt-result")).hasAttribute("data-result", "refused");
			assertThat(page.locator("#tally-receipt-result")).containsText("未登録の番号");
			typeAndEnter(page, "K" + SUBJECT);
			assertThat(page.locator("#tally-receipt-result")).containsText("受付済み");
			shot(page, "tally-01-receipt-duplicate.png");
			page.keyboard().press("F8");
			assertThat(page.locator("#tally-receipt-additional")).hasAttribute("checked", "");
			typeAndEnter(page, "K" + SUBJECT);
			assertThat(page.locator("#tally-receipt-result")).containsText("追加手帳");
			typeAndEnter(page, "K" + OTHER);
			assertThat(page.locator("#tally-receipt-result")).hasAttribute("data-result", "ok");
			assertThat(page.locator("#tally-receipt-counts")).containsText("受付 3 冊・受付不可 2 件");
			assertThat(page.locator("#tally-receipt-scan input")).isFocused();
			shot(page, "tally-02-receipt.png");
		}
		long main = jdbc.sql("select id from booklet where address_number = :a and kind = 'MAIN'").param("a", SUBJECT)
				.query(Long.class).single();
		// the scanned booklet, linked by its barcode, to show beside the fields
		TallyITSupport.run("keyer-a", () -> scans.importFiles(List.of(new BookletScans.Upload() {
			@Override
			public String name() {
				return "0001.pdf";
			}

			@Override
			public java.io.InputStream open() {
				return new java.io.ByteArrayInputStream(ScanFixtures.scannedBooklet("K" + SUBJECT, 1));
			}
		}), 2025, "テスト"), "OPERATOR");

		int[] entry = { 5, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 12, 1 };
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "keyer-a", "keyer-a-pass-1");
			page.navigate("http://localhost:" + port + "/booklets/entry");
			assertThat(page.locator("#tally-entry-booklet")).containsText("K" + SUBJECT);
			assertThat(page.locator("#tally-entry-page img")).isVisible();
			assertThat(page.locator("#tally-entry-stamps4p input")).isFocused();
			// the first four fields, then a reload: nothing keyed is lost
			for (int i = 0; i < 4; i++) {
				typeAndEnter(page, String.valueOf(entry[i]));
			}
			assertThat(page.locator("#tally-entry-checkups-1-mark")).hasAttribute("data-status", "KEYED");
			page.reload();
			assertThat(page.locator("#tally-entry-stamps4p input")).hasValue("5");
			assertThat(page.locator("#tally-entry-checkups-2 input")).isFocused();
			for (int i = 4; i < entry.length; i++) {
				typeAndEnter(page, String.valueOf(entry[i]));
			}
			assertThat(page.locator("#tally-entry-complete")).isFocused();
			shot(page, "tally-03-entry.png");
			page.keyboard().press("Enter");
			// the next booklet (the additional one) comes up
			assertThat(page.locator("vaadin-notification-card").last()).containsText("エントリーを完了しました");
			assertThat(page.locator("#tally-entry-booklet")).containsText("追加手帳");
		}
		assertThat(jdbc.sql("select state from booklet where id = :id").param("id", main).query(String.class).single())
				.isEqualTo("ENTERED");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "keyer-b", "keyer-b-pass-1");
			page.navigate("http://localhost:" + port + "/booklets/verify");
			assertThat(page.locator("#tally-verify-booklet")).containsText("K" + SUBJECT);
			assertThat(page.locator("#tally-verify-stamps4p input")).isFocused();
			typeAndEnter(page, "5");
			// a mistyped 2P: stopped at the field, cleared, asked again
			typeAndEnter(page, "8");
			assertThat(page.locator("#tally-verify-stamps2p")).hasAttribute("invalid", "");
			assertThat(page.locator("#tally-verify-stamps2p input")).isFocused();
			assertThat(page.locator("#tally-verify-stamps2p input")).hasValue("");
			assertThat(page.locator("#tally-verify-stamps2p-mark")).hasAttribute("data-status", "REKEY");
			shot(page, "tally-04-verify-mismatch.png");
			typeAndEnter(page, "3");
			assertThat(page.locator("#tally-verify-stamps2p-mark")).hasAttribute("data-status", "MATCHED");
			assertThat(page.locator("#tally-verify-checkups-0 input")).isFocused();
			for (int i = 2; i < entry.length; i++) {
				typeAndEnter(page, String.valueOf(entry[i]));
			}
			assertThat(page.locator("#tally-verify-complete")).isFocused();
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("ベリファイを完了しました");
			shot(page, "tally-05-verify-done.png");
		}
		assertThat(jdbc.sql("select state from booklet where id = :id").param("id", main).query(String.class).single())
				.isEqualTo("VERIFIED");
	}

	@Test
	void a_floor_manager_decides_a_disputed_field_with_the_keyboard() {
		long id = TallyITSupport.as("keyer-a", () -> receipts.receive(new BookletReceipts.Receipt("K" + OTHER,
				TallyITSupport.NOW.atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toLocalDate(), 2025, BookletKind.MAIN, null),
				"テスト"), "OPERATOR").id();
		var counts = new StampCounts(4, 2, StampCounts.ZERO.checkups(), 9, 0);
		TallyITSupport.run("keyer-a", () -> keying.submitEntry(id, counts), "OPERATOR");
		var other = new StampCounts(4, 2, StampCounts.ZERO.checkups(), 8, 0);
		TallyITSupport.run("keyer-b", () -> keying.submitVerify(id, other), "OPERATOR");
		TallyITSupport.run("keyer-b", () -> keying.submitVerify(id, other), "OPERATOR");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "floor-m", "floor-m-pass-1");
			page.navigate("http://localhost:" + port + "/booklets/decisions");
			assertThat(page.locator("#tally-decision-stamps1p-values")).containsText("エントリー 9／ベリファイ 8→8");
			assertThat(page.locator("#tally-decision-stamps1p input")).isFocused();
			shot(page, "tally-06-decision.png");
			typeAndEnter(page, "8");
			typeAndEnter(page, "スキャンで確認");
			page.keyboard().press("Enter");
			assertThat(page.locator("#tally-decision-none")).isVisible();
		}
		assertThat(jdbc.sql("select stamps_1p from booklet where id = :id").param("id", id).query(Integer.class).single())
				.isEqualTo(8);
		assertThat(StampField.STAMPS_1P.apiName()).isEqualTo("stamps1p");
	}

	@Test
	void the_scan_screen_shows_a_queued_page_to_assign_by_number() {
		TallyITSupport.as("keyer-a", () -> receipts.receive(new BookletReceipts.Receipt("K" + SUBJECT,
				java.time.LocalDate.of(2026, 6, 10), 2025, BookletKind.MAIN, null), "テスト"), "OPERATOR");
		TallyITSupport.run("keyer-a", () -> scans.importFiles(List.of(new BookletScans.Upload() {
			@Override
			public String name() {
				return "smudged.pdf";
			}

			@Override
			public java.io.InputStream open() {
				return new java.io.ByteArrayInputStream(ScanFixtures.unreadableBooklet(7));
			}
		}), null, "テスト"), "OPERATOR");
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "keyer-a", "keyer-a-pass-1");
			page.navigate("http://localhost:" + port + "/booklets/scans");
			page.locator("#tally-queue-grid vaadin-grid-cell-content").filter(
					new com.microsoft.playwright.Locator.FilterOptions().setHasText("smudged.pdf")).first().click();
			assertThat(page.locator("#tally-queue-page img")).isVisible();
			assertThat(page.locator("#tally-queue-number input")).isFocused();
			page.keyboard().type("K" + SUBJECT);
			page.keyboard().press("Tab");
			chooseSecondYear(page, "#tally-queue-year");
			shot(page, "tally-07-scan-queue.png");
			page.locator("#tally-queue-number input").focus();
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("割り当てました");
			shot(page, "tally-08-scan-assigned.png");
		}
		assertThat(jdbc.sql("select count(*) from booklet_scan").query(Long.class).single()).isEqualTo(1);
	}
}
