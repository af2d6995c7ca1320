package jp.ikiiki.desk.payments;

import java.time.YearMonth;
import jp.ikiiki.desk.deliverables.DeliverableKinds;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.ProgressYear;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.subjects.AddressNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.payments.internal.ZenginTransferFile;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From the tally to the bank (第7章1(5), 第8章5, 第10章3): booklets verified, accounts keyed by two operators (a
 * ゆうちょ one and a holder with small kana and ー; an unknown branch refused), a run whose 全銀 file is read back field
 * by field, deadlines on both paths, a delivered run that no longer changes, a return and a later run paying once.
 * Clock pinned to 2026-06-15 10:00 Japan time.
 */
class PaymentRunsIT extends TallyITSupport {

	static final String A = "0000710001";
	static final String B = "0000710002";
	static final String C = "0000710003";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	AccountForms forms;
	@Autowired
	PaymentRuns runs;
	@Autowired
	MockMvc mvc;
	@Autowired
	ProgressRecords records;
	@Autowired
	BankMaster bankMaster;
	@Autowired
	Deliverables deliverables;

	@BeforeEach
	void data() {
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payable_year", "payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		clearTally();
		importSubjects(List.of(progress(A), progress(B), progress(C)));
	}

	private void verifiedBooklet(String subject, LocalDate on, int fours) {
		long id = as("operator1", () -> receipts.receive(new BookletReceipts.Receipt("K" + subject, on, 2025,
				BookletKind.MAIN, null), "テスト"), "OPERATOR").id();
		var counts = new StampCounts(fours, 0, StampCounts.ZERO.checkups(), 0, 0);
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
	}

	private void account(String subject, AccountEntry entry, LocalDate receivedOn) {
		as("op1", () -> forms.entry(subject, entry, receivedOn), "OPERATOR");
		assertThat(as("op2", () -> forms.verify(subject, entry), "OPERATOR").form().state())
				.isEqualTo(AccountFormState.VERIFIED);
	}

	@Test
	void tally_to_accounts_to_a_transfer_file_read_back_then_a_return_paid_once_by_a_later_run() throws Exception {
		// B: account before the booklet; A: the ゆうちょ account after it; C: none
		account(B, AccountEntry.bank("0001", "001", "普通", "0000001", "ヤマダ タロウ"), LocalDate.of(2026, 5, 1));
		verifiedBooklet(A, LocalDate.of(2026, 5, 15), 10);
		verifiedBooklet(B, LocalDate.of(2026, 5, 15), 25);
		verifiedBooklet(C, LocalDate.of(2026, 5, 15), 5);
		assertThatThrownBy(() -> as("op1", () -> forms.entry(A, AccountEntry.bank("0001", "999", "1", "1234567",
				"キョウ"), null), "OPERATOR")).isInstanceOf(InvalidInputException.class).hasMessageContaining("999");
		account(A, AccountEntry.yucho("14180", "12345671", "キョウ　ショータ"), LocalDate.of(2026, 6, 10));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from payable_year")
				.query(Long.class).single() == 3);

		PaymentRuns.Run run = as("op1", () -> runs.create(2025, LocalDate.of(2026, 6, 25)), "OPERATOR");
		assertThat(run.count()).isEqualTo(2);
		assertThat(run.totalYen()).isEqualTo(4_000 + 10_000);
		assertThat(run.excluded()).containsExactly(new PaymentRuns.Exclusion(C, "NO_ACCOUNT", 2_000));
		// C's booklet came on 5/15: due by 6/30, and the next monthly run would be after it
		assertThat(run.late()).containsExactly(new PaymentRuns.Late(C, "AT_RISK", LocalDate.of(2026, 6, 30)));
		assertThat(jdbc.sql("select address_number || ' ' || deadline from payment where run_id = :r order by 1")
				.param("r", run.id()).query(String.class).list())
				.containsExactly(A + " 2026-07-31", B + " 2026-06-30");

