package jp.ikiiki.desk.agentdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.ikiiki.desk.agentdesk.DeskPhones;
import jp.ikiiki.desk.agentdesk.DeskTestSupport;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.browser.ScreenFit;
import jp.ikiiki.desk.shared.PhoneNumbers;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.simulator.AmiSimulator;
import jp.ikiiki.desk.telephony.simulator.CallSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk as a day's workplace at 1280×720 in headless Chromium, against the AMI simulator through its socket:
 * a call handled from the pop to a linked subject and a closed call by keyboard alone (the number of keys is
 * printed), with the desk's key controls and its results in view without scrolling; a draft that survives
 * switching entries, 手動で記録, leaving the page, a reload and a new tab; a call announced on every page the agent
 * has open; signing out ending the binding; and what was mailed to the linked subject, on the card and one key away.
 * Screenshots in target/screenshots/.
 */
class DeskBrowserIT extends BrowserTest {

	static final int WIDTH = 1280;
	static final int HEIGHT = 720;
	static final LocatorAssertions.HasTextOptions SOON = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;

	final String agent = DeskTestSupport.uniqueUser("kb-agent");
	final String password = "desk-pass-" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void agentAndLines() {
		Chromium.user(jdbc, encoder, agent, "受付 三郎", password, "AGENT");
		jdbc.sql("delete from agent_binding where member_interface = 'Local/agent1@agents'").update();
		SubjectLookupFixtures.insert(jdbc);
		// Whatever the hour of the run (closed hours have 0 lines, so a resize then is confirmed as out of hours),
		// lines until the next half-day boundary.
		DeskTestSupport.as("kb-fm", "FLOOR_MANAGER", () -> lines.resizeNow(4, true, "test"));
		await().atMost(Duration.ofSeconds(60)).until(() -> simulator.pbx().stats().linesInUse() == 0);
	}

	@AfterEach
	void phoneFree() {
		jdbc.sql("delete from agent_binding where username = :u").param("u", agent).update();
	}

	@Test
	void from_the_pop_to_a_linked_subject_and_a_closed_call_by_keyboard_alone_with_everything_in_view()
			throws Exception {
		String label = "kb-" + UUID.randomUUID().toString().substring(0, 8);
		String number = DeskTestSupport.uniqueNumber();
		try (var phones = new DeskPhones(simulator); var ctx = chromium.context(WIDTH, HEIGHT)) {
			phones.onlyMember(1);
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, agent, password);
			page.navigate("http://localhost:" + port + "/desk");
			bind(page);

			simulator.pbx().placeCall(new CallSpec(label, number, "Caller", 1_000, 2, 60));
			assertThat(page.locator("#desk-pop-number")).hasText(PhoneNumbers.format(number), SOON);
			assertThat(page.locator("#desk-pop")).hasAttribute("data-linked-id", label + "-caller");
			// The pop puts the cursor in the subject search: from here on, only keys.
			await().atMost(Duration.ofSeconds(10)).until(() -> focusedIn(page, "#desk-subject-search"));
			Keys keys = new Keys(page);
			keys.type("たなか");
			keys.press("Enter");
			assertThat(page.locator("#desk-subject-count")).containsText("2 件",
					new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

			// At 1280×720 the results and every key control are in view without scrolling.
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("70-desk-1280-results.png")));
			for (String control : List.of("#desk-pop-number", "#desk-subject-search", "#desk-subjects", "#desk-caller-kind",
					"#desk-category", "#desk-note", "#desk-outcome", "#desk-close", "#desk-shortcuts")) {
				assertThat(ScreenFit.inViewport(page, control)).as(control + " in view at 1280×720").isTrue();
			}
			ScreenFit.Rows results = ScreenFit.rows(page, "#desk-subjects");
			assertThat(results.atLeastTenOrAll()).as("results " + results).isTrue();
			assertThat(results.roomForTen()).as("results " + results).isTrue();

