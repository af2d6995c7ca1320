package jp.ikiiki.desk.mailings;

import jp.ikiiki.desk.shared.JapanTime;
import static jp.ikiiki.desk.mailings.MailingTestData.index;
import static jp.ikiiki.desk.mailings.MailingTestData.progress;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Mailing batches printed by the real {@code printing.PrintFiles} (no stand-in), through the background job as the
 * operator starts it: the PDFs written to the batch's directory are read back page by page (PDFBox text) and one page
 * of each is rasterised ({@code pdftoppm -r 300}) and its barcodes decoded (ZXing) and compared with the data. The
 * PNGs stay in {@code target/mailing-print-samples} to look at.
 */
@SpringBootTest
@WithMockUser(username = "mail-op", roles = "OPERATOR")
class MailingPrintIT {

	static final String CHANNEL = "テスト";
	static final int DPI = 300;
	static final Path SAMPLES = Path.of("target/mailing-print-samples");

	@Autowired Mailings mailings;
	@Autowired MailingJobs jobs;
	@Autowired SubjectImports imports;
	@Autowired CharacterDecisions decisions;
	@Autowired JdbcClient jdbc;
	@Autowired MailingsProperties properties;
	@Autowired PrintFiles printFiles;
	@Autowired javax.sql.DataSource dataSource;

	@BeforeEach
	void clean() throws Exception {
		MailingTestData.clear(jdbc);
		jdbc.sql("delete from print_character_decision where subject_id like '779%'").update();
		Files.createDirectories(SAMPLES);
	}

	/**
	 * A new batch with an empty output directory: the test database is new on every run while the directory in
	 * {@code target} is not, so an earlier run's files of the same batch id are removed first.
	 */
	private long create(NewBatch batch) throws Exception {
		long id = mailings.create(batch, CHANNEL);
		Path dir = properties.outputDir().resolve("batch-" + id);
		if (Files.isDirectory(dir)) {
			try (Stream<Path> s = Files.list(dir)) {
				for (Path f : s.toList()) {
					Files.delete(f);
				}
			}
		}
		return id;
	}

