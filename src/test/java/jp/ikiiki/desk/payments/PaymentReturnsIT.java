package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.ikiiki.desk.payments.PaymentRuns.ReturnImport;
import jp.ikiiki.desk.payments.PaymentRuns.ReturnProblem;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bank's 振込不能 result imported (第7章1(5)): refused files change nothing and name every row, column and reason;
 * a dry run changes nothing; an import marks the payments failed and the accounts faulty (the person due for a
 * reminder), two imports of the same file at once mark each payment once, and the confirmation of the run sets
 * 振込有無 (別紙3 col 54) for those paid and for nobody returned. Clock pinned to 2026-06-15 10:00 Japan time.
 */
class PaymentReturnsIT extends TallyITSupport {

	static final String A = "0000730001";
	static final String B = "0000730002";
	static final String C = "0000730003";
	static final String HEADER = "宛名番号,金融機関コード,店舗コード,口座番号,金額,不能事由コード,不能事由\r\n";

	@Autowired
	AccountForms forms;
	@Autowired
	PaymentRuns runs;
	@Autowired
	AccountReminders reminders;
	@Autowired
	ProgressRecords records;

	long runId;

	@BeforeEach
	void data() {
		for (String t : List.of("account_reminder_subject", "account_reminder", "payment_notice_sent", "payment_return",
				"payment_exclusion", "payment", "payment_run_file", "payment_run", "payable_year", "payee_account",
				"account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		jdbc.sql("delete from progress_year where address_number in (:s)").param("s", List.of(A, B, C)).update();
		clearTally();
		importSubjects(List.of(progress(A), progress(B), progress(C)));
		long yen = 1_000;
		for (String s : List.of(A, B, C)) {
			jdbc.sql("insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)"
					+ " values (:a, 2025, :yen, :on, now())").param("a", s).param("yen", yen)
					.param("on", LocalDate.of(2026, 5, 15)).update();
			jdbc.sql("insert into payment_notice_sent (address_number, business_year, sent_on) values (:a, 2025, :on)")
					.param("a", s).param("on", june(1)).update();
			yen += 1_000;
		}
		account(A, AccountEntry.bank("0001", "001", "普通", "0000001", "ヤマダ タロウ"));
		account(B, AccountEntry.bank("0005", "001", "普通", "0000002", "ヤマダ ハナコ"));
		account(C, AccountEntry.bank("0001", "001", "普通", "0000003", "ヤマダ ジロウ"));
		runId = as("op1", () -> runs.create(2025, june(25)), "OPERATOR").id();
		as("op1", () -> runs.deliver(runId), "OPERATOR");
	}

	private void account(String subject, AccountEntry entry) {
		as("op1", () -> forms.entry(subject, entry, june(2)), "OPERATOR");
		as("op2", () -> forms.verify(subject, entry), "OPERATOR");
	}

	private ReturnImport importCsv(String csv, boolean dryRun) {
		return as("op1", () -> runs.importReturns(runId, "returns.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dryRun), "OPERATOR");
	}

	private List<String> states() {
		return jdbc.sql("select address_number || ' ' || state from payment where run_id = :r order by seq")
				.param("r", runId).query(String.class).list();
	}

	@Test
	void a_file_of_five_bad_rows_is_refused_row_by_row_and_changes_nothing() throws Exception {
		List<String> before = states();
		ReturnImport refused = importCsv(HEADER
				+ "12AB,,,,1000,1,取引なし\r\n"
				+ "0000739999,,,,1000,1,取引なし\r\n"
				+ A + ",,,,999,1,取引なし\r\n"
				+ B + ",,,,2000,,=cmd|' /C calc'!A0\r\n"
				+ ",0001,001,0000003,3000,1,口座\u0007なし\r\n", false);
		assertThat(refused.rows()).isEqualTo(5);
		assertThat(refused.marked()).isZero();
		assertThat(refused.problems()).extracting(ReturnProblem::row, ReturnProblem::column).containsExactly(
				org.assertj.core.groups.Tuple.tuple(2, "宛名番号"), org.assertj.core.groups.Tuple.tuple(3, "宛名番号"),
				org.assertj.core.groups.Tuple.tuple(4, "金額"), org.assertj.core.groups.Tuple.tuple(5, "不能事由"),
				org.assertj.core.groups.Tuple.tuple(6, "不能事由"));
		assertThat(refused.problems().get(2).reason()).contains("1,000");
		assertThat(refused.problems().get(4).reason()).contains("制御文字");
		assertThat(states()).isEqualTo(before);

		// one bad row among good ones: nothing either
		ReturnImport mixed = importCsv(HEADER + A + ",,,,1000,1,取引なし\r\n" + A + ",,,,1000,1,取引なし\r\n", false);
		assertThat(mixed.problems()).extracting(ReturnProblem::row).containsExactly(3);
		assertThat(mixed.problems().get(0).reason()).contains("前の行");
		assertThat(states()).isEqualTo(before);

		assertThatThrownBy(() -> importCsv("", false)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> importCsv("a,b,c\r\n1,2,3\r\n", false)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("必要な列");
		assertThatThrownBy(() -> importCsv(HEADER, false)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("明細行");

		// an XLSX whose reason is a formula: read as written, refused
		var out = new ByteArrayOutputStream();
		try (var wb = new XSSFWorkbook()) {
			var sheet = wb.createSheet();
			String[] head = HEADER.strip().split(",");
			for (int i = 0; i < head.length; i++) {
				sheet.createRow(0).createCell(i);
			}
			var h = sheet.getRow(0);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			var r = sheet.createRow(1);
			r.createCell(0).setCellValue(A);
			r.createCell(4).setCellValue(1000);
			r.createCell(6).setCellFormula("HYPERLINK(\"http://example.invalid\",\"x\")");
			wb.write(out);
		}
		ReturnImport xlsx = as("op1", () -> runs.importReturns(runId, "returns.xlsx",
				new ByteArrayInputStream(out.toByteArray()), false), "OPERATOR");
		assertThat(xlsx.problems()).extracting(ReturnProblem::row, ReturnProblem::column)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "不能事由"));
		assertThat(states()).isEqualTo(before);
	}

	@Test
	void an_import_marks_the_returns_once_even_twice_at_once_and_the_confirmation_fills_column_54() {
		// by 宛名番号 (full-width digits, amount with a separator) and by the account alone
		String file = HEADER + "０００" + A.substring(3) + ",,,,\"1,000\",1,取引なし\r\n"
				+ ",0005,001,2,2000,3,\r\n";
		ReturnImport dry = importCsv(file, true);
		assertThat(dry.problems()).isEmpty();
		assertThat(dry.marked()).isZero();
		assertThat(states()).containsExactly(A + " SCHEDULED", B + " SCHEDULED", C + " SCHEDULED");

		var first = CompletableFuture.supplyAsync(() -> importCsv(file, false));
		var second = CompletableFuture.supplyAsync(() -> importCsv(file, false));
		List<ReturnImport> both = List.of(first.join(), second.join());
		assertThat(both).extracting(ReturnImport::marked).containsExactlyInAnyOrder(2, 0);
		ReturnImport late = both.stream().filter(r -> r.marked() == 0).findFirst().orElseThrow();
		assertThat(late.problems()).extracting(ReturnProblem::reason).containsOnly("この支払の振込不能は記録済みです");
		assertThat(states()).containsExactly(A + " FAILED", B + " FAILED", C + " SCHEDULED");
		assertThat(jdbc.sql("select failed_reason from payment where run_id = :r and address_number = :a")
				.param("r", runId).param("a", B).query(String.class).single()).isEqualTo("不能事由コード 3");
		assertThat(as("op1", () -> forms.account(A), "OPERATOR").orElseThrow().state()).isEqualTo("FAULTY");
		// the returned are due for a reminder
		assertThat(as("op1", () -> reminders.due(2025), "OPERATOR").due()).extracting(AccountReminders.Due::addressNumber,
				AccountReminders.Due::reason).containsExactly(
						org.assertj.core.groups.Tuple.tuple(A, AccountReminders.Reason.RETURNED),
						org.assertj.core.groups.Tuple.tuple(B, AccountReminders.Reason.RETURNED));

		// the transfer date has not come: the result does not confirm the run, and a floor manager cannot yet
		assertThat(as("op1", () -> runs.confirmation(runId), "OPERATOR")).isEmpty();
		assertThatThrownBy(() -> as("fm1", () -> runs.confirm(runId), "FLOOR_MANAGER"))
				.isInstanceOf(StateConflictException.class);
		clock.set(LocalDate.of(2026, 6, 26).atTime(10, 0).atZone(JapanTime.ZONE).toInstant());
		as("fm1", () -> runs.confirm(runId), "FLOOR_MANAGER");
		assertThat(as("op1", () -> runs.confirmation(runId), "OPERATOR")).contains("FLOOR_MANAGER");
		assertThatThrownBy(() -> as("fm1", () -> runs.confirm(runId), "FLOOR_MANAGER"))
				.isInstanceOf(StateConflictException.class);
		assertThat(col54(C)).isEqualTo("1");
		assertThat(col54(A)).isEmpty();
		assertThat(col54(B)).isEmpty();
	}

	@Test
	void the_banks_result_imported_after_the_transfer_date_confirms_the_run() {
		clock.set(LocalDate.of(2026, 6, 26).atTime(10, 0).atZone(JapanTime.ZONE).toInstant());
		assertThat(importCsv(HEADER + C + ",,,,3000,,受取人名義相違\r\n", false).marked()).isEqualTo(1);
		assertThat(as("op1", () -> runs.confirmation(runId), "OPERATOR")).contains("BANK_RESULT");
		assertThat(col54(A)).isEqualTo("1");
		assertThat(col54(B)).isEqualTo("1");
		assertThat(col54(C)).isEmpty();

		// a return that comes after the confirmation takes back that person's 振込有無, nobody else's
		assertThat(importCsv(HEADER + A + ",,,,1000,1,取引なし\r\n", false).marked()).isEqualTo(1);
		assertThat(col54(A)).isEmpty();
		assertThat(col54(B)).isEqualTo("1");
		assertThat(as("op1", () -> runs.confirmation(runId), "OPERATOR")).contains("BANK_RESULT");
	}

	private String col54(String subject) {
		return as("op1", () -> records.find(new AddressNumber(subject), 2025, "テスト"), "OPERATOR")
				.map(p -> p.value(YearColumns.TRANSFERRED)).orElse("");
	}
}
