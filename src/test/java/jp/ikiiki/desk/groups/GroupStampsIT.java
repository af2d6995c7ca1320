package jp.ikiiki.desk.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stamps for registered groups (第5章2, 3): numbers from the sequence, the city posting for medical institutions,
 * pharmacies and multi-stamp groups, labels whose barcode reads back, packing scans refused with their reason, the
 * stamp-number data and the registration notice; the centre's stamps mailed as batches of the mailings module
 * (第5章1, 2), the city's never.
 */
class GroupStampsIT extends GroupsITSupport {

	@Test
	void stamps_are_issued_from_the_sequence_labelled_scanned_when_packed_and_listed_for_the_city() throws Exception {
		long salon = registered(general("基町ふれあいサロン", "モトマチフレアイサロン", 101, "中区基町 基町集会所"));
		long club = registered(general("=cmd体操クラブ", "タイソウクラブ", 105, "安佐南区祇園 公民館"));
		long pharmacy = registered(entry("祇園調剤薬局", "ギオンチョウザイヤッキョク", GroupCategory.PHARMACY, 105,
				List.of("B"), "安佐南区祇園1-1-1", "薬師　花子", "広島市安佐南区祇園1-1-1", "082-111-2222", null));

		List<Stamp> one = as("op1", () -> stamps.issue(salon, 1), "OPERATOR");
		List<Stamp> several = as("op1", () -> stamps.issue(club, 3), "OPERATOR");
		List<Stamp> medical = as("op1", () -> stamps.issue(pharmacy, 1), "OPERATOR");
		assertThat(one).singleElement().satisfies(s -> assertThat(s.postedBy()).isEqualTo("CENTRE"));
		assertThat(several).extracting(Stamp::postedBy).containsOnly("CITY");
		assertThat(medical).extracting(Stamp::postedBy).containsOnly("CITY");
		assertThat(several).extracting(Stamp::number).containsExactly(one.get(0).number() + 1,
				one.get(0).number() + 2, one.get(0).number() + 3);
		assertThat(one.get(0).label()).matches("GS[0-9]{7}");

		// A number is never reused: the group's stamps stay when it is deleted, the next group gets the next number.
		assertThat(as("op1", () -> stamps.toPack(), "OPERATOR")).extracting(Stamp::number)
				.containsExactly(one.get(0).number());

		// The label's barcode reads back as the number.
		byte[] labels = as("op1", () -> stamps.labels(List.of(one.get(0).number()), "test"), "OPERATOR");
		try (var pdf = Loader.loadPDF(labels)) {
			var image = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
			var read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
					new BufferedImageLuminanceSource(image))), java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
							true, com.google.zxing.DecodeHintType.POSSIBLE_FORMATS,
							List.of(com.google.zxing.BarcodeFormat.CODE_128)));
			assertThat(read.getText()).isEqualTo(one.get(0).label());
		}

		// Packing: the label read → packed; again, a city-posted stamp, an unknown number and a wrong label refused.
		Stamp packed = as("op3", () -> stamps.pack(" " + one.get(0).label().toLowerCase() + " "), "OPERATOR");
		assertThat(packed.packedBy()).isEqualTo("op3");
		assertThat(packed.packedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> as("op3", () -> stamps.pack(one.get(0).label()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("梱包済み").hasMessageContaining("op3");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack(several.get(0).label()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("市が送付");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack("GS9999999"), "OPERATOR"))
				.isInstanceOf(NotFoundException.class).hasMessageContaining("交付されていません");
		assertThatThrownBy(() -> as("op3", () -> stamps.pack("4901234567894"), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("ラベルではありません");
		assertThat(as("op1", () -> stamps.toPack(), "OPERATOR")).isEmpty();

		// The stamp-number data for the city: every stamp of the month, who posts it, a formula neutralised.
		String csv = new String(as("city1", () -> stamps.dataFile(YearMonth.of(2026, 6), "test"), "CITY_STAFF"),
				StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(1 + 5);
		assertThat(csv).contains(one.get(0).label() + "," + salon + ",基町ふれあいサロン")
				.contains("'=cmd体操クラブ").contains("市が送付").contains("受注者が送付,2026-06-15 10:00");
		assertThat(csv).doesNotContain("082-111-2222", "薬師");

		// Issuing needs a registered group and a sensible count.
		assertThatThrownBy(() -> as("op1", () -> stamps.issue(salon, 0), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		GroupForm pending = keyed(GroupFormKind.REGISTER, null, general("申請中の会", "シンセイチュウノカイ", 101, "中区"));
		assertThatThrownBy(() -> as("op1", () -> stamps.issue(pending.groupId(), 1), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("登録されていない");

		// The registration notice prints the group, its representative and the numbers.
		byte[] notice = as("op1", () -> stamps.registrationNotice(club, "test"), "OPERATOR");
		try (var pdf = Loader.loadPDF(notice)) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("活動団体登録通知書").contains("=cmd体操クラブ").contains("広島 太郎".replace(' ', '　'))
					.contains(several.get(0).label()).contains(several.get(2).label());
		}
		assertThat(as("op1", () -> groups.history(club), "OPERATOR")).extracting(GroupHistoryEntry::event)
				.containsExactly("REGISTER_VERIFIED", "REGISTERED", "STAMPS_ISSUED");
	}

	@Autowired
	private Mailings mailings;
	@Autowired
	private MailingsProperties mailingProperties;
	@Autowired
	private MockMvc mvc;

	private static GroupEntry addressed(String name, String kana, String repAddress) {
		return entry(name, kana, GroupCategory.GENERAL, 101, List.of("D"), "中区 集会所", "代表　" + kana.substring(0, 2),
				repAddress, "082-245-1234", null);
	}

	/** The envelopes' keys of a batch, in postcode order. */
	private List<String> keys(long batchId) {
		return as("op1", () -> mailings.envelopes(batchId, 0, 100, "test"), "OPERATOR").stream()
				.map(Envelope::subjectId).toList();
	}

	private Stamp stampOf(long groupId) {
		return as("op1", () -> stamps.of(groupId), "OPERATOR").get(0);
	}

	@Test
	void the_centres_stamps_are_mailed_as_a_batch_printed_pulled_out_dispatched_and_recorded_and_the_citys_never()
			throws Exception {
		// Nothing to mail yet: 409 with the reason.
		mvc.perform(post("/api/groups/stamp-mailings").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(
						org.hamcrest.Matchers.containsString("送付するスタンプがありません")));
		long naka = registered(addressed("基町ふれあいサロン", "モトマチサロン", "〒730-0011 広島市中区基町1-1"));
		long minami = registered(addressed("皆実町体操の会", "ミナミマチタイソウ", "734-0007　広島市南区皆実町2-2-2"));
		long nishi = registered(addressed("己斐いきいき会", "コイイキイキ", "〒７３３－０８１５広島市西区己斐上3-3"));
		long noPostcode = registered(addressed("住所不明の会", "ジュウショフメイ", "広島市中区基町1-1"));
		long pharmacy = registered(entry("祇園調剤薬局", "ギオンチョウザイヤッキョク", GroupCategory.PHARMACY, 105,
				List.of("B"), "安佐南区祇園1-1-1", "薬師　花子", "〒731-0138 広島市安佐南区祇園1-1-1", "082-111-2222", null));
		long several = registered(addressed("複数スタンプの会", "フクスウスタンプ", "〒730-0012 広島市中区上八丁堀4-4"));
		for (long g : List.of(naka, minami, nishi, noPostcode, pharmacy)) {
			as("op1", () -> stamps.issue(g, 1), "OPERATOR");
		}
		as("op1", () -> stamps.issue(several, 2), "OPERATOR");
		assertThat(as("op1", () -> stamps.toMail(), "OPERATOR")).isEqualTo(4);

		// The operator starts the mailing over the API: 201 with the batch's id, selected.
		String created = mvc.perform(post("/api/groups/stamp-mailings").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long batch = Long.parseLong(created.replaceAll("\\D", ""));
		BatchSummary summary = as("op1", () -> mailings.batch(batch).orElseThrow(), "OPERATOR");
		assertThat(summary.kind()).isEqualTo("GROUP_STAMPS");
		assertThat(summary.kindLabel()).isEqualTo("活動団体スタンプ送付");
		assertThat(summary.status()).isEqualTo(BatchStatus.SELECTED);
		// One envelope per group, in postcode order; the city's stamps (pharmacy, several stamps) are never in it.
		assertThat(keys(batch)).containsExactly("G" + naka, "G" + nishi, "G" + minami);
		Envelope first = as("op1", () -> mailings.envelopes(batch, 0, 1, "test"), "OPERATOR").get(0);
		assertThat(first.postalCode()).isEqualTo("7300011");
		assertThat(first.fields()).containsEntry(PrintFields.POSTCODE, "730-0011")
				.containsEntry(PrintFields.ADDRESS, "広島市中区基町1-1").containsEntry(PrintFields.GROUP_NAME, "基町ふれあいサロン")
				.containsEntry(PrintFields.REPRESENTATIVE, "代表　モト")
				.containsEntry(PrintFields.STAMP_NUMBER, stampOf(naka).label()).containsKey(PrintFields.ISSUE_DATE);
		// The group without a postcode is left out with its reason; its stamp stays free for the next batch.
		assertThat(as("op1", () -> mailings.exclusions(batch, 0, 10, "test"), "OPERATOR"))
				.containsExactly(new Exclusion("G" + noPostcode, ExclusionReason.NO_ADDRESS, "郵便番号なし"));
		assertThat(stampOf(naka).mailingBatchId()).isEqualTo(batch);
		assertThat(stampOf(noPostcode).mailingBatchId()).isNull();
		assertThat(stampOf(pharmacy).mailingBatchId()).isNull();
		assertThat(as("op1", () -> stamps.of(several), "OPERATOR")).extracting(Stamp::postedBy, Stamp::mailingBatchId)
				.containsOnly(tuple("CITY", null));

		// A second batch does not take the same stamps: only a stamp issued since (and the one left out again).
		long later = registered(addressed("後から登録の会", "アトカラ", "〒730-0013 広島市中区八丁堀5-5"));
		as("op1", () -> stamps.issue(later, 1), "OPERATOR");
		long second = as("op1", () -> stamps.startMailing("test"), "OPERATOR");
		assertThat(keys(second)).containsExactly("G" + later);
		assertThat(as("op1", () -> mailings.exclusions(second, 0, 10, "test"), "OPERATOR"))
				.extracting(Exclusion::subjectId).containsExactly("G" + noPostcode);
		// Only the group left out remains: no batch is made, the refusal names it and why.
		long batches = jdbc.sql("select count(*) from mailing_batch").query(Long.class).single();
		assertThatThrownBy(() -> as("op1", () -> stamps.startMailing("test"), "OPERATOR"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("送付できる団体がありません")
				.hasMessageContaining("住所不明の会").hasMessageContaining("郵便番号なし");
		assertThat(jdbc.sql("select count(*) from mailing_batch").query(Long.class).single()).isEqualTo(batches);
		// Withdrawn, the second batch releases its stamp.
		as("op1", () -> mailings.cancel(second, "テストの取消", "test"), "OPERATOR");
		assertThat(stampOf(later).mailingBatchId()).isNull();
		assertThat(as("op1", () -> stamps.toMail(), "OPERATOR")).isEqualTo(2);

		// Printed (簡易書留: 引受番号 assigned) into one PDF bundle of the registration notice, one page per group.
		Path dir = mailingProperties.outputDir().resolve("batch-" + batch);
		if (Files.isDirectory(dir)) {
			try (Stream<Path> s = Files.list(dir)) {
				for (Path f : s.toList()) {
					Files.delete(f);
				}
			}
		}
		as("op1", () -> mailings.addRegisteredRange("7860096000", "7860096009", "test"), "OPERATOR");
		PrintRun run = as("op1", () -> mailings.print(batch, MailingProgress.NONE, "test"), "OPERATOR");
		assertThat(run.outcome()).isEqualTo(PrintRun.Outcome.DONE);
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.sorted().toList();
		}
		assertThat(files).extracting(p -> p.getFileName().toString())
				.containsExactly("batch-" + batch + "-bundle-0001-group-registration-notice.pdf");
		try (var pdf = Loader.loadPDF(files.get(0).toFile())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(3);
			var stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			assertThat(stripper.getText(pdf).replaceAll("[\\s\u3000]", "")).contains("〒730-0011", "基町ふれあいサロン",
					"活動団体登録通知書", stampOf(naka).label());
		}
		assertThat(as("op1", () -> mailings.envelopes(batch, 0, 10, "test"), "OPERATOR"))
				.allSatisfy(e -> assertThat(e.registeredNumber()).startsWith("786009600"));
		byte[] registered = as("op1", () -> mailings.registeredNumbersXlsx(batch, "test"), "OPERATOR").content();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(registered))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("宛先番号");
			assertThat(book.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).isEqualTo("G" + naka);
			assertThat(book.getSheetAt(0).getRow(2).getCell(5).getStringCellValue()).isEqualTo("基町ふれあいサロン");
		}

		// One pulled out by its key (as typed), then dispatched: the others' stamps record the 発送日, the pulled
		// one's stamp is free again; no subject's mailing history is written.
		assertThat(as("op1", () -> mailings.pullOut(" g" + minami + " ", "団体から辞退の連絡", "test"), "OPERATOR"))
				.singleElement().satisfies(p -> assertThat(p.subjectId()).isEqualTo("G" + minami));
		List<PostageLine> postage = as("op1", () -> mailings.postage(batch), "OPERATOR");
		assertThat(postage).singleElement().satisfies(l -> {
			assertThat(l.count()).isEqualTo(2);
			assertThat(l.handling()).isEqualTo("簡易書留");
		});
		clock.set(Instant.now());
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		BatchSummary sent = as("op1", () -> mailings.dispatch(batch, today, "test"), "OPERATOR");
		assertThat(sent.status()).isEqualTo(BatchStatus.DISPATCHED);
		assertThat(stampOf(naka).mailedOn()).isEqualTo(today);
		assertThat(stampOf(nishi).mailedOn()).isEqualTo(today);
		assertThat(stampOf(minami).mailingBatchId()).isNull();
		assertThat(stampOf(minami).mailedOn()).isNull();
		assertThat(as("op1", () -> mailings.dispatchedRecipients(batch), "OPERATOR"))
				.containsExactlyInAnyOrder("G" + naka, "G" + nishi);
		assertThat(as("op1", () -> mailings.dispatchedSubjects(batch), "OPERATOR")).isEmpty();
		assertThat(jdbc.sql("select count(*) from subject_mailing where batch_id = :b").param("b", batch)
				.query(Integer.class).single()).isZero();
		assertThat(as("op1", () -> groups.history(naka), "OPERATOR")).extracting(GroupHistoryEntry::event)
				.endsWith("STAMPS_ISSUED", "STAMPS_MAILING", "STAMPS_MAILED");
		// The pulled-out group's stamp and the two left free go in the next batch; the city's never.
		assertThat(as("op1", () -> stamps.toMail(), "OPERATOR")).isEqualTo(3);
	}

	@Test
	void two_operators_starting_the_stamp_mailing_at_once_make_one_batch_and_the_other_is_told_there_is_nothing_left()
			throws Exception {
		long group = registered(addressed("同時の会", "ドウジノカイ", "〒730-0011 広島市中区基町9-9"));
		as("op1", () -> stamps.issue(group, 1), "OPERATOR");
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Long>> runs = new java.util.ArrayList<>();
			for (String op : List.of("op1", "op2")) {
				runs.add(pool.submit(() -> {
					start.await();
					return as(op, () -> stamps.startMailing("test"), "OPERATOR");
				}));
			}
			start.countDown();
			List<Long> made = new java.util.ArrayList<>();
			List<Throwable> refused = new java.util.ArrayList<>();
			for (var run : runs) {
				try {
					made.add(run.get(60, java.util.concurrent.TimeUnit.SECONDS));
				} catch (java.util.concurrent.ExecutionException e) {
					refused.add(e.getCause());
				}
			}
			assertThat(made).hasSize(1);
			assertThat(refused).singleElement().isInstanceOf(StateConflictException.class).extracting(Throwable::getMessage)
					.asString().contains("送付するスタンプがありません");
			assertThat(keys(made.get(0))).containsExactly("G" + group);
			assertThat(stampOf(group).mailingBatchId()).isEqualTo(made.get(0));
		} finally {
			pool.shutdownNow();
		}
	}
}
