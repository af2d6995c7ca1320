package jp.ikiiki.desk.notices.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.TallyProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The 獲得ポイント通知 screen in headless Chromium at 1280×720 and 1440×900: a run of 令和7年度分 for mid-June started
 * from the form, its row with the counts and the list download, and the late booklet of another subject in the
 * overdue list. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class NoticesBrowserIT extends BrowserTest {

	static final String NOTIFIED = "7770000001";
	static final String LATE = "7770000002";
	static final String CARRIED = "7770000003";

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
	@Autowired
	javax.sql.DataSource dataSource;

	private long verified(String subject, LocalDate on, int stamps4p) {
		var bundle = TallyITSupport.as("op", () -> receipts.openBundle(on, 2025), "OPERATOR");
		long id = TallyITSupport.as("op", () -> receipts.receive(new Receipt("K" + subject, on, 2025, BookletKind.MAIN,
				bundle.id()), "テスト"), "OPERATOR").id();
		var c = new StampCounts(stamps4p, 1, java.util.Collections.nCopies(14, 0), 2, 0);
		for (String user : List.of("keyer1", "verifier")) {
			Pass pass = user.equals("keyer1") ? Pass.ENTRY : Pass.VERIFY;
			for (StampField f : StampField.ALL) {
				TallyITSupport.run(user, () -> keying.key(id, pass, f, c.get(f)), "OPERATOR");
			}
			TallyITSupport.run(user, () -> keying.complete(id, pass), "OPERATOR");
		}
		return id;
	}

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		TallyITSupport.clearTally(jdbc, properties);
		jdbc.sql("delete from notice_booklet").update();
		jdbc.sql("delete from notice_run").update();
		jdbc.sql("delete from progress_year where address_number = :a").param("a", CARRIED).update();
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(NOTIFIED), TallyITSupport.progress(LATE),
				TallyITSupport.progress(CARRIED)));
		Chromium.user(jdbc, encoder, "notice-op", "通知 四郎", "notice-op-pass-1", "OPERATOR");
		verified(NOTIFIED, LocalDate.of(2026, 6, 8), 3);
	}

	@Test
	void an_operator_runs_the_notices_downloads_the_list_and_sees_the_late_ones() {
		for (int[] size : new int[][] { { 1280, 720 }, { 1440, 900 } }) {
			try (var ctx = chromium.context(size[0], size[1])) {
				Page page = ctx.newPage();
				page.setDefaultTimeout(30_000);
				Chromium.signIn(page, port, "notice-op", "notice-op-pass-1");
				page.navigate("http://localhost:" + port + "/notices");
				assertThat(page.locator("#notices-year vaadin-select-value-button")).containsText("令和7年度分");
				assertThat(page.locator("#notices-month input")).hasValue("2026-06");
				if (size[0] == 1280) {
					page.locator("#notices-run").click();
					assertThat(page.locator("vaadin-notification-card[theme=success]")).containsText("通知 1 件");
					assertThat(page.locator("#notices-runs")).containsText("令和8年6月中旬");
					assertThat(page.locator("#notices-runs")).containsText("完了");
					// the list from the screen as it opens afresh (the link's file is made when clicked)
					page.reload();
					assertThat(page.locator("#notices-runs")).containsText("完了");
					assertThat(page.locator("#notices-runs a[id^=notices-list-]"))
							.hasAttribute("href", java.util.regex.Pattern.compile("VAADIN/dynamic/resource/.+"));
					Download d = page.waitForDownload(() -> page.locator("#notices-runs a[id^=notices-list-]").click());
					org.assertj.core.api.Assertions.assertThat(d.suggestedFilename()).startsWith("獲得ポイント通知一覧_");
					// the same run again: refused with its reason
					page.locator("#notices-run").click();
					assertThat(page.locator("vaadin-notification-card[theme=error]")).containsText("作成済み");
					// a booklet received on 10 May and verified after the run: its notice is late
					verified(LATE, LocalDate.of(2026, 5, 10), 5);
					page.reload();
				}
				assertThat(page.locator("#notices-due")).containsText(LATE);
				assertThat(page.locator("#notices-due")).containsText("5日超過");
				assertThat(page.locator("#notices-due-title")).containsText("期限切れ 1 件");
				page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("notices-" + size[0] + "x" + size[1]
						+ ".png")));
			}
		}
	}

	@Test
	void a_run_shows_its_progress_live_keeps_it_after_a_reload_and_announces_its_end() throws Exception {
		try (var ctx = chromium.context(1280, 720); var hold = dataSource.getConnection()) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "notice-op", "notice-op-pass-1");
			// a predecessor's booklet carried over (opening balance): received 20 May, due 20 June, 8 points
			var values = new java.util.ArrayList<String>(java.util.Collections.nCopies(36, ""));
			values.set(50 - 49, "2026-05-20");
			values.set(55 - 49, "8");
			values.set(73 - 49, "8");
			values.set(74 - 49, "100");
			values.set(75 - 49, "800");
			jdbc.sql("delete from progress_year where address_number = :a").param("a", CARRIED).update();
			jdbc.sql("""
					insert into progress_year (address_number, business_year, year_record, source, updated_at)
					values (:a, 2025, :v, 'OPENING', now())""").param("a", CARRIED)
					.param("v", values.toArray(String[]::new)).update();
			page.navigate("http://localhost:" + port + "/notices");
			assertThat(page.locator("#notices-due")).containsText(CARRIED);
			assertThat(page.locator("#notices-due")).containsText("（引継ぎデータ）");
			assertThat(page.locator("#notices-due")).containsText("あと5日");
			// the run stops where the mailing selection writes its exclusions until the test lets it go on; reads of the
			// table (the pages' counts) go on: a share lock blocks only writers
			hold.setAutoCommit(false);
			try (var st = hold.createStatement()) {
				st.execute("lock table mailing_exclusion in share mode");
			}
			page.locator("#notices-run").click();
			assertThat(page.locator("vaadin-notification-card[theme~=contrast], vaadin-notification-card"))
					.containsText("開始しました");
			assertThat(page.locator("#notices-progress")).containsText("発送バッチ作成中");
			assertThat(page.locator("#notices-progress")).containsText("対象 2 人、発送バッチ 0/2 通");
			assertThat(page.locator("#notices-runs")).containsText("作成中");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("notices-progress-1280x720.png")));
			// a reload finds the run where it is
			page.reload();
			assertThat(page.locator("#notices-progress")).containsText("発送バッチ作成中");
			hold.rollback();
			// its end is pushed to the screen: the line goes, the result is announced and listed
			assertThat(page.locator("vaadin-notification-card[theme=success]")).containsText("通知 2 件");
			assertThat(page.locator("#notices-progress")).not().containsText("No.");
			// the carried-over year is taken: no longer due (read afresh)
			page.reload();
			assertThat(page.locator("#notices-runs")).containsText("完了");
			assertThat(page.locator("#notices-due")).not().containsText(CARRIED);
			assertThat(page.locator("#notices-runs")).containsText("完了");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("notices-progress-done-1280x720.png")));
		}
	}
}
