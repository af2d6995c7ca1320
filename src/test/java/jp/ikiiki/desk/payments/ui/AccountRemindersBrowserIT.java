package jp.ikiiki.desk.payments.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.TallyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The reminders screen (第8章6) in headless Chromium at 1280×720, as an operator: the due list of 令和7年度 with
 * each reason (no form; a faulty form with what is wrong) and the counts, a start refused without the city's
 * instruction date, then started with it; the two are then listed as already reminded and the reminder in the history.
 * Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class AccountRemindersBrowserIT extends BrowserTest {

	static final String A = "7791000001";
	static final String B = "7791000002";

	@Autowired
	SubjectImports imports;
	@Autowired
	TallyProperties properties;
	@Autowired
	AccountForms forms;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		for (String t : List.of("account_reminder_subject", "account_reminder", "payment_notice_sent", "payment_return",
				"payment_exclusion", "payment", "payment_run_file", "payment_run", "payable_year", "payee_account",
				"account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		TallyITSupport.clearTally(jdbc, properties);
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(A), TallyITSupport.progress(B)));
		for (String s : List.of(A, B)) {
			jdbc.sql("insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)"
					+ " values (:a, 2025, 2500, :on, now())").param("a", s).param("on", LocalDate.of(2026, 5, 15)).update();
			jdbc.sql("insert into payment_notice_sent (address_number, business_year, sent_on) values (:a, 2025, :on)")
					.param("a", s).param("on", LocalDate.of(2026, 6, 1)).update();
		}
		TallyITSupport.as("op1", () -> forms.recordFaulty(B, List.of("口座番号の記入なし"), LocalDate.of(2026, 6, 3)),
				"OPERATOR");
		Chromium.user(jdbc, encoder, "remind-op", "再通知 担当", "remind-op-pass-1", "OPERATOR");
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot(name)));
	}

	@Test
	void an_operator_reads_the_due_list_with_reasons_and_starts_the_reminder_with_the_citys_date() {
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "remind-op", "remind-op-pass-1");
			page.navigate("http://localhost:" + port + "/payments/reminders");
			assertThat(page.locator("#payments-reminder-counts")).containsText("対象 2件");
			assertThat(page.locator("#payments-reminder-counts")).containsText("用紙未提出 1件");
			assertThat(page.locator("#payments-reminder-counts")).containsText("用紙の不備 1件");
			assertThat(page.locator("#payments-reminder-due")).containsText("口座番号の記入なし");
			assertThat(page.locator("#payments-reminder-due")).containsText(A);
			shot(page, "reminders-01-due.png");

			// without the city's instruction date: refused, nothing made
			page.locator("#payments-reminder-start").click();
			assertThat(page.locator("vaadin-notification-card").last()).containsText("指示日");
			assertThat(jdbc.sql("select count(*) from account_reminder").query(Long.class).single()).isZero();

			page.locator("#payments-reminder-instructed-on input").fill("2026/6/12");
			page.locator("#payments-reminder-instructed-on input").press("Enter");
			page.locator("#payments-reminder-instruction input").fill("6月12日付け文書");
			page.locator("#payments-reminder-start").click();
			var dialog = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(dialog).containsText("2件");
			shot(page, "reminders-02-confirm.png");
			dialog.getByText("開始する").click();
			assertThat(page.locator("#payments-reminder-counts")).containsText("対象 0件");
			assertThat(page.locator("#payments-reminder-notdue")).containsText("この年度は再通知済み");
			assertThat(page.locator("#payments-reminder-history")).containsText("6月12日付け文書");
			assertThat(page.locator("#payments-reminder-history")).containsText("発送準備中");
			shot(page, "reminders-03-started.png");
		}
		assertThat(jdbc.sql("select instructed_on from account_reminder").query(LocalDate.class).single())
				.isEqualTo(LocalDate.of(2026, 6, 12));
	}
}
