package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.payments.AccountReminders.Due;
import jp.ikiiki.desk.payments.AccountReminders.NotDue;
import jp.ikiiki.desk.payments.AccountReminders.Reason;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders (第8章6) from the due list to the dispatched letter and 別紙3 col 52: one person without a form, one with a
 * faulty form, one whose transfer the bank returned, one with a valid account (paid, not asked), one whose form is
 * being keyed, one never notified, one with nothing left to pay; the year kept apart (reminded for 2025 is still due
 * for 2024); a faulty form after the reminder makes the person due again. Clock pinned to 2026-06-15 10:00 Japan time.
 * The payable years and the notices sent are written as the tally and the notice dispatch would leave them (each is
 * tested in its own module); forms, accounts, runs, returns and the mailing go through the services.
 */
class AccountRemindersIT extends TallyITSupport {

	static final String NO_FORM = "0000720001";
	static final String FAULTY = "0000720002";
	static final String RETURNED = "0000720003";
	static final String VALID = "0000720004";
	static final String KEYING = "0000720005";
	static final String NOT_NOTIFIED = "0000720006";
	static final String PAID_OFF = "0000720007";
	static final List<String> ALL = List.of(NO_FORM, FAULTY, RETURNED, VALID, KEYING, NOT_NOTIFIED, PAID_OFF);

	@Autowired
	AccountForms forms;
	@Autowired
	PaymentRuns runs;
	@Autowired
	AccountReminders reminders;
	@Autowired
	Mailings mailings;
	@Autowired
	MailingsProperties mailingsProperties;
	@Autowired
	ProgressRecords records;

