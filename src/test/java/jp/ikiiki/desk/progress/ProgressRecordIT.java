package jp.ikiiki.desk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-year record follows the tally (cols 50, 55–75) and the other modules' updates, and never mixes years. */
class ProgressRecordIT extends TallyITSupport {

	static final String ONE = "7730000001";
	static final String TWO = "7730000002";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;
	@Autowired
	ProgressRecords records;
	@Autowired
	ProgressUpdates updates;
	@Autowired
	jp.ikiiki.desk.tally.BookletScans scans;

	@BeforeEach
	void subjects() {
		clearTally();
		jdbc.sql("delete from progress_year").update();
		importSubjects(List.of(progress(ONE), progress(TWO, "交通助成", "1", "要介護認定状態", "要介護3")));
	}

	private long verified(String subject, int year, LocalDate on, BookletKind kind, StampCounts counts) {
		long id = as("operator1", () -> receipts.receive(new Receipt("K" + subject, on, year, kind, null), "テスト"),
				"OPERATOR").id();
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
		return id;
	}

	private Optional<ProgressYear> record(String subject, int year) {
		return as("operator1", () -> records.find(new AddressNumber(subject), year, "テスト"), "OPERATOR");
	}

	@Test
	void a_verified_booklet_fills_the_receipt_date_and_columns_55_to_75_of_its_year_only() {
		var counts = new StampCounts(10, 3, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2), 7, 1);
		verified(TWO, 2025, june(1), BookletKind.MAIN, counts);