			keys.press("Enter"); // the first result (タナカ タロウ) is highlighted: link it
			assertThat(page.locator("#desk-subject-linked")).containsText("田中　太郎");
			assertThat(page.locator("#desk-caller-kind")).containsText("本人");
			await().atMost(Duration.ofSeconds(10)).until(() -> focusedIn(page, "#desk-category"));
			keys.type("再交付");
			page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("手帳 / 再交付")).first()
					.waitFor();
			keys.press("ArrowDown");
			keys.press("Enter");
			await().atMost(Duration.ofSeconds(10)).until(() -> focusedIn(page, "#desk-note"));
			keys.press("Alt+1");
			assertThat(page.locator("#desk-outcome vaadin-radio-button[checked]")).containsText("回答済");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("71-desk-1280-keyboard-filled.png")));
			for (String control : List.of("#desk-subject-linked", "#desk-category", "#desk-note", "#desk-outcome", "#desk-close")) {
				assertThat(ScreenFit.inViewport(page, control)).as(control + " in view with a subject linked").isTrue();
			}
			keys.press("Control+Enter");
			assertThat(page.locator("#desk-pop-state")).hasText("完了: 回答済", SOON);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("72-desk-1280-keyboard-closed.png")));

			System.out.println("KEYBOARD WALK: pop → linked subject → closed call in " + keys.count()
					+ " keys (" + keys.log() + ")");
			assertThat(keys.count()).isLessThanOrEqualTo(12);
		}

		Map<String, Object> row = jdbc.sql("""
				select l.agent, l.subject_id, l.caller_kind, l.outcome, c.name
				from call_log l join inquiry_category c on c.id = l.category_id where l.linked_id = :id
				""").param("id", label + "-caller").query().singleRow();
		assertThat(row).containsEntry("agent", agent).containsEntry("subject_id", "9900000001")
				.containsEntry("caller_kind", "SUBJECT").containsEntry("outcome", "ANSWERED").containsEntry("name", "再交付");
	}

	@Test
	void what_was_filled_in_survives_switching_entries_a_manual_entry_leaving_the_page_a_reload_and_a_new_tab() {
		try (var ctx = chromium.context(WIDTH, HEIGHT)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, agent, password);
			page.navigate("http://localhost:" + port + "/desk");

			// A walk-in: the agent links the subject, says who called, picks the category, writes a note.
			page.locator("#desk-manual-number input").fill("0829300001");
			page.locator("#desk-manual-start").click();
			assertThat(page.locator("#desk-pop-number")).hasText("0829-30-0001");
			String first = page.locator("#desk-pop").getAttribute("data-call-log-id");
			page.locator("#desk-subject-search input").fill("なかた");
			page.locator("#desk-subject-search input").press("Enter");
			page.locator("#desk-link-9900000003").click();
			// linking sets the caller to 本人 on the server; the select is opened only after that answer, which
			// would otherwise close it again
			assertThat(page.locator("#desk-subject-linked")).containsText("中田　一郎");
			assertThat(page.locator("#desk-caller-kind")).containsText("本人");
			page.locator("#desk-caller-kind").click();
			page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("家族")).click();
			page.locator("#desk-category input").fill("紛失");
			page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("手帳 / 紛失")).first().click();
			page.locator("#desk-note textarea").fill("長男から。父の手帳をなくした。再交付を案内する予定");
			page.locator("#desk-outcome vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("折返し")).click();
			assertThat(page.locator("#desk-draft-status")).containsText("下書き保存");

			// 手動で記録 again: the desk asks first, then opens the new entry.
			page.locator("#desk-manual-number input").fill("0829300002");
			page.locator("#desk-manual-start").click();
			Locator ask = page.locator("vaadin-confirm-dialog-overlay");
			assertThat(ask).containsText("未完了です");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("73-desk-draft-ask.png")));
			ask.locator("vaadin-button[slot='confirm-button']").click();
			assertThat(page.locator("#desk-pop-number")).hasText("0829-30-0002");
			assertThat(page.locator("#desk-note textarea")).hasValue("");

			// Back to the first entry from the open list: everything is there.
			page.locator("#desk-tab-open").click();
			page.locator("#desk-open-entries vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("#" + first)).first().click();
			assertRestored(page);

			// Another page and back, a reload, a new tab: the same.
			page.navigate("http://localhost:" + port + "/manual");
			page.locator("#manual-search").waitFor();
			page.navigate("http://localhost:" + port + "/desk");
			assertRestored(page);
			page.reload();
			assertRestored(page);
			Page tab = ctx.newPage();
			tab.setDefaultTimeout(30_000);
			tab.navigate("http://localhost:" + port + "/desk");
			assertRestored(tab);
			tab.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("74-desk-draft-new-tab.png")));
			assertThat(tab.locator("#desk-pop")).hasAttribute("data-call-log-id", first);
		}
	}

	@Test
	void a_call_is_announced_on_every_page_the_agent_has_open_and_signing_out_ends_the_binding() throws Exception {
		String label = "ann-" + UUID.randomUUID().toString().substring(0, 8);
		String number = DeskTestSupport.uniqueNumber();
		try (var phones = new DeskPhones(simulator); var ctx = chromium.context(WIDTH, HEIGHT)) {
			phones.onlyMember(1);
			Page desk = ctx.newPage();
			desk.setDefaultTimeout(30_000);
			Chromium.signIn(desk, port, agent, password);
			desk.navigate("http://localhost:" + port + "/desk");
			bind(desk);
			Page manual = ctx.newPage();
			manual.setDefaultTimeout(30_000);
			manual.navigate("http://localhost:" + port + "/manual");
			Page callbacks = ctx.newPage();
			callbacks.setDefaultTimeout(30_000);
			callbacks.navigate("http://localhost:" + port + "/callbacks");
			callbacks.locator("#callbacks-grid").waitFor();
			manual.locator("#manual-results").waitFor();

			simulator.pbx().placeCall(new CallSpec(label, number, "Caller", 1_000, 2, 20));
			assertThat(desk.locator("#desk-pop-number")).hasText(PhoneNumbers.format(number), SOON);
			Locator notice = manual.locator("vaadin-notification-card.desk-call-notice");
			assertThat(notice).containsText(PhoneNumbers.format(number), new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
			assertThat(callbacks.locator("vaadin-notification-card.desk-call-notice")).containsText(PhoneNumbers.format(number),
					new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
			manual.locator("vaadin-notification-card.desk-call-notice:not([opening])").waitFor();
			manual.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("75-call-announced-on-manual.png")));

			// The notice leads to the desk, with the call's entry.
			notice.locator("vaadin-button.desk-call-notice-open").click();
			assertThat(manual.locator("#desk-pop-number")).hasText(PhoneNumbers.format(number), SOON);
			assertThat(manual.locator("#desk-pop")).hasAttribute("data-linked-id", label + "-caller");

			// ログアウト ends the binding: the phone is free and no further call opens an entry for the agent.
			assertThat(bindingOf(agent)).isOne();
			desk.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("ログアウト")).click();
			desk.waitForURL("**/login**");
			await().atMost(Duration.ofSeconds(10)).until(() -> bindingOf(agent) == 0);
			assertThat(jdbc.sql("select count(*) from audit_event where username = :u and detail like '%セッション終了%'")
					.param("u", agent).query(Long.class).single()).isOne();
		}
	}

	@Test
	void what_was_mailed_to_the_linked_subject_is_on_the_card_and_one_key_away_with_the_registered_number() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		long reissue = dispatched("BOOKLET_REISSUE", "desk-mail-" + run + " 再交付", LocalDate.of(2026, 9, 15), null, 1);
		long grant = dispatched("GRANT_NOTICE", "desk-mail-" + run + " 交付決定", LocalDate.of(2026, 10, 1), "78600300004",
				0);
		try (var ctx = chromium.context(WIDTH, HEIGHT)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, agent, password);
			page.navigate("http://localhost:" + port + "/desk");
			page.locator("#desk-manual-number input").fill("0829300009");
			page.locator("#desk-manual-start").click();
			assertThat(page.locator("#desk-pop-number")).hasText("0829-30-0009");
			page.locator("#desk-subject-search input").fill("たなか");
			page.locator("#desk-subject-search input").press("Enter");
			page.locator("#desk-link-9900000001").click();

			// The card says when the last mailing went and how often the booklet was reissued.
			Locator line = page.locator("#desk-subject-mailings");
			assertThat(line).containsText("最新の発送: 交通費助成交付決定通知（簡易書留） 2026/10/1（木）");
			assertThat(line).containsText("手帳の再交付 1 回");
			assertThat(page.locator("#desk-tab-mailings")).containsText("郵送 (2)");

			// Alt+Y: the whole history, with the 引受番号 the post office traces.
			page.keyboard().press("Alt+Y");
			assertThat(page.locator("#desk-tab-mailings")).hasAttribute("selected", "");
			Locator grid = page.locator("#desk-mailings");
			assertThat(grid.locator("vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("786-00-30000-4")).first()).isVisible();
			assertThat(grid.locator("vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("2026/9/15")).first()).isVisible();
			assertThat(grid.locator("vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("ポイント手帳（再交付）・1回目")).first()).isVisible();
			// Every tab of the right column is in view: the tab strip does not overflow (no scroll button).
			assertThat((Boolean) page.locator("#desk-context vaadin-tabs").first().evaluate("e => e.hasAttribute('overflow')"))
					.as("the desk's tabs overflow at 1280×720").isFalse();
			assertThat(ScreenFit.inViewport(page, "#desk-mailings")).as("the history in view at 1280×720").isTrue();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("76-desk-mailings-1280.png")));
		} finally {
			jdbc.sql("delete from subject_mailing where batch_id in (:a, :b)").param("a", reissue).param("b", grant).update();
			jdbc.sql("delete from mailing_batch where id in (:a, :b)").param("a", reissue).param("b", grant).update();
		}
		assertThat(jdbc.sql("""
				select count(*) from audit_event where username = :u and action = 'VIEW' and channel = '画面:受付デスク'
				   and '9900000001' = any(subject_ids) and detail like '郵送履歴%'""")
				.param("u", agent).query(Long.class).single()).isPositive();
	}

	/** A batch dispatched to 9900000001 (宛名番号 of the look-up fixtures), as the mailings module records it. */
	private long dispatched(String kind, String title, LocalDate on, String registeredNumber, int reissueNo) {
		long id = jdbc.sql("""
				insert into mailing_batch (kind, title, status, bundle_size, created_by, dispatched_on, dispatched_at,
				                           dispatched_by, business_year)
				values (:kind, :title, 'DISPATCHED', 100, 'desk-test', :on, now(), 'desk-test', :year) returning id""")
				.param("kind", kind).param("title", title).param("on", on).param("year", businessYear(on))
				.query(Long.class).single();
		jdbc.sql("""
				insert into subject_mailing (subject_id, batch_id, kind, dispatched_on, registered_number, reissue_no,
				                             business_year)
				values ('9900000001', :id, :kind, :on, :number, :reissue, :year)""")
				.param("id", id).param("kind", kind).param("on", on).param("number", registeredNumber)
				.param("reissue", reissueNo).param("year", businessYear(on)).update();
		return id;
	}

	/** The business year (1 September–31 August) a day falls in, named by the year it starts. */
	private static int businessYear(LocalDate on) {
		return on.getMonthValue() >= 9 ? on.getYear() : on.getYear() - 1;
	}

	private void assertRestored(Page page) {
		assertThat(page.locator("#desk-pop-number")).hasText("0829-30-0001");
		assertThat(page.locator("#desk-subject-linked")).containsText("中田　一郎");
		assertThat(page.locator("#desk-caller-kind")).containsText("家族");
		assertThat(page.locator("#desk-category input")).hasValue("手帳 / 紛失");
		assertThat(page.locator("#desk-note textarea")).hasValue("長男から。父の手帳をなくした。再交付を案内する予定");
		assertThat(page.locator("#desk-outcome vaadin-radio-button[checked]")).containsText("折返し");
		assertThat(ScreenFit.inViewport(page, "#desk-close")).as("完了 in view at 1280×720").isTrue();
	}

	private void bind(Page page) {
		page.locator("#desk-member-select").click();
		page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Local/agent1@agents")).click();
		page.locator("#desk-bind").click();
		assertThat(page.locator("#desk-binding")).hasText("接続中: Local/agent1@agents");
	}

	private long bindingOf(String username) {
		return jdbc.sql("select count(*) from agent_binding where username = :u").param("u", username).query(Long.class)
				.single();
	}

	private static boolean focusedIn(Page page, String selector) {
		return (Boolean) page.locator(selector).evaluate("e => e.contains(document.activeElement) || e === document.activeElement"
				+ " || (e.shadowRoot && e.shadowRoot.activeElement != null)");
	}

	/** The keyboard, counting what is pressed: one per key or key combination, one per character typed. */
	static final class Keys {
		private final Page page;
		private final StringBuilder log = new StringBuilder();
		private int count;

		Keys(Page page) {
			this.page = page;
		}

		void type(String text) {
			page.keyboard().type(text);
			count += text.codePointCount(0, text.length());
			log.append(log.length() == 0 ? "" : ", ").append("「").append(text).append("」");
		}

		void press(String key) {
			page.keyboard().press(key);
			count++;
			log.append(log.length() == 0 ? "" : ", ").append(key);
		}

		int count() {
			return count;
		}

		String log() {
			return log.toString();
		}
	}
}
