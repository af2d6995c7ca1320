package jp.ikiiki.desk.groups.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.groups.GroupEntry;
import jp.ikiiki.desk.groups.GroupFormKind;
import jp.ikiiki.desk.groups.GroupForms;
import jp.ikiiki.desk.groups.GroupStamps;
import jp.ikiiki.desk.groups.Stamp;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The groups' screens in headless Chromium at 1280×720: a registration form keyed by the keyboard alone beside its
 * scanned image (a refused ward pulls the keyer back), verified by a second operator who is stopped at the field that
 * differs, then — approved by the city — its stamp label scanned at packing, and the same label scanned again refused
 * with the reason. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class GroupsBrowserIT extends BrowserTest {

	@Autowired
	GroupForms forms;
	@Autowired
	GroupStamps stamps;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		for (String t : List.of("group_stamp", "group_form_decision", "group_form_key", "group_form",
				"activity_group_history", "activity_group")) {
			jdbc.sql("delete from " + t).update();
		}
		Chromium.user(jdbc, encoder, "grp-a", "団体 一子", "grp-a-pass-1", "OPERATOR");
		Chromium.user(jdbc, encoder, "grp-b", "団体 二子", "grp-b-pass-1", "OPERATOR");
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot(name)));
	}

	private static void typeAndEnter(Page page, String text) {
		page.keyboard().type(text);
		page.keyboard().press("Enter");
	}

	static byte[] scannedForm() throws Exception {
		try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			var page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			var font = JapaneseFonts.load(doc, JapaneseFonts.parse(JapaneseFonts.Face.MINCHO));
			try (var cs = new PDPageContentStream(doc, page)) {
				String[] lines = { "活動団体登録届出書", "団体名　基町ふれあいサロン", "フリガナ　モトマチフレアイサロン",
						"種別　一般の活動団体　区　中区", "活動の種類　D 地域団体の運営活動", "活動場所　中区基町 基町集会所",
						"代表者　広島 太郎　広島市中区基町1-1　082-245-1234", "公開する連絡先　基町集会所" };
				float y = 780;
				for (String l : lines) {
					cs.beginText();
					cs.setFont(font, l == lines[0] ? 20 : 13);
					cs.newLineAtOffset(60, y);
					cs.showText(l);
					cs.endText();
					y -= 40;
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void a_form_is_keyed_and_verified_by_keyboard_beside_its_image_and_its_stamp_is_scanned_when_packed()
			throws Exception {
		long id = TallyITSupport.as("grp-a", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		byte[] pdf = scannedForm();
		TallyITSupport.as("grp-a", () -> forms.attachImage(id, "form.pdf", new ByteArrayInputStream(pdf)), "OPERATOR");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "grp-a", "grp-a-pass-1");
			page.navigate("http://localhost:" + port + "/groups/entry");
			assertThat(page.locator("#groups-entry-number input")).isFocused();
			typeAndEnter(page, String.valueOf(id));
			assertThat(page.locator("#groups-entry-name input")).isFocused();
			// the page is rendered on the server when shown: slow on a loaded machine
			assertThat(page.locator("#groups-image img")).isVisible(
					new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
			typeAndEnter(page, "基町ふれあいサロン");
			typeAndEnter(page, "ﾓﾄﾏﾁﾌﾚｱｲｻﾛﾝ");
			typeAndEnter(page, "1");
			typeAndEnter(page, "0");
			// refused at the field with its reason, pulled back to it
			assertThat(page.locator("#groups-entry-message")).containsText("101");
			assertThat(page.locator("#groups-entry-ward input")).isFocused();
			shot(page, "groups-01-entry-refused.png");
			page.keyboard().press("Control+A");
			typeAndEnter(page, "101");
			assertThat(page.locator("#groups-entry-activityCodes input")).isFocused();
			typeAndEnter(page, "d");
			typeAndEnter(page, "中区基町 基町集会所");
			typeAndEnter(page, "広島 太郎");
			typeAndEnter(page, "〒730-0011 広島市中区基町1-1");
			typeAndEnter(page, "0822451234");
			typeAndEnter(page, "基町集会所");
			assertThat(page.locator("#groups-entry-complete")).isFocused();
			assertThat(page.locator("#groups-entry-publicContact-note")).hasText("保存");
			shot(page, "groups-02-entry.png");
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("エントリーを完了しました");
			assertThat(page.locator("#groups-entry-number input")).isFocused();
		}
		assertThat(jdbc.sql("select state from group_form where id = :id").param("id", id).query(String.class).single())
				.isEqualTo("ENTERED");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "grp-b", "grp-b-pass-1");
			page.navigate("http://localhost:" + port + "/groups/verify");
			assertThat(page.locator("#groups-verify-number input")).isFocused();
			typeAndEnter(page, String.valueOf(id));
			assertThat(page.locator("#groups-verify-name input")).isFocused();
			typeAndEnter(page, "基町ふれあいサロン");
			typeAndEnter(page, "モトマチフレアイサロン");
			typeAndEnter(page, "1");
			typeAndEnter(page, "102");
			// the first difference: cleared, to key again; the entry's value is never shown
			assertThat(page.locator("#groups-verify-message")).containsText("区");
			assertThat(page.locator("#groups-verify-ward input")).isFocused();
			assertThat(page.locator("#groups-verify-ward input")).hasValue("");
			shot(page, "groups-03-verify-mismatch.png");
			typeAndEnter(page, "101");
			typeAndEnter(page, "D");
			typeAndEnter(page, "中区基町　基町集会所");
			typeAndEnter(page, "広島　太郎");
			typeAndEnter(page, "〒730-0011 広島市中区基町1-1");
			typeAndEnter(page, "082-245-1234");
			typeAndEnter(page, "基町集会所");
			assertThat(page.locator("#groups-verify-complete")).isFocused();
			assertThat(page.locator("#groups-verify-ward-note")).hasText("一致");
			shot(page, "groups-04-verify.png");
			page.keyboard().press("Enter");
			assertThat(page.locator("vaadin-notification-card").last()).containsText("ベリファイを完了しました");
		}
		long group = jdbc.sql("select group_id from group_form where id = :id and state = 'VERIFIED'").param("id", id)
				.query(Long.class).single();
		TallyITSupport.as("city1", () -> forms.approve(id, true, null), "CITY_STAFF");
		Stamp stamp = TallyITSupport.as("grp-a", () -> stamps.issue(group, 1), "OPERATOR").get(0);
		// A second group, keyed through the service, whose representative's address has no postcode.
		long other = TallyITSupport.as("grp-a", () -> forms.receive(GroupFormKind.REGISTER, null), "OPERATOR").id();
		GroupEntry entry = new GroupEntry("郵便番号のない会", "ユウビンバンゴウノナイカイ", "GENERAL", "105", List.of("D"),
				"安佐南区祇園 集会所", "番号　なし", "広島市安佐南区祇園2-2", "082-245-0000", null);
		TallyITSupport.as("grp-a", () -> forms.entry(other, entry), "OPERATOR");
		TallyITSupport.as("grp-b", () -> forms.verify(other, entry), "OPERATOR");
		TallyITSupport.as("city1", () -> forms.approve(other, true, null), "CITY_STAFF");
		long noPostcode = jdbc.sql("select group_id from group_form where id = :id").param("id", other)
				.query(Long.class).single();
		TallyITSupport.as("grp-a", () -> stamps.issue(noPostcode, 1), "OPERATOR");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "grp-a", "grp-a-pass-1");
			page.navigate("http://localhost:" + port + "/groups/stamps/scan");
			assertThat(page.locator("#groups-scan input")).isFocused();
			assertThat(page.locator("#groups-scan-remaining")).containsText("2");
			typeAndEnter(page, stamp.label());
			assertThat(page.locator("#groups-scan-log > div").first()).containsText("梱包済みにしました");
			assertThat(page.locator("#groups-scan-remaining")).containsText("1");
			typeAndEnter(page, stamp.label());
			assertThat(page.locator("#groups-scan-log > div").first()).containsText("梱包済みです");
			typeAndEnter(page, "4901234567894");
			assertThat(page.locator("#groups-scan-log > div").first()).containsText("ラベルではありません");
			assertThat(page.locator("#groups-scan input")).isFocused();
			shot(page, "groups-05-stamp-scan.png");

			// The centre's stamps go out as a mailing batch (第5章1, 2): one envelope per group; a group whose
			// representative's address has no postcode is left out with the reason.
			assertThat(page.locator("#groups-stamp-to-mail")).containsText("2");
			shot(page, "groups-05b-stamp-mailing-button.png");
			page.locator("#groups-stamp-mailing").click();
			page.waitForURL("**/mailings/batch/**");
			assertThat(page.locator("#mailing-heading")).containsText("活動団体スタンプ送付");
			assertThat(page.locator("#mailing-summary")).containsText("抽出済");
			assertThat(page.locator("#mailing-envelopes")).containsText("G" + group);
			assertThat(page.locator("#mailing-envelopes")).containsText("基町ふれあいサロン");
			assertThat(page.locator("#mailing-envelopes")).containsText("730-0011");
			assertThat(page.locator("#mailing-envelopes vaadin-grid-cell-content").filter(
					new com.microsoft.playwright.Locator.FilterOptions().setHasText("宛先番号")).first()).isVisible();
			assertThat(page.locator("#mailing-envelopes vaadin-grid-cell-content").filter(
					new com.microsoft.playwright.Locator.FilterOptions().setHasText("宛名番号"))).hasCount(0);
			shot(page, "groups-05c-stamp-mailing-batch-1280.png");
			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("除外した宛先")).click();
			assertThat(page.locator("#mailing-exclusions")).containsText("G" + noPostcode);
			assertThat(page.locator("#mailing-exclusions")).containsText("郵便番号なし");
			shot(page, "groups-05d-stamp-mailing-excluded-1280.png");
			page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
					new Page.GetByRoleOptions().setName("封入物・様式")).click();
			assertThat(page.locator("#mailing-checklist")).containsText("スタンプ");
			assertThat(page.locator("#mailing-checklist")).containsText("簡易書留");
			shot(page, "groups-05e-stamp-mailing-checklist-1280.png");
		}
		assertThat(jdbc.sql("select packed_by from group_stamp where number = :n").param("n", stamp.number())
				.query(String.class).single()).isEqualTo("grp-a");

		// An agent finds where a caller in 中区基町 can collect points: public fields only.
		Chromium.user(jdbc, encoder, "grp-agent", "受付 三子", "grp-agent-pass-1", "AGENT");
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "grp-agent", "grp-agent-pass-1");
			page.navigate("http://localhost:" + port + "/groups");
			page.locator("#groups-q input").fill("広島市中区基町10-1");
			page.keyboard().press("Enter");
			assertThat(page.locator("#groups-grid")).hasAttribute("data-count", "1");
			assertThat(page.locator("#groups-grid")).containsText("基町ふれあいサロン");
			page.locator("#groups-grid vaadin-grid-cell-content").filter(
					new com.microsoft.playwright.Locator.FilterOptions().setHasText("基町ふれあいサロン")).first().click();
			assertThat(page.locator("#groups-detail")).containsText("基町ふれあいサロン");
			assertThat(page.locator("#groups-representative")).hasCount(0);
			assertThat(page.locator("body")).not().containsText("082-245-1234");
			shot(page, "groups-06-agent-search.png");
		}
	}
}
