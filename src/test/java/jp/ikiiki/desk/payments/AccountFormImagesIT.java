package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The scanned 口座登録用紙 (第10章3) against the embedded PostgreSQL: received, its scan checked and kept (PDF or image),
 * refused with the reason, shown page by page with every showing audited, and shredded at the end-of-contract erasure.
 * Clock pinned to 2026-06-15 10:00 Japan time (the tally's test support).
 */
class AccountFormImagesIT extends TallyITSupport {

	static final String A = "0000710001";
	static final String B = "0000710002";

	@Autowired
	AccountForms forms;
	@Autowired
	PaymentsProperties payments;
	@Autowired
	List<PersonalDataStore> stores;
	@Autowired
	MockMvc mvc;

	@BeforeEach
	void subjects() {
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		importSubjects(List.of(progress(A), progress(B)));
	}

	@Test
	void a_scanned_form_is_uploaded_kept_and_each_page_shown_is_audited() throws Exception {
		long id = as("op1", () -> forms.receive(A, june(10)), "OPERATOR").id();
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).param("fileName", "scan 0001.pdf")
				.contentType(MediaType.APPLICATION_PDF).content(pdf(2, false))
				.with(user("op1").roles("OPERATOR")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.imagePages").value(2))
				.andExpect(jsonPath("$.receivedOn").value("2026-06-10"));
		assertThat(Files.exists(payments.formImages().dir().resolve("form-" + id + ".pdf"))).isTrue();
		assertThat(jdbc.sql("select image_original from account_form where id = :id").param("id", id)
				.query(String.class).single()).isEqualTo("scan 0001.pdf");

		byte[] png = mvc.perform(get("/api/payments/account-forms/{id}/image", id).param("page", "2")
				.with(user("fm1").roles("FLOOR_MANAGER")))
				.andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isGreaterThan(500);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where channel = 'GET /api/payments/account-forms/{id}/image'
				  and username = 'fm1' and action = 'VIEW' and file_name = :f and :a = any(subject_ids)""")
				.param("f", "form-" + id + ".pdf").param("a", A).query(Long.class).single()).isEqualTo(1);
		// No third page; an agent may not see the scan.
		mvc.perform(get("/api/payments/account-forms/{id}/image", id).param("page", "3")
				.with(user("op1").roles("OPERATOR"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/payments/account-forms/{id}/image", id).with(user("ag1").roles("AGENT")))
				.andExpect(status().isForbidden());

		// The entry and verify go on as before; the scan stays with the form, and a verified form's scan is not replaced.
		as("op1", () -> forms.entry(A, AccountEntry.bank("0001", "001", "普通", "1234567", "ヤマダ タロウ"), null), "OPERATOR");
		AccountForms.VerifyResult v = as("op2", () -> forms.verify(A, AccountEntry.bank("0001", "001", "1", "1234567",
				"ﾔﾏﾀﾞ ﾀﾛｳ")), "OPERATOR");
		assertThat(v.form().state()).isEqualTo(AccountFormState.VERIFIED);
		assertThat(v.form().imagePages()).isEqualTo(2);
		assertThatThrownBy(() -> as("op1", () -> forms.attachImage(id, "again.pdf",
				new ByteArrayInputStream(pdf(1, false))), "OPERATOR")).isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_scanner_image_is_kept_as_one_page_and_a_better_scan_replaces_it_before_the_verify() throws Exception {
		long id = as("op1", () -> forms.receive(B, null), "OPERATOR").id();
		AccountForm f = as("op1", () -> forms.attachImage(id, "scan.jpg", new ByteArrayInputStream(jpeg())), "OPERATOR");
		assertThat(f.imagePages()).isEqualTo(1);
		assertThat(f.receivedOn()).isEqualTo(june(15));
		byte[] png = as("op1", () -> forms.imagePage(id, 1, "test"), "OPERATOR");
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		Path dir = payments.formImages().dir();
		f = as("op1", () -> forms.attachImage(id, "scan.pdf", new ByteArrayInputStream(pdf(1, false))), "OPERATOR");
		assertThat(Files.exists(dir.resolve("form-" + id + ".jpg"))).isFalse();
		assertThat(Files.exists(dir.resolve("form-" + id + ".pdf"))).isTrue();
	}

	@Test
	void a_file_that_is_no_scan_too_large_or_encrypted_is_refused_with_the_reason_and_nothing_is_kept() throws Exception {
		long id = as("op1", () -> forms.receive(A, null), "OPERATOR").id();
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).contentType(MediaType.TEXT_PLAIN)
				.content("口座登録用紙".getBytes(StandardCharsets.UTF_8)).with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value("PDFまたは画像（PNG・JPEG・TIFF）のファイルではありません"));
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).contentType(MediaType.APPLICATION_PDF)
				.content(pdf(1, true)).with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value("暗号化されたPDFは取り込めません"));
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).contentType(MediaType.APPLICATION_PDF)
				.content("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)).with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.reason").value("PDFとして読めません"));
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).contentType(MediaType.APPLICATION_PDF)
				.content(pdf(payments.formImages().maxPages() + 1, false)).with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.startsWith("ページが多すぎます")));
		long max = payments.formImages().maxBytes();
		assertThatThrownBy(() -> as("op1", () -> forms.attachImage(id, "huge.pdf", pdfHeaderThenZeros(max + 1)),
				"OPERATOR")).isInstanceOf(InvalidInputException.class)
				.hasMessage("ファイルが大きすぎます（上限 " + max / 1_000_000 + " MB）");
		mvc.perform(put("/api/payments/account-forms/{id}/image", 999_999).contentType(MediaType.APPLICATION_PDF)
				.content(pdf(1, false)).with(user("op1").roles("OPERATOR"))).andExpect(status().isNotFound());
		mvc.perform(put("/api/payments/account-forms/{id}/image", id).contentType(MediaType.APPLICATION_PDF)
				.content(pdf(1, false)).with(user("ag1").roles("AGENT"))).andExpect(status().isForbidden());

		assertThat(jdbc.sql("select image_pages from account_form where id = :id").param("id", id).query(Integer.class)
				.single()).isZero();
		try (var files = Files.list(payments.formImages().dir())) {
			assertThat(files.map(p -> p.getFileName().toString()))
					.noneMatch(n -> n.startsWith("form-" + id + ".") || n.endsWith(".part"));
		}
		mvc.perform(get("/api/payments/account-forms/{id}/image", id).with(user("op1").roles("OPERATOR")))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.reason").value("口座登録用紙 " + id + " のイメージはありません"));
	}

	@Test
	void a_form_is_received_over_the_api_once_and_an_unknown_person_is_refused() throws Exception {
		String body = "{\"addressNumber\":\"" + A + "\",\"receivedOn\":\"2026-06-12\"}";
		String first = mvc.perform(post("/api/payments/account-forms").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(user("op1").roles("OPERATOR"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("RECEIVED")).andExpect(jsonPath("$.imagePages").value(0))
				.andReturn().getResponse().getContentAsString();
		String again = mvc.perform(post("/api/payments/account-forms").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(user("op1").roles("OPERATOR"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(again).isEqualTo(first);
		mvc.perform(post("/api/payments/account-forms").contentType(MediaType.APPLICATION_JSON)
				.content("{\"addressNumber\":\"0000719999\"}").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isNotFound());
	}

	@Test
	void the_erasure_counts_and_shreds_the_scans_with_the_forms() throws Exception {
		long a = as("op1", () -> forms.receive(A, null), "OPERATOR").id();
		long b = as("op1", () -> forms.receive(B, null), "OPERATOR").id();
		as("op1", () -> forms.attachImage(a, "a.pdf", new ByteArrayInputStream(pdf(1, false))), "OPERATOR");
		as("op1", () -> forms.attachImage(b, "b.jpg", new ByteArrayInputStream(jpeg())), "OPERATOR");
		PersonalDataStore store = stores.stream().filter(s -> s.module().equals("payments")).findFirst().orElseThrow();
		var images = store.kinds().stream().filter(k -> k.key().equals("payments.form_images")).findFirst().orElseThrow();
		Path dir = payments.formImages().dir();
		long before;
		try (var files = Files.list(dir)) {
			before = files.count();
		}
		assertThat(store.count(images)).isEqualTo(before).isGreaterThanOrEqualTo(2);
		store.erase();
		assertThat(store.count(images)).isZero();
		assertThat(Files.exists(dir.resolve("form-" + a + ".pdf"))).isFalse();
		assertThat(Files.exists(dir.resolve("form-" + b + ".jpg"))).isFalse();
		assertThat(store.kinds()).allSatisfy(k -> assertThat(store.count(k)).as(k.key()).isZero());
	}

	/** A scanned form: {@code pages} A4 pages, optionally encrypted with a user password. */
	static byte[] pdf(int pages, boolean encrypted) {
		try (PDDocument doc = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				doc.addPage(new PDPage(PDRectangle.A4));
			}
			if (encrypted) {
				var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
				policy.setEncryptionKeyLength(128);
				doc.protect(policy);
			}
			var out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static byte[] jpeg() {
		var image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1240, 1754);
		g.setColor(Color.BLACK);
		g.drawRect(100, 100, 1040, 400);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** {@code %PDF-} and then zeros, {@code length} bytes in all, made as they are read (nothing held in memory). */
	static InputStream pdfHeaderThenZeros(long length) {
		byte[] head = "%PDF-".getBytes(StandardCharsets.US_ASCII);
		return new InputStream() {
			long position;

			@Override
			public int read() {
				if (position >= length) {
					return -1;
				}
				return position < head.length ? head[(int) position++] : (int) (0 * position++);
			}
		};
	}
}
