package jp.ikiiki.desk.payments.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The scanned 口座登録用紙 beside the entry fields in headless Chromium at 1280×720: the image right of the fields, the
 * pages turned by PageDown/PageUp with the keyboard staying in the field, the previous faulty form's faults shown where
 * the image is, and every page shown audited. Screenshots in target/screenshots/.
 */
@Import(TallyITSupport.Clocks.class)
class AccountFormImageBrowserIT extends BrowserTest {

	static final String A = "7791000001";
	static final String B = "7791000002";

	@Autowired
	SubjectImports imports;
	@Autowired
	AccountForms forms;
	@Autowired
	TallyITSupport.SettableClock clock;

	@BeforeEach
	void data() {
		clock.set(TallyITSupport.NOW);
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payable_year", "payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		TallyITSupport.importSubjects(imports, List.of(TallyITSupport.progress(A), TallyITSupport.progress(B)));
		Chromium.user(jdbc, encoder, "img-a", "画像 一子", "img-a-pass-1", "OPERATOR");
	}

	@Test
	void the_scan_is_shown_beside_the_entry_fields_with_its_pages_turned_by_the_keyboard() {
		TallyITSupport.as("op1", () -> forms.recordFaulty(A, List.of("口座名義の記入がありません"), null), "OPERATOR");
		long id = TallyITSupport.as("op1", () -> forms.receive(A, null), "OPERATOR").id();
		TallyITSupport.as("op1", () -> forms.attachImage(id, "scan.pdf", new ByteArrayInputStream(scan())), "OPERATOR");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "img-a", "img-a-pass-1");
			page.navigate("http://localhost:" + port + "/accounts/entry");
			assertThat(page.locator("#payments-entry-image-position")).containsText("イメージは取り込まれていません");
			assertThat(page.locator("#payments-entry-address input")).isFocused();
			page.keyboard().type(A);
			page.keyboard().press("Enter");
			assertThat(page.locator("#payments-entry-image img[data-page='1']")).isVisible();
			assertThat(page.locator("#payments-entry-image-position")).containsText("1 / 2 ページ");
			assertThat(page.locator("#payments-entry-image-problems")).containsText("口座名義の記入がありません");
			// The image is right of the fields, not below them, and inside the 1280-pixel window.
			var field = page.locator("#payments-entry-holderKana").boundingBox();
			var image = page.locator("#payments-entry-image img").boundingBox();
			assertThat(image.x).isGreaterThan(field.x + field.width);
			assertThat(image.y).isLessThan(field.y);
			assertThat(image.x + image.width).isLessThanOrEqualTo(1280);
			await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) page.locator("#payments-entry-image img")
					.evaluate("i => i.complete && i.naturalWidth > 0"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("payments-image-01-entry.png")));

			assertThat(page.locator("#payments-entry-bankCode input")).isFocused();
			page.keyboard().press("PageDown");
			assertThat(page.locator("#payments-entry-image img[data-page='2']")).isVisible();
			assertThat(page.locator("#payments-entry-image-position")).containsText("2 / 2 ページ");
			assertThat(page.locator("#payments-entry-bankCode input")).isFocused();
			await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) page.locator("#payments-entry-image img")
					.evaluate("i => i.complete && i.naturalWidth > 0"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("payments-image-02-page-2.png")));
			page.keyboard().press("PageUp");
			assertThat(page.locator("#payments-entry-image img[data-page='1']")).isVisible();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from audit_event where channel = '画面:口座登録用紙入力' and username = 'img-a'
				  and action = 'VIEW' and file_name = :f""").param("f", "form-" + id + ".pdf").query(Long.class).single())
				.isGreaterThanOrEqualTo(3));
	}

	@Test
	void a_scan_uploaded_on_the_entry_screen_receives_the_form_with_the_keyed_date_and_is_shown() throws Exception {
		var file = java.nio.file.Files.createTempFile("account-form-", ".pdf");
		java.nio.file.Files.write(file, scan());
		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "img-a", "img-a-pass-1");
			page.navigate("http://localhost:" + port + "/accounts/entry");
			assertThat(page.locator("#payments-entry-address input")).isFocused();
			page.keyboard().type(B);
			page.keyboard().press("Enter");
			assertThat(page.locator("#payments-entry-received input")).isFocused();
			page.keyboard().type("2026/6/12");
			Chromium.settled(page);
			page.locator("#payments-entry-upload input[type=file]").setInputFiles(file);
			assertThat(page.locator("#payments-entry-image img[data-page='1']")).isVisible();
			assertThat(page.locator("#payments-entry-image-position")).containsText("1 / 2 ページ");
			assertThat(page.locator("#payments-entry-image-problems")).isHidden();
			assertThat(page.locator("#payments-entry-received input")).isDisabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("payments-image-03-uploaded.png")));
		} finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		assertThat(jdbc.sql("select received_on from account_form where address_number = :a and image_pages = 2")
				.param("a", B).query(java.time.LocalDate.class).single()).isEqualTo(java.time.LocalDate.of(2026, 6, 12));
	}

	/** A two-page A4 scan: a form with boxes and a bankbook copy. */
	private static byte[] scan() {
		try (PDDocument doc = new PDDocument()) {
			var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			for (String title : List.of("KOZA TOROKU YOSHI", "TSUCHO NO UTSUSHI")) {
				PDPage p = new PDPage(PDRectangle.A4);
				doc.addPage(p);
				try (var c = new PDPageContentStream(doc, p)) {
					c.beginText();
					c.setFont(font, 28);
					c.newLineAtOffset(60, 760);
					c.showText(title);
					c.endText();
					for (int i = 0; i < 6; i++) {
						c.addRect(60, 640 - i * 80, 470, 60);
					}
					c.stroke();
				}
			}
			var out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