	@BeforeEach
	void data() {
		for (String t : List.of("account_reminder_subject", "account_reminder", "payment_notice_sent", "payment_return",
				"payment_exclusion", "payment", "payment_run_file", "payment_run", "payable_year", "payee_account",
				"account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		jdbc.sql("delete from progress_year where address_number in (:s)").param("s", ALL).update();
		clearTally();
		importSubjects(ALL.stream().map(TallyITSupport::progress).toList());
		long[] amounts = { 2_000, 3_000, 4_000, 5_000, 1_000, 6_000, 0 };
		for (int i = 0; i < ALL.size(); i++) {
			payable(ALL.get(i), 2025, amounts[i]);
			if (!ALL.get(i).equals(NOT_NOTIFIED)) {
				notified(ALL.get(i), 2025, june(1));
			}
		}
	}

	private void payable(String subject, int year, long yen) {
		jdbc.sql("insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)"
				+ " values (:a, :y, :yen, :on, now())").param("a", subject).param("y", year).param("yen", yen)
				.param("on", LocalDate.of(2026, 5, 15)).update();
	}

	private void notified(String subject, int year, LocalDate on) {
		jdbc.sql("insert into payment_notice_sent (address_number, business_year, sent_on) values (:a, :y, :on)")
				.param("a", subject).param("y", year).param("on", on).update();
	}

	private void account(String subject, AccountEntry entry) {
		as("op1", () -> forms.entry(subject, entry, june(2)), "OPERATOR");
		assertThat(as("op2", () -> forms.verify(subject, entry), "OPERATOR").form().state())
				.isEqualTo(AccountFormState.VERIFIED);
	}

	private AccountReminders.DueList due(int year) {
		return as("op1", () -> reminders.due(year), "OPERATOR");
	}

	@Test
	void the_due_list_names_each_reason_the_reminder_is_printed_and_its_dispatch_fills_column_52() throws Exception {
		as("op1", () -> forms.recordFaulty(FAULTY, List.of("口座番号の桁数が不足", "通帳の写しなし"), june(3)), "OPERATOR");
		account(RETURNED, AccountEntry.bank("0001", "001", "普通", "0000003", "ヤマダ タロウ"));
		account(VALID, AccountEntry.bank("0001", "001", "普通", "0000004", "ヤマダ タロウ"));
		as("op1", () -> forms.entry(KEYING, AccountEntry.bank("0001", "001", "普通", "0000005", "ヤマダ タロウ"), june(4)),
				"OPERATOR");
		PaymentRuns.Run run = as("op1", () -> runs.create(2025, june(25)), "OPERATOR");
		as("op1", () -> runs.deliver(run.id()), "OPERATOR");
		as("op1", () -> runs.recordReturns(run.id(), List.of(new PaymentRuns.ReturnItem(RETURNED, "口座解約済"))),
				"OPERATOR");

		var list = due(2025);
		assertThat(list.due()).extracting(Due::addressNumber, Due::reason).containsExactly(
				org.assertj.core.groups.Tuple.tuple(NO_FORM, Reason.NO_FORM),
				org.assertj.core.groups.Tuple.tuple(FAULTY, Reason.FAULTY_FORM),
				org.assertj.core.groups.Tuple.tuple(RETURNED, Reason.RETURNED));
		Map<String, Due> byNumber = list.due().stream().collect(Collectors.toMap(Due::addressNumber, d -> d));
		assertThat(byNumber.get(NO_FORM).amountYen()).isEqualTo(2_000);
		assertThat(byNumber.get(NO_FORM).since()).isEqualTo(june(1));
		assertThat(byNumber.get(FAULTY).detail()).isEqualTo("口座番号の桁数が不足、通帳の写しなし");
		assertThat(byNumber.get(FAULTY).since()).isEqualTo(june(3));
		// the returned transfer is still due in full: the failed payment does not count as paid
		assertThat(byNumber.get(RETURNED).amountYen()).isEqualTo(4_000);
		assertThat(byNumber.get(RETURNED).detail()).isEqualTo("口座解約済");
		assertThat(list.notDue()).containsExactly(new NotDue(KEYING, "FORM_IN_KEYING", null));
		// the counts per reason, recomputed from the lines
		for (Reason r : Reason.values()) {
			assertThat(list.byReason().get(r)).isEqualTo((int) list.due().stream().filter(d -> d.reason() == r).count());
		}

		// hostile instructions: nothing is made
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, LocalDate.of(1, 1, 1), ""), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("0001-01-01");
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, june(16), ""), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("未来");
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, null, ""), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, june(10), "文書\u0007"), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("制御文字");
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, june(10), "あ".repeat(201)), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("200");
		assertThatThrownBy(() -> as("op1", () -> reminders.start(1999, june(10), ""), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.sql("select count(*) from account_reminder").query(Long.class).single()).isZero();

		// a floor manager reads the list but does not make mailings; an operator starts it with the city's date
		assertThatThrownBy(() -> as("fm1", () -> reminders.start(2025, june(10), ""), "FLOOR_MANAGER"))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(as("fm1", () -> reminders.due(2025), "FLOOR_MANAGER").due()).hasSize(3);
		AccountReminders.Reminder r = as("op1", () -> reminders.start(2025, june(10), "=cmd|' /C calc'!A0"),
				"OPERATOR");
		assertThat(r.reminded()).isEqualTo(3);
		assertThat(r.leftOut()).isZero();
		assertThat(r.state()).isEqualTo("SELECTED");
		assertThat(r.instruction()).isEqualTo("=cmd|' /C calc'!A0");
		assertThat(as("op1", () -> mailings.batch(r.batchId()), "OPERATOR").orElseThrow().envelopes()).isEqualTo(3);
		assertThat(due(2025).due()).isEmpty();
		assertThat(due(2025).notDue()).extracting(NotDue::addressNumber, NotDue::why).contains(
				org.assertj.core.groups.Tuple.tuple(NO_FORM, "ALREADY_REMINDED"));
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2025, june(11), ""), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);

		// the printed letter: the person's reason and the amount; the account form beside it
		PrintRun printed = as("op1", () -> mailings.print(r.batchId(), MailingProgress.NONE, "テスト"), "OPERATOR");
		assertThat(printed.outcome()).isEqualTo(PrintRun.Outcome.DONE);
		Path dir = mailingsProperties.outputDir().resolve("batch-" + r.batchId());
		String letter;
		try (var pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve("batch-" + r.batchId()
				+ "-bundle-0001-account-reminder.pdf")))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(3);
			letter = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
		}
		assertThat(letter).contains("口座番号の桁数が不足", "口座解約済", "まだ届いていません", "3,000円", "令和7年度分");
		assertThat(Files.exists(dir.resolve("batch-" + r.batchId() + "-bundle-0001-account-form.pdf"))).isTrue();

		// dispatched: 不備状送付日 (col 52) of the year, the reminder's date per person. The mailings stamp the print
		// with the database's clock, not the pinned one: the clock moves to the day printed, and it is dispatched then.
		LocalDate sent = jdbc.sql("select cast(printed_at at time zone 'Asia/Tokyo' as date) from mailing_batch"
				+ " where id = :id").param("id", r.batchId()).query(LocalDate.class).single();
		clock.set(sent.atTime(17, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant());
		as("op1", () -> mailings.dispatch(r.batchId(), sent, "テスト"), "OPERATOR");
		assertThat(as("op1", () -> reminders.reminders(5), "OPERATOR").get(0).state()).isEqualTo("DISPATCHED");
		for (String s : List.of(NO_FORM, FAULTY, RETURNED)) {
			assertThat(as("op1", () -> records.find(new AddressNumber(s), 2025, "テスト"), "OPERATOR").orElseThrow()
					.value(YearColumns.DEFICIENCY_SENT)).isEqualTo(sent.toString());
		}
		assertThat(as("op1", () -> records.find(new AddressNumber(VALID), 2025, "テスト"), "OPERATOR")
				.map(p -> p.value(YearColumns.DEFICIENCY_SENT)).orElse("")).isEmpty();
		assertThat(due(2025).notDue()).contains(new NotDue(NO_FORM, "ALREADY_REMINDED", sent));

		// a new faulty form after the reminder: due again; the others stay reminded
		clock.set(clock.instant().plusSeconds(3_600));
		as("op1", () -> forms.recordFaulty(FAULTY, List.of("口座名義が本人と異なる"), sent), "OPERATOR");
		assertThat(due(2025).due()).extracting(Due::addressNumber, Due::detail)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(FAULTY, "口座名義が本人と異なる"));

		// the year is kept apart: reminded for 2025, still due for 2024
		payable(NO_FORM, 2024, 1_500);
		notified(NO_FORM, 2024, LocalDate.of(2026, 4, 10));
		assertThat(due(2024).due()).containsExactly(new Due(NO_FORM, Reason.NO_FORM, "", 1_500, LocalDate.of(2026, 4, 10)));
	}

	@Test
	void a_withdrawn_reminder_makes_its_people_due_again_and_nobody_due_is_refused() {
		AccountReminders.Reminder r = as("op1", () -> reminders.start(2025, june(10), "電話"), "OPERATOR");
		// without forms or a run here, all five notified with something to pay are due; PAID_OFF owes nothing
		assertThat(r.reminded()).isEqualTo(5);
		as("op1", () -> mailings.cancel(r.batchId(), "指示の取消", "テスト"), "OPERATOR");
		assertThat(as("op1", () -> reminders.reminders(5), "OPERATOR").get(0).state()).isEqualTo("CANCELLED");
		assertThat(due(2025).due()).hasSize(5);
		assertThatThrownBy(() -> as("op1", () -> reminders.start(2024, june(10), ""), "OPERATOR"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("対象者はいません");
	}
}