	/** Starts the step as the operator's screen does (on the task executor) and waits for its end. */
	private MailingJobs.Status run(long batchId, MailingJobs.Step step) throws InterruptedException {
		jobs.start(batchId, step, CHANNEL);
		return org.awaitility.Awaitility.await("job " + step + " of batch " + batchId + " ends")
				.atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(50)).pollInSameThread()
				.until(() -> jobs.status(batchId).orElseThrow(), s -> s.state() != MailingJobs.State.RUNNING);
	}

	private List<Path> files(long batchId) throws Exception {
		Path dir = properties.outputDir().resolve("batch-" + batchId);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().toList();
		}
	}

	/** The text of each page, whitespace removed (the layouts put full-width spaces between label and value). */
	private static List<String> pages(Path pdf) throws Exception {
		return pages(Files.readAllBytes(pdf));
	}

	private static List<String> pages(byte[] pdf) throws Exception {
		List<String> out = new ArrayList<>();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripper();
			for (int p = 1; p <= doc.getNumberOfPages(); p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				out.add(stripper.getText(doc).replaceAll("[\\s\u3000]", ""));
			}
		}
		return out;
	}

	@Test
	void a_reissue_booklet_batch_prints_covers_marked_reissue_and_notices_with_the_address_block() throws Exception {
		MailingTestData.importProgress(imports, List.of(
				progress("77900001", "730-0013", "氏名漢字", "山田　太郎", "方書漢字", "基町ハイツ201"),
				progress("77900002", "734-0014", "氏名漢字", "佐藤　一郎")));
		long id = create(new NewBatch("BOOKLET_REISSUE", "再交付 印刷", 0, List.of("77900001", "77900002"),
				List.of()));
		assertThat(run(id, MailingJobs.Step.SELECT).state()).isEqualTo(MailingJobs.State.DONE);

		MailingJobs.Status printed = run(id, MailingJobs.Step.PRINT);

		// The printing services require OPERATOR: DONE means the job's thread carried the operator's security context.
		assertThat(printed.state()).as(printed.message()).isEqualTo(MailingJobs.State.DONE);
		assertThat(mailings.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
		List<Path> files = files(id);
		assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
				"batch-" + id + "-bundle-0001-booklet-cover.pdf", "batch-" + id + "-bundle-0001-booklet-issue-notice.pdf");

		// Postcode order: 730-0013 before 734-0014.
		List<String> covers = pages(files.get(0));
		assertThat(covers).hasSize(2);
		assertThat(covers.get(0)).contains(PrintFields.MARK_REISSUE, "山田太郎", "申請書管理番号K77900001");
		assertThat(covers.get(1)).contains(PrintFields.MARK_REISSUE, "佐藤一郎", "申請書管理番号K77900002");

		String issued = JapaneseDates.toEraKanji(LocalDate.now(JapanTime.ZONE));
		List<String> notices = pages(files.get(1));
		assertThat(notices).hasSize(2);
		assertThat(notices.get(0)).contains("〒730-0013", "広島市中区基町1番1号", "基町ハイツ201", "山田太郎様",
				"管理番号K77900001", issued, "ポイント手帳交付通知書").doesNotContain(PrintFields.MARK_REISSUE);
		assertThat(notices.get(1)).contains("〒734-0014", "佐藤一郎様", "管理番号K77900002", issued);

		BufferedImage cover = rasterise(files.get(0), "reissue-booklet-cover");
		assertThat(decode(cover, "booklet-cover", PrintFields.APPLICATION_NUMBER)).isEqualTo("K77900001");
		BufferedImage notice = rasterise(files.get(1), "reissue-booklet-issue-notice");
		assertThat(decode(notice, "booklet-issue-notice", PrintFields.APPLICATION_NUMBER)).isEqualTo("K77900001");
	}

	/**
	 * A second node, simulated: its print run of the batch holds the batch's lock (7403, batch id) on a session of
	 * its own and records itself, as {@code BackgroundMailingJobs} does on that node.
	 */
	@Test
	void a_print_run_held_by_another_node_is_refused_and_after_that_node_dies_it_resumes_without_writing_a_bundle_twice()
			throws Exception {
		MailingTestData.importProgress(imports, List.of(progress("77900011", "730-0013", "氏名漢字", "山田　花子"),
				progress("77900012", "734-0014", "氏名漢字", "佐藤　次郎")));
		long id = create(new NewBatch("BOOKLET_REISSUE", "再交付 二重防止", 1, List.of("77900011", "77900012"),
				List.of()));
		assertThat(run(id, MailingJobs.Step.SELECT).state()).isEqualTo(MailingJobs.State.DONE);
		Path dir = properties.outputDir().resolve("batch-" + id);
		Files.createDirectories(dir);
		try (java.sql.Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(true);
			try (var s = otherNode.createStatement()) {
				s.execute("select pg_advisory_lock(7403, " + id + ")");
				s.execute("insert into mailing_batch_job (batch_id, step, state, node, started_by, message, started_at) "
						+ "values (" + id + ", 'PRINT', 'RUNNING', 'node-b', 'op-b', '束 1 / 2 を作成しています', "
						+ "timestamptz '2026-12-05 10:00+09') on conflict (batch_id) do update set step = excluded.step, "
						+ "state = excluded.state, node = excluded.node, started_by = excluded.started_by, "
						+ "message = excluded.message, started_at = excluded.started_at, ended_at = null");
			}
			// The other node's screen shows the run; a start here is refused, naming the node; nothing is written.
			assertThat(jobs.status(id).orElseThrow()).satisfies(st -> {
				assertThat(st.state()).isEqualTo(MailingJobs.State.RUNNING);
				assertThat(st.message()).contains("node-b");
			});
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.start(id, MailingJobs.Step.PRINT, CHANNEL))
					.isInstanceOf(jp.ikiiki.desk.shared.StateConflictException.class)
					.hasMessageContaining("バッチ " + id + " では印刷ファイル作成が別のノード（node-b）で実行中です")
					.hasMessageContaining("12/5 10:00 開始、op-b");
			assertThat(files(id)).isEmpty();
			// What it leaves when killed: bundle 1's file moved into place but not yet committed, bundle 2 half-written.
			Files.writeString(dir.resolve("batch-" + id + "-bundle-0001-booklet-cover.pdf"), "not a whole pdf");
			Files.writeString(dir.resolve("batch-" + id + "-bundle-0002-booklet-cover.pdf.tmp"), "half");
		} // the node's session ends: its lock goes with it

		MailingJobs.Status started = jobs.start(id, MailingJobs.Step.PRINT, CHANNEL);
		assertThat(started.message()).contains("ノード node-b の停止により印刷ファイル作成が中断されました",
				"残りの束から作成します");
		MailingJobs.Status printed = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
				.pollInterval(java.time.Duration.ofMillis(50)).pollInSameThread()
				.until(() -> jobs.status(id).orElseThrow(), st -> st.state() != MailingJobs.State.RUNNING);
		assertThat(printed.state()).as(printed.message()).isEqualTo(MailingJobs.State.DONE);
		assertThat(printed.print().written()).isEqualTo(2);
		// Each bundle once, whole: the uncommitted file was written again under its name, the temporary one removed.
		assertThat(files(id)).extracting(p -> p.getFileName().toString()).containsExactly(
				"batch-" + id + "-bundle-0001-booklet-cover.pdf", "batch-" + id + "-bundle-0001-booklet-issue-notice.pdf",
				"batch-" + id + "-bundle-0002-booklet-cover.pdf", "batch-" + id + "-bundle-0002-booklet-issue-notice.pdf");
		assertThat(pages(files(id).get(0))).singleElement().asString().contains("山田花子");
		assertThat(jdbc.sql("select state || ' ' || node from mailing_batch_job where batch_id = :id").param("id", id)
				.query(String.class).single()).startsWith("DONE ");
		assertThat(jdbc.sql("select count(*) from audit_event where detail like :d")
				.param("d", "郵送バッチ " + id + " ノード node-b の停止により%").query(Integer.class).single()).isEqualTo(1);
		// Once written, a bundle is not written again by a later start either.
		assertThat(jdbc.sql("select count(*) from mailing_bundle where batch_id = :id and written_at is not null")
				.param("id", id).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void a_grant_notice_batch_prints_the_registered_number_formatted_and_as_a_codabar_and_the_amount()
			throws Exception {
		MailingTestData.importIndex(imports, List.of(
				index("77910001", "733-0815", "氏名漢字", "鈴木　花子"),
				index("77910002", "730-0011", "氏名漢字", "高橋　次郎")));
		long id = create(new NewBatch("GRANT_NOTICE", "交付決定 印刷", 0, List.of("77910001", "77910002"),
				List.of()));
		assertThat(run(id, MailingJobs.Step.SELECT).state()).isEqualTo(MailingJobs.State.DONE);
		mailings.addRegisteredRange("7860030000", "7860030009", CHANNEL);

		MailingJobs.Status printed = run(id, MailingJobs.Step.PRINT);

		assertThat(printed.state()).as(printed.message()).isEqualTo(MailingJobs.State.DONE);
		List<Envelope> envelopes = mailings.envelopes(id, 0, 10, CHANNEL);
		assertThat(envelopes).extracting(Envelope::subjectId).containsExactly("77910002", "77910001");
		String first = "7860030000" + 7860030000L % 7;
		String second = "7860030001" + 7860030001L % 7;
		assertThat(envelopes).extracting(Envelope::registeredNumber).containsExactly(first, second);

		List<Path> files = files(id);
		assertThat(files).extracting(p -> p.getFileName().toString())
				.containsExactly("batch-" + id + "-bundle-0001-grant-notice.pdf");
		List<String> pages = pages(files.get(0));
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).contains("〒730-0011", "高橋次郎様", "管理番号K77910002",
				"書留引受番号786-00-30000-" + 7860030000L % 7, "タクシー券", "10,000円");
		assertThat(pages.get(1)).contains("〒733-0815", "鈴木花子様", "管理番号K77910001",
				"書留引受番号786-00-30001-" + 7860030001L % 7, "10,000円");

		BufferedImage page = rasterise(files.get(0), "grant-notice");
		assertThat(decode(page, "grant-notice", PrintFields.APPLICATION_NUMBER)).isEqualTo("K77910002");
		assertThat(decode(page, "grant-notice", PrintFields.REGISTERED_MAIL_NUMBER)).isEqualTo(first);
	}

	@Test
	void an_unprintable_character_in_a_name_stops_the_run_until_the_city_decides_and_then_it_completes()
			throws Exception {
		MailingTestData.importProgress(imports, List.of(
				progress("77920001", "730-0013", "氏名漢字", "山〓　太郎"),
				progress("77920002", "730-0014", "氏名漢字", "川上　花子")));
		long id = create(new NewBatch("BOOKLET_REISSUE", "外字 印刷", 0, List.of("77920001", "77920002"),
				List.of()));
		mailings.select(id, MailingProgress.NONE, CHANNEL);

		MailingJobs.Status stopped = run(id, MailingJobs.Step.PRINT);

		assertThat(stopped.state()).as(stopped.message()).isEqualTo(MailingJobs.State.UNDECIDED);
		assertThat(stopped.print().outcome()).isEqualTo(PrintRun.Outcome.UNDECIDED);
		assertThat(stopped.print().undecided()).extracting(UnprintableText::subjectId, UnprintableText::field)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("77920001", PrintFields.NAME));
		assertThat(files(id)).isEmpty();
		assertThat(mailings.batch(id).orElseThrow().bundlesWritten()).isZero();

		decisions.record(CharacterDecision.replace("77920001", PrintFields.NAME, "〓", "崎", "市の指示 テスト"), CHANNEL);
		MailingJobs.Status done = run(id, MailingJobs.Step.PRINT);

		assertThat(done.state()).as(done.message()).isEqualTo(MailingJobs.State.DONE);
		List<Path> files = files(id);
		assertThat(files).hasSize(2);
		for (Path f : files) {
			List<String> pages = pages(f);
			assertThat(pages).hasSize(2);
			assertThat(pages.get(0)).contains("山崎太郎").doesNotContain("〓");
			assertThat(pages.get(1)).contains("川上花子");
		}
	}

	@Test
	void an_address_the_customer_barcode_rules_cannot_handle_is_listed_with_its_reason_after_the_print_run()
			throws Exception {
		MailingTestData.importProgress(imports, List.of(
				progress("77940001", "730-0011", "氏名漢字", "山田　太郎"),
				// No address number at all: no customer barcode, listed with the reason.
				progress("77940002", "730-0011", "氏名漢字", "佐藤　一郎", "住所漢字", "広島市中区基町　番地なし"),
				progress("77940003", "734-0014", "氏名漢字", "川上　花子"),
				// A town named with numerals: cut off by the postcode's 町域, so it gets its barcode.
				progress("77940004", "730-0013", "氏名漢字", "八木　次郎", "住所漢字", "広島市中区八丁堀3-1")));
		long id = create(new NewBatch("BOOKLET_REISSUE", "バーコードなし 印刷", 1,
				List.of("77940001", "77940002", "77940003", "77940004"), List.of()));
		assertThat(run(id, MailingJobs.Step.SELECT).state()).isEqualTo(MailingJobs.State.DONE);
		assertThat(mailings.missingCustomerBarcodes(id, CHANNEL)).isEmpty();

		MailingJobs.Status printed = run(id, MailingJobs.Step.PRINT);

		assertThat(printed.state()).as(printed.message()).isEqualTo(MailingJobs.State.DONE);
		List<MissingBarcodeEnvelope> missing = mailings.missingCustomerBarcodes(id, CHANNEL);
		assertThat(missing).singleElement().satisfies(m -> {
			assertThat(m.subjectId()).isEqualTo("77940002");
			assertThat(m.bundleNo()).isEqualTo(2);
			assertThat(m.bundleSeq()).isEqualTo(1);
			assertThat(m.pulled()).isFalse();
			assertThat(m.reason()).contains("住所表示番号");
		});
		// The envelope is printed all the same, address and all.
		List<String> notice = pages(properties.outputDir().resolve("batch-" + id)
				.resolve("batch-" + id + "-bundle-0002-booklet-issue-notice.pdf"));
		assertThat(notice).singleElement().asString().contains("広島市中区基町番地なし", "佐藤一郎様");

		// A bundle written again (e.g. after its file was lost) replaces its rows instead of adding to them.
		jdbc.sql("update mailing_bundle set written_at = null where batch_id = :id").param("id", id).update();
		assertThat(run(id, MailingJobs.Step.PRINT).state()).isEqualTo(MailingJobs.State.DONE);
		assertThat(mailings.missingCustomerBarcodes(id, CHANNEL)).extracting(MissingBarcodeEnvelope::subjectId)
				.containsExactly("77940002");
		assertThat(jdbc.sql("select count(*) from mailing_missing_customer_barcode where batch_id = :id")
				.param("id", id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void every_kind_fills_every_required_field_of_every_form_it_prints() throws Exception {
		var subject = new MailingSubject("77930001", "K77930001", "広島　花子", "ヒロシマ　ハナコ", "7300011",
				"広島市中区基町1番1号", "基町ハイツ201", true, true, false, null, false, false, false, null, "転入",
				"タクシー券", "要介護認定なし");
		for (MailingKind kind : mailings.kinds()) {
			if (kind.audience() == MailingKind.Audience.GIVEN || kind.audience() == MailingKind.Audience.GIVEN_ADDRESSES) {
				// Its values per person come with the batch from the module that makes it (the points notices from the
				// notice run, the groups' stamps from the groups, whose tests print them), not from the subject alone.
				continue;
			}
			Map<String, String> fields = new java.util.HashMap<>(kind.fields(subject, kind.countsReissues() ? 1 : 0));
			// What the batch adds to every envelope, and to registered mail once its 引受番号 is assigned.
			fields.put(PrintFields.ISSUE_DATE, "令和8年9月1日");
			if (kind.registeredMail()) {
				fields.put(PrintFields.REGISTERED_MAIL_NUMBER, "786-00-30000-4");
			}
			for (String form : kind.forms()) {
				var out = new java.io.ByteArrayOutputStream();
				printFiles.render(form, List.of(new PrintItem(subject.addressNumber(), fields)), out);
				List<String> text = pages(out.toByteArray());
				assertThat(text).as(kind.code() + " " + form).singleElement().asString().contains("広島花子");
			}
		}
	}

	// ---------------------------------------------------------------- images

	private static BufferedImage rasterise(Path pdf, String name) throws Exception {
		Path prefix = SAMPLES.resolve(name);
		Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf(DPI), "-png", "-f", "1", "-l", "1",
				"-singlefile", pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
		return ImageIO.read(SAMPLES.resolve(name + ".png").toFile());
	}

	/** Decodes the barcode of a field in the area the form's layout gives it (with a quiet zone around). */
	private static String decode(BufferedImage page, String form, String field) throws Exception {
		JsonNode barcode = null;
		try (InputStream in = MailingPrintIT.class.getResourceAsStream("/forms/" + form + ".json")) {
			for (JsonNode b : new ObjectMapper().readTree(in).path("barcodes")) {
				if (b.path("field").asText().equals(field)) {
					barcode = b;
				}
			}
		}
		assertThat(barcode).as(form + " has a barcode of " + field).isNotNull();
		double xMm = barcode.path("xMm").asDouble();
		double yMm = barcode.path("yMm").asDouble();
		int x = Math.max(0, px(xMm - 5));
		int y = Math.max(0, px(yMm - 2));
		int w = Math.min(page.getWidth() - x, px(85));
		int h = Math.min(page.getHeight() - y, px(barcode.path("heightMm").asDouble() + 4));
		BufferedImage area = page.getSubimage(x, y, w, h);
		Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS,
				List.of(BarcodeFormat.valueOf(barcode.path("symbology").asText("CODE_128"))), DecodeHintType.TRY_HARDER,
				true);
		return new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(area))), hints).getText();
	}

	private static int px(double mm) {
		return (int) Math.round(mm / 25.4 * DPI);
	}
}