		byte[] file = as("op1", () -> runs.file(run.id(), PaymentRuns.FileKind.TRANSFER), "OPERATOR").content();
		var parsed = parse(file);
		assertThat(parsed.header().code()).isEqualTo("1234567890");
		assertThat(parsed.header().name()).isEqualTo("ﾋﾛｼﾏｼ");
		assertThat(parsed.header().transferDay().getMonthValue()).isEqualTo(6);
		assertThat(parsed.header().transferDay().getDayOfMonth()).isEqualTo(25);
		assertThat(parsed.header().bankName()).isEqualTo("ﾐｽﾞﾎ");
		var a = parsed.data().get(0);
		assertThat(List.of(a.bankCode(), a.branchCode(), a.accountNumber(), a.holder(), a.customerCode()))
				.containsExactly("9900", "418", "1234567", "ｷﾖｳ ｼﾖ-ﾀ", A);
		assertThat(a.accountType()).isEqualTo(1);
		assertThat(a.amountYen()).isEqualTo(4_000);
		assertThat(a.transferKind()).isEqualTo('7');
		var b = parsed.data().get(1);
		assertThat(List.of(b.bankCode(), b.branchCode(), b.accountNumber(), b.holder()))
				.containsExactly("0001", "001", "0000001", "ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(parsed.trailerCount()).isEqualTo(run.count());
		assertThat(parsed.trailerSumYen()).isEqualTo(run.totalYen());

		byte[] csv = as("op1", () -> runs.file(run.id(), PaymentRuns.FileKind.DATA_CSV), "OPERATOR").content();
		List<String> lines = new String(csv, Charset.forName("Windows-31J")).lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("連番,宛名番号,事業年度,支払金額");
		assertThat(lines.get(1)).contains("\"" + A + "\"", "\"4000\"", "\"ゆうちょ\"");
		byte[] xlsx = as("op1", () -> runs.file(run.id(), PaymentRuns.FileKind.DATA_XLSX), "OPERATOR").content();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
			assertThat(wb.getSheetAt(0).getRow(2).getCell(3).getNumericCellValue()).isEqualTo(10_000);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where channel = '支払処理' and action = 'DOWNLOAD'")
				.query(Long.class).single()).isEqualTo(3);

