package jp.ikiiki.desk.payments.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.TallyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The payments screens in headless Chromium at 1280×720: a bank form and a ゆうちょ form keyed by the keyboard alone (an
 * unknown branch refused at the field, the names from the bank master shown as typed, the ゆうちょ 店番 and 口座番号
 * derived), the verify by a second operator stopped at the field that differs, then a payment run checked, its 全銀
 * file downloaded and the run marked delivered after the confirmation. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class PaymentsBrowserIT extends BrowserTest {

	static final String A = "7790000001";
	static final String B = "7790000002";

	@Autowired
	SubjectImports imports;
	@Autowired
	TallyProperties properties;
	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payable_year", "payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		TallyITSupport.clearTally(jdbc, properties);
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(A), TallyITSupport.progress(B)));
		Chromium.user(jdbc, encoder, "pay-a", "口座 一子", "pay-a-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "pay-b", "口座 二子", "pay-b-pass-1", "OPERATOR");
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot(name)));
	}

	private static void typeAndEnter(Page page, String text) {
		page.keyboard().type(text);
		page.keyboard().press("Enter");
	}

	private void verifiedBooklet(String subject, int fours) {
		long id = TallyITSupport.as("operator1", () -> receipts.receive(new BookletReceipts.Receipt("K" + subject,
				LocalDate.of(2026, 5, 15), 2025, BookletKind.MAIN, null), "テスト"), "OPERATOR").id();
		var counts = new StampCounts(fours, 0, StampCounts.ZERO.checkups(), 0, 0);
		TallyITSupport.as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		TallyITSupport.as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
	}

	@Test
	void forms_are_keyed_and_verified_by_keyboard_then_a_run_is_made_downloaded_and_delivered() throws Exception {
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "pay-a", "pay-a-pass-1");
			page.navigate("http://localhost:" + port + "/accounts/entry");
			assertThat(page.locator("#payments-entry-address input")).isFocused();
			typeAndEnter(page, A);
			assertThat(page.locator("#payments-entry-received input")).isFocused();
			typeAndEnter(page, "2026/6/10");
			typeAndEnter(page, "0001");
			assertThat(page.locator("#payments-entry-bankCode-note")).containsText("みずほ");
			typeAndEnter(page, "999");
			// refused at the field with its reason, pulled back to it
			assertThat(page.locator("#payments-entry-message")).containsText("999");
			assertThat(page.locator("#payments-entry-branchCode input")).isFocused();
			shot(page, "payments-01-entry-refused.png");
			page.keyboard().press("Control+A");
			typeAndEnter(page, "001");
			assertThat(page.locator("#payments-entry-branchCode-note")).containsText("東京営業部");
			typeAndEnter(page, "1");
			typeAndEnter(page, "1234567");
			assertThat(page.locator("#payments-entry-holderKana input")).isFocused();
			typeAndEnter(page, "キョウ　ショータ");
			assertThat(page.locator("#payments-entry-holderKana-note")).containsText("ｷﾖｳ ｼﾖ-ﾀ");
			assertThat(page.locator("#payments-entry-complete")).isFocused();
			shot(page, "payments-02-entry.png");
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("エントリーを完了しました");
			assertThat(page.locator("#payments-entry-address input")).isFocused();

			// a ゆうちょ form: a blank 金融機関コード moves to the 記号
			typeAndEnter(page, B);
			assertThat(page.locator("#payments-entry-received input")).isFocused();
			typeAndEnter(page, "2026/6/11");
			page.keyboard().press("Enter");
			assertThat(page.locator("#payments-entry-yuchoSymbol input")).isFocused();
			typeAndEnter(page, "14180");
			typeAndEnter(page, "12345671");
			assertThat(page.locator("#payments-entry-yuchoNumber-note")).containsText("店番 418");
			assertThat(page.locator("#payments-entry-yuchoNumber-note")).containsText("口座番号 1234567");
			typeAndEnter(page, "ヤマダ　ハナコ");
			assertThat(page.locator("#payments-entry-complete")).isFocused();
			shot(page, "payments-03-entry-yucho.png");
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("宛名番号 " + B);
		}
		assertThat(jdbc.sql("select count(*) from account_form where state = 'ENTERED'").query(Long.class).single())
				.isEqualTo(2);

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "pay-b", "pay-b-pass-1");
			page.navigate("http://localhost:" + port + "/accounts/verify");
			assertThat(page.locator("#payments-verify-address input")).isFocused();
			typeAndEnter(page, A);
			assertThat(page.locator("#payments-verify-bankCode input")).isFocused();
			typeAndEnter(page, "0001");
			typeAndEnter(page, "001");
			typeAndEnter(page, "1");
			typeAndEnter(page, "1234576");
			// stopped at the field that differs, cleared, to key it again
			assertThat(page.locator("#payments-verify-message")).containsText("口座番号");
			assertThat(page.locator("#payments-verify-accountNumber input")).isFocused();
			assertThat(page.locator("#payments-verify-accountNumber input")).hasValue("");
			assertThat(page.locator("#payments-verify-accountNumber-note")).hasAttribute("data-status", "REKEY");
			shot(page, "payments-04-verify-mismatch.png");
			typeAndEnter(page, "1234567");
			assertThat(page.locator("#payments-verify-holderKana input")).isFocused();
			typeAndEnter(page, "ｷｮｳ ｼｮｰﾀ");
			assertThat(page.locator("#payments-verify-holderKana-note")).hasAttribute("data-status", "MATCHED");
			assertThat(page.locator("#payments-verify-complete")).isFocused();
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("宛名番号 " + A + " の口座を登録しました");

			typeAndEnter(page, B);
			assertThat(page.locator("#payments-verify-bankCode input")).isFocused();
			page.keyboard().press("Enter");
			assertThat(page.locator("#payments-verify-yuchoSymbol input")).isFocused();
			typeAndEnter(page, "14180");
			typeAndEnter(page, "12345671");
			typeAndEnter(page, "ﾔﾏﾀﾞ ﾊﾅｺ");
			assertThat(page.locator("#payments-verify-complete")).isFocused();
			shot(page, "payments-05-verify-yucho.png");
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("宛名番号 " + B + " の口座を登録しました");
		}
		assertThat(jdbc.sql("select count(*) from payee_account where state = 'VALID'").query(Long.class).single())
				.isEqualTo(2);

		verifiedBooklet(A, 10);
		verifiedBooklet(B, 25);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from payable_year")
				.query(Long.class).single() == 2);

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "pay-a", "pay-a-pass-1");
			page.navigate("http://localhost:" + port + "/payments/runs");
			page.locator("#payments-run-year input").fill("2025");
			page.locator("#payments-run-date input").fill("2026/6/25");
			page.locator("#payments-run-date input").press("Enter");
			page.locator("#payments-run-create").click();
			assertThat(page.locator("#payments-run-totals")).containsText("2件");
			assertThat(page.locator("#payments-run-totals")).containsText("14,000円");
			assertThat(page.locator("#payments-run-excluded")).containsText("除外はありません");
			shot(page, "payments-06-run.png");
			Download download = page.waitForDownload(() -> page.locator("#payments-run-file-transfer").click());
			byte[] file = Files.readAllBytes(download.path());
			assertThat(file.length).isEqualTo(5 * 122);
			page.locator("#payments-run-deliver").click();
			var dialog = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(dialog).containsText("以後変更も取消もできません");
			shot(page, "payments-07-deliver-confirm.png");
			dialog.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
					.setHasText("以後変更できません")).click();
			assertThat(page.locator("vaadin-notification-card").last()).containsText("送付済にしました");
			assertThat(page.locator("#payments-run-grid")).containsText("送付済");
			shot(page, "payments-08-delivered.png");
		}
		assertThat(jdbc.sql("select state from payment_run").query(String.class).single()).isEqualTo("DELIVERED");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DOWNLOAD'").query(Long.class).single())
				.isPositive();
	}
}
