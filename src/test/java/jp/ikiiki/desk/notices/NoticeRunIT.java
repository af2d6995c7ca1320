package jp.ikiiki.desk.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.ScanFixtures;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One business year (令和7年度分) from the tally's verified booklets to the points notices (第8章1–4): booklets received
 * and keyed through the tally, a notice run that leaves out the booklet without a stamp and notifies the one whose
 * stamps are all void, the account form only for those with points and no account, the 獲得ポイント通知一覧 checked
 * against figures recomputed here, the printed notice and account form rendered and their barcodes decoded back.
 */
@Import(NoticeRunIT.Accounts.class)
class NoticeRunIT extends TallyITSupport {

	static final String PLAIN = "7760000001"; // 110 points, capped at 100, no account: notice with the account form
	static final String ACCOUNT = "7760000002"; // 30 points, account registered: notice alone
	static final String ALL_VOID = "7760000003"; // every stamp void: notice of 0 points
	static final String NO_STAMP = "7760000004"; // no stamp at all: no notice
	static final String UNVERIFIED = "7760000005"; // entry only: not in any run
	static final String CHANNEL = "テスト:通知作成";
	/** Makes the account keeper fail, as an unreachable payments module would. */
	static volatile boolean accountsFail;

	/** The account keeper as the payments module will be: ACCOUNT has an account, nobody else. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Accounts {
		@Bean
		RegisteredAccounts testAccounts() {
			return (Collection<AddressNumber> subjects, BusinessYear year) -> {
				if (accountsFail) {
					throw new IllegalStateException("account keeper unreachable");
				}
				return subjects.stream().filter(a -> a.value().equals(ACCOUNT)).collect(Collectors.toSet());
			};
		}
	}

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	PointTotals totals;
	@Autowired
	NoticeRuns notices;
	@Autowired
	Mailings mailings;
	@Autowired
	MailingsProperties mailingsProperties;
	@Autowired
	MockMvc mvc;
	@Autowired
	NoticesProperties noticesProperties;
	@Autowired
	javax.sql.DataSource dataSource;
	@Autowired
	jp.ikiiki.desk.progress.ProgressRecords progressRecords;
	@Autowired
	jp.ikiiki.desk.deliverables.Deliverables deliverables;

	@BeforeEach
	void clean() {
		accountsFail = false;
		clearTally();
		jdbc.sql("delete from notice_booklet").update();
		jdbc.sql("delete from notice_run").update();
		// opening balances another test of this class loaded
		jdbc.sql("delete from progress_year where source = 'OPENING' and address_number in (:s)")
				.param("s", List.of(CARRIED, CARRIED_NOTIFIED, CARRIED_BROKEN, CARRIED_ZERO, CARRIED_LATER, ACCOUNT)).update();
	}

	private static StampCounts counts(int s4, int s2, int[] checkups, int s1, int v) {
		var c = new ArrayList<Integer>();
		for (int i = 0; i < 14; i++) {
			c.add(i < checkups.length ? checkups[i] : 0);
		}
		return new StampCounts(s4, s2, c, s1, v);
	}

	private long receive(String subject, LocalDate on) {
		var bundle = as("operator1", () -> receipts.openBundle(on, 2025), "OPERATOR");
		return as("operator1", () -> receipts.receive(new Receipt("K" + subject, on, 2025, BookletKind.MAIN, bundle.id()),
				CHANNEL), "OPERATOR").id();
	}

	private void key(String user, long booklet, Pass pass, StampCounts c) {
		for (StampField f : StampField.ALL) {
			run(user, () -> keying.key(booklet, pass, f, c.get(f)), "OPERATOR");
		}
		run(user, () -> keying.complete(booklet, pass), "OPERATOR");
	}

	private void verified(long booklet, StampCounts c) {
		key("keyer1", booklet, Pass.ENTRY, c);
		key("verifier", booklet, Pass.VERIFY, c);
		assertThat(as("operator1", () -> receipts.booklet(booklet), "OPERATOR").orElseThrow().state())
				.isEqualTo(BookletState.VERIFIED);
	}

	static final StampCounts PLAIN_COUNTS = counts(20, 10, new int[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 6, 2);
	static final StampCounts ACCOUNT_COUNTS = counts(5, 2, new int[] { 0, 0, 3 }, 0, 0);
	static final StampCounts VOID_COUNTS = counts(0, 0, new int[0], 0, 3);

	/** Five subjects with booklets of 令和7年度分; four verified. */
	private void year2025(String... more) {
		var subjects = new ArrayList<Map<String, Object>>(List.of(progress(PLAIN), progress(ACCOUNT), progress(ALL_VOID),
				progress(NO_STAMP), progress(UNVERIFIED)));
		for (String m : more) {
			subjects.add(progress(m));
		}
		importSubjects(subjects);
		verified(receive(PLAIN, LocalDate.of(2026, 5, 11)), PLAIN_COUNTS); // due 2026-06-11: late on the 15th
		verified(receive(ACCOUNT, LocalDate.of(2026, 6, 8)), ACCOUNT_COUNTS);
		verified(receive(ALL_VOID, LocalDate.of(2026, 6, 8)), VOID_COUNTS);
		verified(receive(NO_STAMP, LocalDate.of(2026, 6, 8)), StampCounts.ZERO);
		key("keyer1", receive(UNVERIFIED, LocalDate.of(2026, 6, 8)), Pass.ENTRY, ACCOUNT_COUNTS);
	}