		// delivered: immutable
		as("op1", () -> runs.deliver(run.id()), "OPERATOR");
		assertThatThrownBy(() -> as("op1", () -> runs.cancel(run.id()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> as("op1", () -> runs.deliver(run.id()), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);
		assertThat(as("op1", () -> runs.file(run.id(), PaymentRuns.FileKind.TRANSFER), "OPERATOR").content())
				.isEqualTo(file);

		// the bank returns A's transfer: failed, account faulty; a run now leaves A out
		assertThat(as("op1", () -> runs.recordReturns(run.id(), List.of(new PaymentRuns.ReturnItem(A, "口座なし"))),
				"OPERATOR")).isEqualTo(1);
		assertThatThrownBy(() -> as("op1", () -> runs.recordReturns(run.id(), List.of(new PaymentRuns.ReturnItem(A,
				"口座なし"))), "OPERATOR")).isInstanceOf(StateConflictException.class);
		assertThat(as("op1", () -> forms.account(A), "OPERATOR").orElseThrow().state()).isEqualTo("FAULTY");
		PaymentRuns.Run meanwhile = as("op1", () -> runs.create(2025, LocalDate.of(2026, 7, 15)), "OPERATOR");
		assertThat(meanwhile.count()).isZero();
		assertThat(meanwhile.excluded()).extracting(PaymentRuns.Exclusion::addressNumber, PaymentRuns.Exclusion::reason)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(A, "FAULTY_ACCOUNT"),
						org.assertj.core.groups.Tuple.tuple(B, "ALREADY_PAID"),
						org.assertj.core.groups.Tuple.tuple(C, "NO_ACCOUNT"));
		as("op1", () -> runs.cancel(meanwhile.id()), "OPERATOR");

		// a corrected account, then a later run pays A once
		account(A, AccountEntry.bank("0001", "001", "1", "7777777", "キョウ ショータ"), LocalDate.of(2026, 6, 15));
		PaymentRuns.Run later = as("op1", () -> runs.create(2025, LocalDate.of(2026, 7, 15)), "OPERATOR");
		assertThat(later.count()).isEqualTo(1);
		assertThat(later.totalYen()).isEqualTo(4_000);
		as("op1", () -> runs.deliver(later.id()), "OPERATOR");
		PaymentRuns.Run after = as("op1", () -> runs.create(2025, LocalDate.of(2026, 7, 31)), "OPERATOR");
		assertThat(after.count()).isZero();
		assertThat(as("op1", () -> runs.history(A), "OPERATOR")).extracting(PaymentRuns.PaymentLine::state)
				.containsExactly("SCHEDULED", "FAILED");
	}

	@Test
	void a_verified_account_and_a_delivered_run_fill_the_progress_record_and_the_run_is_delivered_to_the_city()
			throws Exception {
		jdbc.sql("delete from progress_year where address_number in (:s)").param("s", List.of(A, B, C)).update();
		verifiedBooklet(B, LocalDate.of(2026, 5, 15), 25);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from payable_year")
				.query(Long.class).single() == 1);
		account(B, AccountEntry.bank("0001", "001", "普通", "0000001", "ヤマダ タロウ"), LocalDate.of(2026, 6, 1));

		// 口座受付日 (col 51) and the bank details (78–81) in the year B has points for
		String bankName = as("op1", () -> bankMaster.bank("0001"), "OPERATOR").orElseThrow().name();
		ProgressYear p = record(B);
		assertThat(p.value(YearColumns.ACCOUNT_RECEIVED)).isEqualTo("2026-06-01");
		assertThat(List.of(p.value(78), p.value(YearColumns.BANK_NAME), p.value(80), p.value(YearColumns.ACCOUNT_HOLDER)))
				.containsExactly("0001", bankName, "001", "ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(p.value(YearColumns.PAYMENT_PLANNED)).isEmpty();

		// a draft plans nothing; the delivered run does: 支払予定日 (col 53) = the transfer date, 抽出日 (col 83) = today
		PaymentRuns.Run run = as("op1", () -> runs.create(2025, LocalDate.of(2026, 6, 25)), "OPERATOR");
		assertThat(record(B).value(YearColumns.PAYMENT_PLANNED)).isEmpty();
		as("op1", () -> runs.deliver(run.id()), "OPERATOR");
		assertThat(record(B).value(YearColumns.PAYMENT_PLANNED)).isEqualTo("2026-06-25");
		assertThat(record(B).value(YearColumns.EXTRACTED)).isEqualTo("2026-06-15");
		assertThat(as("agent1", () -> records.statement(AddressNumber.parse(B), "テスト"), "AGENT"))
				.filteredOn(y -> y.businessYear() == 2025).singleElement()
				.satisfies(y -> assertThat(y.paymentPlanned()).isEqualTo(LocalDate.of(2026, 6, 25)));

		// the bank returns it: no transfer, so 振込有無 (col 54) stays empty and nothing says paid
		as("op1", () -> runs.recordReturns(run.id(), List.of(new PaymentRuns.ReturnItem(B, "口座なし"))), "OPERATOR");
		assertThat(record(B).value(YearColumns.TRANSFERRED)).isEmpty();
		assertThat(record(B).paidOn()).isNull();

		// 支払データ及び伝送用データ: the delivered run is a period of the month, its file the run's three files as stored
		DeliverablePeriod period = as("fm1", () -> deliverables.month(YearMonth.of(2026, 6)), "FLOOR_MANAGER").stream()
				.filter(d -> d.kind().equals(DeliverableKinds.PAYMENT_DATA)).filter(d -> d.period().equals("run-" + run.id()))
				.findFirst().orElseThrow();
		assertThat(period.provided()).isTrue();
		DeliverablePeriod generated = as("fm1", () -> deliverables.generate(DeliverableKinds.PAYMENT_DATA,
				"run-" + run.id()), "FLOOR_MANAGER");
		byte[] zip = as("fm1", () -> deliverables.download(generated.fileId(), "テスト"), "FLOOR_MANAGER").content();
		var entries = new java.util.LinkedHashMap<String, byte[]>();
		try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		for (PaymentRuns.FileKind kind : PaymentRuns.FileKind.values()) {
			PaymentRuns.RunFile f = as("op1", () -> runs.file(run.id(), kind), "OPERATOR");
			assertThat(entries).containsKey(f.fileName());
			assertThat(entries.get(f.fileName())).isEqualTo(f.content());
		}
		assertThat(entries).hasSize(3);
	}

	@Test
	void a_booklet_the_predecessor_received_before_the_switch_is_paid_by_the_run_of_its_year_once() {
		// C's 令和6年度分 (the 旧々 year) booklet, received by the predecessor: an opening-balance row (第9章1(1)),
		// 支払金額 5,000 yen, not paid; no tally booklet for it
		var values = new java.util.ArrayList<String>(java.util.Collections.nCopies(36, ""));
		values.set(YearColumns.BOOKLET_RECEIVED - 49, "2025-03-10");
		values.set(YearColumns.AMOUNT - 49, "5000");
		jdbc.sql("delete from progress_year where address_number in (:s)").param("s", List.of(A, B, C)).update();
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, updated_at)
				values (:a, 2024, :v, 'OPENING', now())""").param("a", C).param("v", values.toArray(String[]::new))
				.update();
		account(C, AccountEntry.bank("0001", "001", "普通", "0000003", "ヤマダ ハナコ"), LocalDate.of(2026, 6, 1));

		PaymentRuns.Run run = as("op1", () -> runs.create(2024, LocalDate.of(2026, 6, 25)), "OPERATOR");
		assertThat(run.count()).isEqualTo(1);
		assertThat(run.totalYen()).isEqualTo(5_000);
		assertThat(jdbc.sql("select address_number || ' ' || amount_yen from payment where run_id = :r")
				.param("r", run.id()).query(String.class).list()).containsExactly(C + " 5000");
		as("op1", () -> runs.deliver(run.id()), "OPERATOR");
		assertThat(as("op1", () -> records.find(AddressNumber.parse(C), 2024, "テスト"), "OPERATOR").orElseThrow()
				.value(YearColumns.PAYMENT_PLANNED)).isEqualTo("2026-06-25");

		PaymentRuns.Run again = as("op1", () -> runs.create(2024, LocalDate.of(2026, 7, 15)), "OPERATOR");
		assertThat(again.count()).isZero();
		// (other tests' opening balances of the year may be there too: only C is looked at)
		assertThat(again.excluded()).filteredOn(e -> e.addressNumber().equals(C))
				.containsExactly(new PaymentRuns.Exclusion(C, "ALREADY_PAID", 0));
	}

	private ProgressYear record(String subject) {
		return as("op1", () -> records.find(AddressNumber.parse(subject), 2025, "テスト"), "OPERATOR").orElseThrow();
	}

	@Test
	void a_transfer_date_that_is_not_a_bank_business_day_or_not_in_the_future_is_refused() throws Exception {
		assertThatThrownBy(() -> as("op1", () -> runs.create(2025, LocalDate.of(2026, 6, 20)), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("営業日");
		assertThatThrownBy(() -> as("op1", () -> runs.create(2025, LocalDate.of(2026, 6, 15)), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("明日以降");
		assertThatThrownBy(() -> as("op1", () -> runs.create(2019, LocalDate.of(2026, 6, 25)), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("2019");
		mvc.perform(post("/api/payments/runs").with(user("op1").roles("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"transferDate\":\"2026-06-21\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.reason").isNotEmpty());
		mvc.perform(post("/api/payments/runs").with(user("op1").roles("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessYear\":2025,\"transferDate\":\"2026-06-26\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.count").value(0));
		mvc.perform(get("/api/payments/runs/999999/transfer-file").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/payments/runs/1/payment-data?format=pdf").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity());
	}

	private static ZenginTransferFile.Parsed parse(byte[] file) {
		return ZenginTransferFile.parse(file);
	}
}