		await().atMost(Duration.ofSeconds(20)).until(() -> record(TWO, 2025).map(ProgressYear::tallyBooklets).orElse(0) == 1);
		ProgressYear year = record(TWO, 2025).orElseThrow();
		assertThat(year.value(50)).isEqualTo("2026-06-01");
		assertThat(year.value(55)).isEqualTo("40");
		assertThat(year.value(56)).isEqualTo("6");
		assertThat(year.value(57)).isEqualTo("2");
		assertThat(year.value(70)).isEqualTo("4");
		assertThat(year.value(71)).isEqualTo("6");
		assertThat(year.value(72)).isEqualTo("7");
		assertThat(year.value(73)).isEqualTo("59");
		assertThat(year.value(74)).isEqualTo("50"); // 交通費助成・要介護
		assertThat(year.value(75)).isEqualTo("5000");
		assertThat(year.source()).isEqualTo(ProgressYear.Source.SYSTEM);
		assertThat(record(TWO, 2024)).isEmpty();
		assertThat(record(TWO, 2026)).isEmpty();
	}

	@Test
	void an_additional_booklet_adds_to_the_figures_and_keeps_the_main_booklets_receipt_date() {
		verified(ONE, 2025, june(1), BookletKind.MAIN, new StampCounts(5, 0, StampCounts.ZERO.checkups(), 0, 0));
		verified(ONE, 2025, june(3), BookletKind.ADDITIONAL, new StampCounts(3, 0, StampCounts.ZERO.checkups(), 0, 0));
		verified(ONE, 2024, LocalDate.of(2026, 3, 31), BookletKind.MAIN,
				new StampCounts(30, 0, StampCounts.ZERO.checkups(), 0, 0));

		await().atMost(Duration.ofSeconds(20)).until(() -> record(ONE, 2025).map(ProgressYear::tallyBooklets).orElse(0) == 2
				&& record(ONE, 2024).map(ProgressYear::tallyBooklets).orElse(0) == 1);
		assertThat(record(ONE, 2025).orElseThrow().value(50)).isEqualTo("2026-06-01");
		assertThat(record(ONE, 2025).orElseThrow().value(73)).isEqualTo("32");
		assertThat(record(ONE, 2025).orElseThrow().value(75)).isEqualTo("3200");
		assertThat(record(ONE, 2024).orElseThrow().value(73)).isEqualTo("120");
		assertThat(record(ONE, 2024).orElseThrow().value(74)).isEqualTo("100");
		assertThat(record(ONE, 2024).orElseThrow().value(75)).isEqualTo("10000");
	}

	@Test
	void the_linked_scan_of_a_verified_booklet_names_column_76() {
		long id = as("operator1", () -> receipts.receive(new Receipt("K" + ONE, june(1), 2025, BookletKind.MAIN, null),
				"テスト"), "OPERATOR").id();
		byte[] pdf = jp.ikiiki.desk.tally.ScanFixtures.scannedBooklet("K" + ONE, 7L);
		var upload = new jp.ikiiki.desk.tally.BookletScans.Upload() {
			@Override
			public String name() {
				return "scan.pdf";
			}

			@Override
			public java.io.InputStream open() {
				return new java.io.ByteArrayInputStream(pdf);
			}
		};
		var linked = as("operator1", () -> scans.importFiles(List.of(upload), 2025, "テスト"), "OPERATOR");
		assertThat(linked.linked()).hasSize(1);
		var counts = new StampCounts(1, 0, StampCounts.ZERO.checkups(), 0, 0);
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");

		await().atMost(Duration.ofSeconds(20)).until(() -> record(ONE, 2025).map(ProgressYear::tallyBooklets).orElse(0) == 1);
		assertThat(record(ONE, 2025).orElseThrow().value(76)).isEqualTo(linked.linked().get(0).storedAs());
		assertThat(record(ONE, 2025).orElseThrow().value(77)).isEmpty();
	}

	@Test
	void notices_and_payments_write_their_columns_and_dates_and_leave_the_figures_alone() {
		verified(ONE, 2025, june(1), BookletKind.MAIN, new StampCounts(5, 0, StampCounts.ZERO.checkups(), 0, 0));
		await().atMost(Duration.ofSeconds(20)).until(() -> record(ONE, 2025).map(ProgressYear::tallyBooklets).orElse(0) == 1);
		var subject = new AddressNumber(ONE);
		run("operator1", () -> {
			updates.noticeSent(subject, 2025, june(10), "A123456789");
			updates.accountReceived(subject, 2025, june(12),
					new ProgressUpdates.BankDetails("0169", "広島銀行", "001", "ヤマダ　タロウ"));
			updates.paymentPlanned(subject, 2025, LocalDate.of(2026, 7, 25), june(15));
			updates.paid(subject, 2025, LocalDate.of(2026, 7, 25));
		}, "OPERATOR");
		ProgressYear year = record(ONE, 2025).orElseThrow();
		assertThat(year.noticeSentOn()).isEqualTo(june(10));
		assertThat(year.value(82)).isEqualTo("A123456789");
		assertThat(year.value(51)).isEqualTo("2026-06-12");
		assertThat(year.value(78)).isEqualTo("0169");
		assertThat(year.value(79)).isEqualTo("広島銀行");
		assertThat(year.value(80)).isEqualTo("001");
		assertThat(year.value(81)).isEqualTo("ヤマダ　タロウ");
		assertThat(year.value(53)).isEqualTo("2026-07-25");
		assertThat(year.value(83)).isEqualTo("2026-06-15");
		assertThat(year.value(54)).isEqualTo("1");
		assertThat(year.paidOn()).isEqualTo(LocalDate.of(2026, 7, 25));
		assertThat(year.value(73)).isEqualTo("20");

		var statement = as("agent1", () -> records.statement(subject, "テスト"), "AGENT");
		assertThat(statement).first().satisfies(line -> {
			assertThat(line.businessYear()).isEqualTo(2025);
			assertThat(line.total()).isEqualTo(20);
			assertThat(line.credited()).isEqualTo(20);
			assertThat(line.amountYen()).isEqualTo(2000);
			assertThat(line.noticeSentOn()).isEqualTo(june(10));
			assertThat(line.paymentPlanned()).isEqualTo(LocalDate.of(2026, 7, 25));
			assertThat(line.state()).isEqualTo("確定");
		});
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'VIEW' and username = 'agent1'"
				+ " and detail like 'ポイント・支払状況%' and :a = any(subject_ids)").param("a", ONE)
				.query(Long.class).single()).isPositive();
	}

	@Test
	void updates_refuse_unknown_people_and_bad_values_and_change_nothing() {
		assertThatThrownBy(() -> run("operator1",
				() -> updates.noticeSent(new AddressNumber("7739999999"), 2025, june(1), null), "OPERATOR"))
				.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> run("operator1", () -> updates.accountReceived(new AddressNumber(ONE), 2025, june(1),
				new ProgressUpdates.BankDetails("01a9", "銀行", "001", "名義")), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> run("operator1", () -> updates.accountReceived(new AddressNumber(ONE), 2025, june(1),
				new ProgressUpdates.BankDetails("0169", "銀\u001b行", "001", "名義")), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		assertThat(record(ONE, 2025)).isEmpty();
	}
}