	private NoticeRunResult runNotices(int year, YearMonth month, Half half) {
		return as("operator1", () -> finished(notices.start(new NoticeRunRequest(year, month, half), CHANNEL)), "OPERATOR");
	}

	/** Waits for a started run (in the caller's security context) and returns its result. */
	private NoticeRunResult finished(NoticeRunSummary started) {
		assertThat(started.status()).isEqualTo("RUNNING");
		NoticeRunSummary end = await().pollInSameThread().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(100)).until(() -> notices.run(started.id()), r -> !r.running());
		assertThat(end.status()).as(String.valueOf(end.failure())).isEqualTo("DONE");
		return notices.result(started.id());
	}

	@Test
	void a_notice_run_notifies_the_all_void_booklet_leaves_out_the_stampless_one_and_encloses_the_form_only_where_due()
			throws Exception {
		year2025();
		NoticeRunResult r = runNotices(2025, YearMonth.of(2026, 6), Half.MID);

		assertThat(r.notified()).containsExactly(PLAIN, ACCOUNT, ALL_VOID);
		assertThat(r.withAccountForm()).containsExactly(PLAIN);
		assertThat(r.notNotified()).singleElement().satisfies(n -> {
			assertThat(n.addressNumber()).isEqualTo(NO_STAMP);
			assertThat(n.reason()).contains("スタンプの押印がない").contains("第8章3");
		});
		// PLAIN was received on 11 May: due 11 June, four days late on the 15th; the others are due 8 July
		assertThat(r.overdue()).singleElement().satisfies(o -> {
			assertThat(o.addressNumber()).isEqualTo(PLAIN);
			assertThat(o.dueBy()).isEqualTo(LocalDate.of(2026, 6, 11));
			assertThat(o.daysLeft()).isEqualTo(-4);
		});
		assertThat(as("operator1", () -> mailings.batch(r.noticeBatchId()), "OPERATOR")).hasValueSatisfying(b -> {
			assertThat(b.kind()).isEqualTo(MailingKind.POINTS_NOTICE);
			assertThat(b.businessYear()).isEqualTo(2025);
			assertThat(b.envelopes()).isEqualTo(2);
			assertThat(b.status()).isEqualTo(BatchStatus.SELECTED);
		});
		assertThat(as("operator1", () -> mailings.batch(r.formBatchId()), "OPERATOR")).hasValueSatisfying(b -> {
			assertThat(b.kind()).isEqualTo(MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM);
			assertThat(b.envelopes()).isEqualTo(1);
		});

		// --- the 獲得ポイント通知一覧: every figure recomputed here from the keyed stamps ---------------------------------
		byte[] xlsx = as("operator1", () -> notices.listXlsx(r.id(), CHANNEL), "OPERATOR");
		Map<String, Map<String, String>> rows = read(xlsx);
		assertThat(rows.keySet()).containsExactly(PLAIN, ACCOUNT, ALL_VOID);
		expectRow(rows.get(PLAIN), PLAIN_COUNTS, 100, true, "2026-05-11", "2026-06-11");
		expectRow(rows.get(ACCOUNT), ACCOUNT_COUNTS, 100, false, "2026-06-08", "2026-07-08");
		expectRow(rows.get(ALL_VOID), VOID_COUNTS, 100, false, "2026-06-08", "2026-07-08");
		assertThat(rows.get(PLAIN)).containsEntry("氏名", "山田　太郎").containsEntry("申請書管理番号", "K" + PLAIN);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row left = wb.getSheet("通知対象外").getRow(1);
			assertThat(left.getCell(0).getStringCellValue()).isEqualTo(NO_STAMP);
			assertThat(left.getCell(4).getStringCellValue()).contains("第8章3");
		}
		assertThat(jdbc.sql("select count(*) from audit_event where channel = :c and action = 'DOWNLOAD' and file_name = :f "
				+ "and :s = any(subject_ids)").param("c", CHANNEL).param("f", "獲得ポイント通知一覧_" + r.id() + ".xlsx")
				.param("s", NO_STAMP).query(Integer.class).single()).isEqualTo(1);

		// --- the printed notice and account form: text and barcodes read back -----------------------------------------
		PrintRun printed = as("operator1", () -> mailings.print(r.formBatchId(), MailingProgress.NONE, CHANNEL), "OPERATOR");
		assertThat(printed.outcome()).isEqualTo(PrintRun.Outcome.DONE);
		Path dir = mailingsProperties.outputDir().resolve("batch-" + r.formBatchId());
		byte[] notice = Files.readAllBytes(dir.resolve("batch-" + r.formBatchId() + "-bundle-0001-points-notice.pdf"));
		byte[] form = Files.readAllBytes(dir.resolve("batch-" + r.formBatchId() + "-bundle-0001-account-form.pdf"));
		String text;
		try (var pdf = Loader.loadPDF(notice)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(2); // the V-fold postcard: both sides of one sheet
			text = new PDFTextStripper().getText(pdf);
		}
		// 4P 80, 2P 20, check-ups 4, 1P 6: 110 before the cap of 100; 10,000 yen
		assertThat(text).contains("令和7年度分").contains("110").contains("10,000").contains("山田");
		assertThat(decode(ScanFixtures.rasterise(notice, 0, 300), 12, 81, 7)).isEqualTo("K" + PLAIN);
		assertThat(decode(ScanFixtures.rasterise(form, 0, 300), 22, 140, 10)).isEqualTo("K" + PLAIN);

		// --- once per year: the late run of June finds nothing new; a second mid run is refused ----------------------
		assertThatThrownBy(() -> runNotices(2025, YearMonth.of(2026, 6), Half.MID))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("作成済み");
		NoticeRunResult late = runNotices(2025, YearMonth.of(2026, 6), Half.LATE);
		assertThat(late.notified()).isEmpty();
		assertThat(late.notNotified()).isEmpty();

		// --- a withdrawn batch releases its booklets: the next run takes them again -----------------------------------
		run("operator1", () -> mailings.cancel(r.noticeBatchId(), "宛名の誤り", CHANNEL), "OPERATOR");
		NoticeRunResult july = as("operator1", () -> {
			clock.set(LocalDate.of(2026, 7, 6).atTime(10, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant());
			return finished(notices.start(new NoticeRunRequest(2025, YearMonth.of(2026, 7), Half.MID), CHANNEL));
		}, "OPERATOR");
		assertThat(july.notified()).containsExactly(ACCOUNT, ALL_VOID);
		assertThat(july.withAccountForm()).isEmpty();
	}

	static final String CARRIED = "7760000006"; // predecessor's booklet (opening balance), no tally booklet
	static final String CARRIED_NOTIFIED = "7760000007"; // predecessor's booklet already notified by the predecessor
	static final String CARRIED_BROKEN = "7760000008"; // predecessor's booklet whose kinds do not add up to the total

	/** An opening-balance row of 令和7年度分 as the predecessor's data loads it (第9章1(1)): cols 50 and 55–75. */
	private void opening(String subject, String received, int p4, int p2, int[] checkups, int p1, int total, int cap,
			int amount, String noticeSentOn) {
		var values = new ArrayList<String>(java.util.Collections.nCopies(36, ""));
		values.set(jp.ikiiki.desk.progress.YearColumns.BOOKLET_RECEIVED - 49, received);
		values.set(55 - 49, Integer.toString(p4));
		values.set(56 - 49, Integer.toString(p2));
		int sub = 0;
		for (int k = 0; k < 14; k++) {
			int v = k < checkups.length ? checkups[k] : 0;
			values.set(57 + k - 49, Integer.toString(v));
			sub += v;
		}
		values.set(71 - 49, Integer.toString(sub));
		values.set(72 - 49, Integer.toString(p1));
		values.set(73 - 49, Integer.toString(total));
		values.set(74 - 49, Integer.toString(cap));
		values.set(75 - 49, Integer.toString(amount));
		jdbc.sql("delete from progress_year where address_number = :a and business_year = 2025").param("a", subject)
				.update();
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, notice_sent_on, updated_at)
				values (:a, 2025, :v, 'OPENING', cast(:sent as date), now())""").param("a", subject)
				.param("v", values.toArray(String[]::new)).param("sent", noticeSentOn).update();
	}

	@Test
	void a_booklet_the_predecessor_received_before_the_switch_is_notified_by_a_run_of_its_year_once() throws Exception {
		year2025(CARRIED, CARRIED_NOTIFIED, CARRIED_BROKEN);
		// CARRIED: 4P 40, 2P 10, check-ups 4 + 2, 1P 7 = 63 points, cap 100, 6,300 yen; received 1 May: due 1 June
		opening(CARRIED, "2026-05-01", 40, 10, new int[] {4, 0, 2}, 7, 63, 100, 6_300, null);
		opening(CARRIED_NOTIFIED, "2026-05-01", 40, 0, new int[0], 0, 40, 100, 4_000, "2026-05-20");
		opening(CARRIED_BROKEN, "2026-05-01", 40, 0, new int[0], 0, 41, 100, 4_100, null);
		// ACCOUNT has a tally booklet of the year as well: the tally's figures win
		opening(ACCOUNT, "2026-04-01", 400, 0, new int[0], 0, 400, 200, 20_000, null);

		NoticeRunResult r = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
		assertThat(r.notified()).containsExactly(PLAIN, ACCOUNT, ALL_VOID, CARRIED);
		assertThat(r.withAccountForm()).containsExactly(PLAIN, CARRIED);
		assertThat(r.notNotified()).extracting(NoticeRunResult.NotNotified::addressNumber)
				.containsExactly(NO_STAMP, CARRIED_BROKEN);
		assertThat(r.notNotified()).filteredOn(n -> n.addressNumber().equals(CARRIED_BROKEN)).singleElement()
				.satisfies(n -> assertThat(n.reason()).contains("引継ぎ").contains("第9章1(1)"));
		assertThat(r.overdue()).filteredOn(o -> o.addressNumber().equals(CARRIED)).singleElement().satisfies(o -> {
			assertThat(o.dueBy()).isEqualTo(LocalDate.of(2026, 6, 1));
			assertThat(o.daysLeft()).isEqualTo(-14);
		});
		assertThat(as("operator1", () -> mailings.batch(r.formBatchId()), "OPERATOR"))
				.hasValueSatisfying(b -> assertThat(b.envelopes()).isEqualTo(2));

		Map<String, Map<String, String>> rows = read(as("operator1", () -> notices.listXlsx(r.id(), CHANNEL), "OPERATOR"));
		assertThat(rows.keySet()).containsExactly(PLAIN, ACCOUNT, ALL_VOID, CARRIED);
		expectRow(rows.get(ACCOUNT), ACCOUNT_COUNTS, 100, false, "2026-06-08", "2026-07-08");
		expectRow(rows.get(CARRIED), counts(10, 5, new int[] {2, 0, 1}, 7, 0), 100, true, "2026-05-01", "2026-06-01");
		assertThat(rows.get(CARRIED)).containsEntry("申請書管理番号", "");

		// the printed notice carries the carried-over figures
		run("operator1", () -> mailings.print(r.formBatchId(), MailingProgress.NONE, CHANNEL), "OPERATOR");
		Path dir = mailingsProperties.outputDir().resolve("batch-" + r.formBatchId());
		try (var pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve("batch-" + r.formBatchId()
				+ "-bundle-0001-points-notice.pdf")))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("63").contains("6,300");
		}

		// once: the late run takes nothing of it again
		NoticeRunResult late = runNotices(2025, YearMonth.of(2026, 6), Half.LATE);
		assertThat(late.notified()).isEmpty();
		assertThat(late.notNotified()).extracting(NoticeRunResult.NotNotified::addressNumber)
				.containsExactly(CARRIED_BROKEN);

		// a withdrawn batch releases the carried-over year as it does a booklet
		run("operator1", () -> mailings.cancel(r.formBatchId(), "宛名の誤り", CHANNEL), "OPERATOR");
		NoticeRunResult july = as("operator1", () -> {
			clock.set(LocalDate.of(2026, 7, 6).atTime(10, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant());
			return finished(notices.start(new NoticeRunRequest(2025, YearMonth.of(2026, 7), Half.MID), CHANNEL));
		}, "OPERATOR");
		assertThat(july.notified()).containsExactly(PLAIN, CARRIED);
		assertThat(july.withAccountForm()).containsExactly(PLAIN, CARRIED);
		assertThat(jdbc.sql("select count(*) from notice_booklet where carried_address_number = :a")
				.param("a", CARRIED).query(Integer.class).single()).isEqualTo(2);
	}

	static final String CARRIED_ZERO = "7760000009"; // predecessor's booklet of 0 points: no notice due (第8章3)
	static final String CARRIED_LATER = "7760000010"; // predecessor's booklet due after the list's horizon

	/** One fixture as the due list should see it, computed here from what the test loaded. */
	private record Expected(String addressNumber, LocalDate receivedOn, boolean carriedOver) {
	}

	@Test
	void the_due_list_holds_the_carried_over_years_a_run_would_take_as_recomputed_from_the_fixtures() {
		year2025(CARRIED, CARRIED_NOTIFIED, CARRIED_BROKEN, CARRIED_ZERO, CARRIED_LATER);
		opening(CARRIED, "2026-05-01", 40, 10, new int[] {4, 0, 2}, 7, 63, 100, 6_300, null);
		opening(CARRIED_NOTIFIED, "2026-05-01", 40, 0, new int[0], 0, 40, 100, 4_000, "2026-05-20");
		opening(CARRIED_BROKEN, "2026-05-02", 40, 0, new int[0], 0, 41, 100, 4_100, null);
		opening(CARRIED_ZERO, "2026-05-01", 0, 0, new int[0], 0, 0, 100, 0, null);
		opening(CARRIED_LATER, "2026-06-10", 8, 0, new int[0], 0, 8, 100, 800, null);
		opening(ACCOUNT, "2026-04-01", 400, 0, new int[0], 0, 400, 200, 20_000, null); // has a tally booklet too

		// what is waiting for a notice, from the fixtures: the tally's verified booklets with a stamp, and the carried-
		// over years not notified by the predecessor, with points (or figures to correct), of people without a booklet
		List<Expected> waiting = List.of(new Expected(PLAIN, LocalDate.of(2026, 5, 11), false),
				new Expected(ACCOUNT, LocalDate.of(2026, 6, 8), false),
				new Expected(ALL_VOID, LocalDate.of(2026, 6, 8), false),
				new Expected(CARRIED, LocalDate.of(2026, 5, 1), true),
				new Expected(CARRIED_BROKEN, LocalDate.of(2026, 5, 2), true),
				new Expected(CARRIED_LATER, LocalDate.of(2026, 6, 10), true));
		LocalDate today = LocalDate.of(2026, 6, 15);
		LocalDate horizon = today.plusDays(noticesProperties.dueSoonDays());
		List<DueNotice> expected = waiting.stream().filter(e -> !e.receivedOn().plusMonths(1).isAfter(horizon))
				.map(e -> new DueNotice(e.addressNumber(), e.carriedOver() ? "" : "K" + e.addressNumber(), 2025,
						e.receivedOn(), e.receivedOn().plusMonths(1),
						java.time.temporal.ChronoUnit.DAYS.between(today, e.receivedOn().plusMonths(1)), e.carriedOver()))
				.sorted(java.util.Comparator.comparing(DueNotice::dueBy).thenComparing(DueNotice::addressNumber))
				.toList();
		assertThat(expected).extracting(DueNotice::addressNumber).containsExactly(CARRIED, CARRIED_BROKEN, PLAIN);
		assertThat(as("operator1", () -> notices.dueSoon(), "OPERATOR")).containsExactlyElementsOf(expected);

		// a run takes the carried-over year: only the one whose figures must be corrected stays due
		NoticeRunResult r = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
		assertThat(r.notified()).contains(CARRIED);
		assertThat(as("operator1", () -> notices.dueSoon(), "OPERATOR"))
				.containsExactlyElementsOf(expected.stream().filter(d -> d.addressNumber().equals(CARRIED_BROKEN)).toList());

		// a withdrawn batch makes it due again
		run("operator1", () -> mailings.cancel(r.formBatchId(), "宛名の誤り", CHANNEL), "OPERATOR");
		assertThat(as("operator1", () -> notices.dueSoon(), "OPERATOR")).extracting(DueNotice::addressNumber)
				.containsExactly(CARRIED, CARRIED_BROKEN, PLAIN);
	}

	@Test
	void a_dispatched_notice_batch_puts_the_dispatch_date_into_the_progress_record_and_the_points_statement() {
		year2025();
		jdbc.sql("delete from progress_year where address_number in (:s)").param("s", List.of(PLAIN, ACCOUNT, ALL_VOID))
				.update();
		NoticeRunResult r = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
		LocalDate today = LocalDate.of(2026, 6, 15);
		run("operator1", () -> mailings.print(r.noticeBatchId(), MailingProgress.NONE, CHANNEL), "OPERATOR");
		// the print run stamps the database's own time; the test's day is the pinned clock's
		jdbc.sql("update mailing_batch set printed_at = :at where id = :id")
				.param("at", java.sql.Timestamp.from(NOW)).param("id", r.noticeBatchId()).update();
		run("operator1", () -> mailings.dispatch(r.noticeBatchId(), today, CHANNEL), "OPERATOR");

		// the postcards went to ACCOUNT and ALL_VOID; the form batch (PLAIN) is not dispatched yet
		for (String sent : List.of(ACCOUNT, ALL_VOID)) {
			assertThat(as("operator1", () -> progressRecords.find(AddressNumber.parse(sent), 2025, CHANNEL), "OPERATOR"))
					.hasValueSatisfying(p -> assertThat(p.noticeSentOn()).isEqualTo(today));
		}
		assertThat(as("operator1", () -> progressRecords.find(AddressNumber.parse(PLAIN), 2025, CHANNEL), "OPERATOR")
				.map(jp.ikiiki.desk.progress.ProgressYear::noticeSentOn)).isEmpty();
		assertThat(as("agent1", () -> progressRecords.statement(AddressNumber.parse(ACCOUNT), CHANNEL), "AGENT"))
				.filteredOn(y -> y.businessYear() == 2025).singleElement()
				.satisfies(y -> assertThat(y.noticeSentOn()).isEqualTo(today));

		// 獲得ポイント通知一覧 of June's first half, delivered to the city: the run's list as stored (one run: the XLSX)
		var generated = as("fm1", () -> deliverables.generate(jp.ikiiki.desk.deliverables.DeliverableKinds.POINT_NOTICE_LIST,
				"2026-06-M"), "FLOOR_MANAGER");
		var file = as("fm1", () -> deliverables.download(generated.fileId(), CHANNEL), "FLOOR_MANAGER");
		assertThat(file.fileName()).isEqualTo("獲得ポイント通知一覧_" + r.id() + ".xlsx");
		assertThat(file.content()).isEqualTo(as("operator1", () -> notices.listXlsx(r.id(), CHANNEL), "OPERATOR"));
		assertThatThrownBy(() -> as("fm1", () -> deliverables.generate(
				jp.ikiiki.desk.deliverables.DeliverableKinds.POINT_NOTICE_LIST, "2026-05-L"), "FLOOR_MANAGER"))
				.isInstanceOf(jp.ikiiki.desk.shared.NotFoundException.class);
	}

	@Test
	void a_years_notices_are_refused_before_the_month_they_may_start_and_for_a_year_not_open() {
		// 令和8年度分 (2026) begins on 1 September 2026; its notices start in February 2027 (第8章2)
		assertThatThrownBy(() -> runNotices(2026, YearMonth.of(2026, 6), Half.MID))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("令和9年2月"))
				.hasMessageContaining("から送付できます");
		assertThatThrownBy(() -> runNotices(2019, YearMonth.of(2026, 6), Half.MID)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("受付中の事業年度ではありません");
		assertThatThrownBy(() -> runNotices(2025, YearMonth.of(2026, 8), Half.MID)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("先の月");
		assertThat(jdbc.sql("select count(*) from notice_run").query(Integer.class).single()).isZero();
	}

	@Test
	void the_same_run_asked_twice_at_once_runs_once_and_the_other_is_refused() throws Exception {
		year2025();
		var start = new CountDownLatch(1);
		List<CompletableFuture<Object>> both = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			both.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					return runNotices(2025, YearMonth.of(2026, 6), Half.LATE);
				} catch (RuntimeException e) {
					return e;
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return e;
				}
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (var f : both) {
			outcomes.add(f.get());
		}
		assertThat(outcomes).filteredOn(NoticeRunResult.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(StateConflictException.class::isInstance).hasSize(1);
		assertThat(jdbc.sql("select count(*) from notice_booklet").query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void the_api_names_the_wrong_field_and_serves_the_list() throws Exception {
		var operator = user("operator1").roles("OPERATOR");
		mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-06\",\"half\":\"EARLY\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("half"));
		mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-13\",\"half\":\"MID\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("month"));
		mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":\"令和7\",\"month\":\"2026-06\",\"half\":\"MID\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("businessYear"));
		mvc.perform(post("/api/notices/runs").with(user("agent1").roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-06\",\"half\":\"MID\"}")).andExpect(status().isForbidden());

		year2025();
		var started = mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-06\",\"half\":\"MID\"}"))
				.andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("RUNNING"))
				.andExpect(jsonPath("$.id").isNumber()).andReturn().getResponse();
		String location = started.getHeader("Location");
		assertThat(location).matches("/api/notices/runs/\\d+");
		// 202 with the progress while it runs, then 200 with the result
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
				.until(() -> mvc.perform(get(location).with(operator)).andReturn().getResponse().getStatus() == 200);
		mvc.perform(get(location + "/progress").with(operator)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("DONE")).andExpect(jsonPath("$.phase").value("FINISHED"))
				.andExpect(jsonPath("$.batched").value(3)).andExpect(jsonPath("$.listed").value(3));
		var body = mvc.perform(get(location).with(operator)).andExpect(status().isOk())
				.andExpect(jsonPath("$.notified.length()").value(3))
				.andExpect(jsonPath("$.withAccountForm[0]").value(PLAIN))
				.andExpect(jsonPath("$.notNotified[0].addressNumber").value(NO_STAMP))
				.andExpect(jsonPath("$.overdue[0].addressNumber").value(PLAIN)).andReturn().getResponse()
				.getContentAsString();
		long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
		mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-06\",\"half\":\"MID\"}")).andExpect(status().isConflict());
		byte[] xlsx = mvc.perform(get("/api/notices/runs/" + id + "/list.xlsx").with(operator)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(read(xlsx)).containsOnlyKeys(PLAIN, ACCOUNT, ALL_VOID);
		mvc.perform(get("/api/notices/runs/999999/list.xlsx").with(operator)).andExpect(status().isNotFound());
		mvc.perform(get("/api/notices/runs/999999").with(operator)).andExpect(status().isNotFound());
	}

	@Test
	void a_run_shows_its_phases_and_counts_as_it_goes_and_keeps_them_on_its_row() {
		year2025();
		List<NoticeRunSummary> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		Runnable unsubscribe = as("operator1", () -> notices.subscribe(seen::add), "OPERATOR");
		try {
			NoticeRunResult r = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(s -> !s.running()));
			List<NoticeRunPhase> phases = seen.stream().filter(s -> s.id() == r.id()).map(NoticeRunSummary::phase)
					.distinct().toList();
			assertThat(phases).containsSubsequence(NoticeRunPhase.BATCHING, NoticeRunPhase.LISTING,
					NoticeRunPhase.RECORDING, NoticeRunPhase.FINISHED);
			// counts only grow, and the notices in batches never exceed those to batch
			List<NoticeRunSummary> mine = seen.stream().filter(s -> s.id() == r.id()).toList();
			for (int i = 1; i < mine.size(); i++) {
				assertThat(mine.get(i).batched()).isGreaterThanOrEqualTo(mine.get(i - 1).batched());
				assertThat(mine.get(i).listed()).isGreaterThanOrEqualTo(mine.get(i - 1).listed());
			}
			assertThat(mine).allSatisfy(s -> assertThat(s.batched()).isLessThanOrEqualTo(Math.max(s.toBatch(), 0)));
			NoticeRunSummary row = as("operator1", () -> notices.run(r.id()), "OPERATOR");
			// four people read (no-stamp one included); three notices batched and listed
			assertThat(row).extracting(NoticeRunSummary::status, NoticeRunSummary::phase, NoticeRunSummary::selected,
					NoticeRunSummary::toBatch, NoticeRunSummary::batched, NoticeRunSummary::listed)
					.containsExactly("DONE", NoticeRunPhase.FINISHED, 4, 3, 3, 3);
			assertThat(row.fraction()).isEqualTo(1.0);
		} finally {
			unsubscribe.run();
		}
	}

	@Test
	void a_run_that_fails_in_the_background_is_failed_with_its_reason_and_takes_nothing() throws Exception {
		year2025();
		accountsFail = true;
		var operator = user("operator1").roles("OPERATOR");
		String location = mvc.perform(post("/api/notices/runs").with(operator).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"month\":\"2026-06\",\"half\":\"MID\"}"))
				.andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
				.until(() -> mvc.perform(get(location).with(operator)).andReturn().getResponse().getStatus() != 202);
		mvc.perform(get(location).with(operator)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("異常終了")))
				.andExpect(jsonPath("$.status").value("FAILED"));
		mvc.perform(get(location + "/progress").with(operator)).andExpect(jsonPath("$.status").value("FAILED"))
				.andExpect(jsonPath("$.phase").value("FINISHED"))
				.andExpect(jsonPath("$.failure").value(org.hamcrest.Matchers.containsString("もう一度実行してください")));
		assertThat(jdbc.sql("select count(*) from notice_booklet").query(Integer.class).single()).isZero();
		// run again once the cause is gone: the same booklets are notified
		accountsFail = false;
		assertThat(runNotices(2025, YearMonth.of(2026, 6), Half.MID).notified()).containsExactly(PLAIN, ACCOUNT, ALL_VOID);
	}

	/** Puts a finished run back as a run whose JVM died after it made its batches, before it recorded anything. */
	private void interruptedAfterBatches(long runId) {
		jdbc.sql("delete from notice_booklet where run_id = :id").param("id", runId).update();
		jdbc.sql("""
				update notice_run set status = 'RUNNING', phase = 'BATCHING', result = null, list_xlsx = null,
				notified = 0, with_form = 0, not_notified = 0, overdue = 0, finished_at = null where id = :id""")
				.param("id", runId).update();
	}

	@Test
	void a_run_whose_node_died_is_failed_its_batches_withdrawn_and_the_next_run_takes_its_booklets() {
		year2025();
		NoticeRunResult dead = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
		interruptedAfterBatches(dead.id());

		NoticeRunResult next = runNotices(2025, YearMonth.of(2026, 6), Half.LATE);

		NoticeRunSummary closed = as("operator1", () -> notices.run(dead.id()), "OPERATOR");
		assertThat(closed.status()).isEqualTo("FAILED");
		assertThat(closed.phase()).isEqualTo(NoticeRunPhase.FINISHED);
		assertThat(closed.failure()).contains("中断").contains("取り下げ");
		for (long b : List.of(dead.noticeBatchId(), dead.formBatchId())) {
			assertThat(as("operator1", () -> mailings.batch(b), "OPERATOR").orElseThrow().status())
					.isEqualTo(BatchStatus.CANCELLED);
		}
		assertThat(next.notified()).containsExactlyElementsOf(dead.notified());
		assertThat(next.withAccountForm()).containsExactlyElementsOf(dead.withAccountForm());
		assertThat(jdbc.sql("select count(*) from notice_booklet where run_id = :id").param("id", dead.id())
				.query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> as("operator1", () -> notices.result(dead.id()), "OPERATOR"))
				.isInstanceOf(jp.ikiiki.desk.shared.NotFoundException.class);
	}

	@Test
	void a_run_still_working_on_another_node_is_left_alone_and_blocks_its_year() throws Exception {
		year2025();
		NoticeRunResult other = runNotices(2025, YearMonth.of(2026, 6), Half.MID);
		interruptedAfterBatches(other.id());
		// the other node's session holds the run's lock
		try (var connection = dataSource.getConnection(); var lock = connection.createStatement()) {
			lock.execute("select pg_advisory_lock(7402, " + other.id() + ")");
			assertThatThrownBy(() -> runNotices(2025, YearMonth.of(2026, 6), Half.LATE))
					.isInstanceOf(StateConflictException.class).hasMessageContaining("実行中");
			assertThat(as("operator1", () -> notices.run(other.id()), "OPERATOR").status()).isEqualTo("RUNNING");
			assertThat(as("operator1", () -> mailings.batch(other.noticeBatchId()), "OPERATOR").orElseThrow().status())
					.isNotEqualTo(BatchStatus.CANCELLED);
			lock.execute("select pg_advisory_unlock(7402, " + other.id() + ")");
		}
	}

	/** The list's rows by 宛名番号, each as header → shown text. */
	static Map<String, Map<String, String>> read(byte[] xlsx) throws Exception {
		var rows = new java.util.LinkedHashMap<String, Map<String, String>>();
		var fmt = new DataFormatter();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = wb.getSheet("獲得ポイント通知一覧");
			Row header = s.getRow(1);
			for (int r = 2; r <= s.getLastRowNum(); r++) {
				Map<String, String> row = new HashMap<>();
				for (int c = 0; c < header.getLastCellNum(); c++) {
					row.put(header.getCell(c).getStringCellValue(), fmt.formatCellValue(s.getRow(r).getCell(c)));
				}
				rows.put(row.get("宛名番号"), row);
			}
		}
		return rows;
	}

	/** The row against figures computed here: 4 × 4P, 2 × 2P, 2 × each check-up, 1 × 1P; the cap; 100 yen a point. */
	static void expectRow(Map<String, String> row, StampCounts c, int cap, boolean form, String received, String due) {
		int checkups = 0;
		for (int k = 1; k <= 14; k++) {
			assertThat(row.get("受診2P_" + k)).as("受診2P_" + k).isEqualTo(Integer.toString(2 * c.checkups().get(k - 1)));
			checkups += 2 * c.checkups().get(k - 1);
		}
		int total = 4 * c.stamps4p() + 2 * c.stamps2p() + checkups + c.stamps1p();
		int credited = Math.min(total, cap);
		assertThat(row).containsEntry("活動4P", Integer.toString(4 * c.stamps4p()))
				.containsEntry("活動2P", Integer.toString(2 * c.stamps2p())).containsEntry("受診2P小計", Integer.toString(checkups))
				.containsEntry("健康1P", Integer.toString(c.stamps1p())).containsEntry("無効スタンプ数", Integer.toString(c.voidStamps()))
				.containsEntry("ポイント合計", Integer.toString(total)).containsEntry("上限ポイント", Integer.toString(cap))
				.containsEntry("支払対象ポイント", Integer.toString(credited))
				.containsEntry("支払金額", Integer.toString(credited * 100)).containsEntry("口座登録用紙", form ? "有" : "無")
				.containsEntry("手帳受付日", received).containsEntry("通知期限", due).containsEntry("事業年度", "令和7年度分");
	}

	/** Decodes the CODE 128 in the layout's area of a page rendered at 300 dpi (a quiet zone around it). */
	static String decode(BufferedImage page, double xMm, double yMm, double heightMm) throws Exception {
		int x = Math.max(0, px(xMm - 5));
		int y = Math.max(0, px(yMm - 2));
		int w = Math.min(page.getWidth() - x, px(85));
		int h = Math.min(page.getHeight() - y, px(heightMm + 4));
		BufferedImage area = page.getSubimage(x, y, w, h);
		return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(area))),
				Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128), DecodeHintType.TRY_HARDER, true))
				.getText();
	}

	private static int px(double mm) {
		return (int) Math.round(mm / 25.4 * 300);
	}

}
