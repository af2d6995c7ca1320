package jp.ikiiki.desk.agentdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The desk in headless Chromium against the AMI simulator (through its socket, as Asterisk): the agent binds to a
 * phone, a queue call connects to it and the desk pops without a reload, the agent finds the subject by kana,
 * links it, picks the category, notes and closes; the call log holds it all. Screenshots in target/screenshots/.
 */
class AgentDeskBrowserIT extends BrowserTest {

	@Autowired
	AmiSimulator simulator;
	@Autowired
	LinePlans lines;

	@Test
	void a_connected_call_pops_on_the_agents_desk_and_the_agent_links_the_subject_and_closes_it() throws Exception {
		Chromium.user(jdbc, encoder, "desk-agent", "受付 一郎", "desk-pass-1", "AGENT");
		jdbc.sql("delete from agent_binding").update();
		jdbc.sql("delete from call_record where caller_number like '08291%'").update();
		jdbc.sql("delete from callback_mark").update();
		SubjectLookupFixtures.insert(jdbc);
		// Whatever the hour of the run (closed hours have 0 lines), lines until the next boundary, out of hours confirmed.
		DeskTestSupport.as("desk-fm", "FLOOR_MANAGER", () -> lines.resizeNow(4, true, "test"));
		String label = "desk-" + UUID.randomUUID().toString().substring(0, 8);

		try (var phones = new DeskPhones(simulator); var ctx = chromium.context(1400, 1400)) {
			phones.onlyMember(1);
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "desk-agent", "desk-pass-1");
			page.navigate("http://localhost:" + port + "/desk");

			page.locator("#desk-member-select").click();
			page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Local/agent1@agents")).click();
			page.locator("#desk-bind").click();
			assertThat(page.locator("#desk-binding")).hasText("接続中: Local/agent1@agents");
			assertThat(page.locator("#desk-pop-state")).hasText("待機中");

			simulator.pbx().placeCall(new CallSpec(label, "0829100001", "Caller", 1_000, 2, 600));
			var soon = new LocatorAssertions.HasTextOptions().setTimeout(5_000);
			assertThat(page.locator("#desk-pop-number")).hasText("082-910-0001", soon);
			assertThat(page.locator("#desk-pop-state")).hasText("通話中");
			assertThat(page.locator("#desk-pop-wait")).containsText("待ち");
			assertThat(page.locator("#desk-pop")).hasAttribute("data-linked-id", label + "-caller");

			page.locator("#desk-subject-search input").fill("たなか");
			page.locator("#desk-subject-search input").press("Enter");
			page.locator("#desk-link-9900000001").click();
			assertThat(page.locator("#desk-subject-linked")).containsText("田中　太郎");
			assertThat(page.locator("#desk-caller-kind")).containsText("本人");

			page.locator("#desk-category input").fill("再交付");
			page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("手帳 / 再交付")).click();
			page.locator("#desk-note textarea").fill("手帳をなくしたとのこと。再交付の手続を案内した。");
			page.locator("#desk-outcome vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("回答済")).click();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("50-desk-pop.png")).setFullPage(true));

			page.locator("#desk-close").click();
			assertThat(page.locator("#desk-pop-state")).hasText("完了: 回答済");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("51-desk-closed.png")).setFullPage(true));

			// The callback list: a caller who gave up today, marked as called back with a note.
			DeskTestSupport.callRecord(jdbc, label + "-gaveup", java.time.Instant.now().minusSeconds(60), "ABANDONED",
					"0829100002");
			page.navigate("http://localhost:" + port + "/callbacks");
			Locator row = page.locator("#callbacks-grid vaadin-grid-cell-content").filter(
					new Locator.FilterOptions().setHasText("082-910-0002"));
			assertThat(row.first()).isVisible();
			page.locator("#callbacks-open-only").click();
			// The list is drawn again for the filter: wait until it is, then mark.
			assertThat(page.locator("#callbacks-open-only")).hasAttribute("checked", "");
			assertThat(row.first()).isVisible();
			page.locator("#callbacks-grid .callback-mark").first().click();
			page.locator("#callbacks-note input").fill("留守番電話に伝言");
			page.locator("#callbacks-mark-ok").click();
			// Settled now: it leaves the "open only" list and shows who called back in the full list.
			assertThat(page.locator("#callbacks-summary")).containsText("未対応 0 件");
			page.locator("#callbacks-open-only").click();
			assertThat(page.locator("#callbacks-grid .callback-done").filter(
					new Locator.FilterOptions().setHasText("留守番電話に伝言"))).isVisible();
			// who called back by display name, not login name
			assertThat(page.locator("#callbacks-grid .callback-done")).containsText("受付 一郎");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("52-callbacks.png")).setFullPage(true));
		}

		Map<String, Object> row = jdbc.sql("""
				select l.agent, l.manual, l.caller_number, l.subject_id, l.caller_kind, l.outcome, l.note, c.name
				from call_log l join inquiry_category c on c.id = l.category_id where l.linked_id = :id
				""").param("id", label + "-caller").query().singleRow();
		assertThat(row).containsEntry("agent", "desk-agent").containsEntry("manual", false)
				.containsEntry("caller_number", "0829100001").containsEntry("subject_id", "9900000001")
				.containsEntry("caller_kind", "SUBJECT").containsEntry("outcome", "ANSWERED").containsEntry("name", "再交付");
		List<String> audit = jdbc.sql("select action from audit_event where username = 'desk-agent'").query(String.class)
				.list();
		assertThat(audit).contains("CREATE", "VIEW", "SEARCH", "UPDATE");
	}
}
