package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the console's payments screens call, against the embedded PostgreSQL with the bundled bank master: the checks
 * shown beside each keyed field, the verify compared field by field (stopping at the first difference, a second
 * difference for the floor manager), the disputes list, the masked account and the payment history of the subject
 * page, and the list of runs. Clock pinned to 2026-06-15 10:00 Japan time.
 */
class PaymentScreensIT extends TallyITSupport {

	static final String A = "0000720001";
	static final String B = "0000720002";

	@Autowired
	AccountForms forms;
	@Autowired
	PaymentRuns runs;
	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletKeying keying;

	@BeforeEach
	void data() {
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payable_year", "payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		clearTally();
		importSubjects(List.of(progress(A), progress(B)));
	}

	@Test
	void each_field_shows_what_it_reads_as_or_the_reason_it_is_refused() {
		AccountEntry bank = AccountEntry.bank("0001", "001", "1", "１２３４５６７", "キョウ　ショータ");
		assertThat(as("op1", () -> forms.check(AccountField.BANK_CODE, bank), "OPERATOR")).contains("みずほ");
		assertThat(as("op1", () -> forms.check(AccountField.BRANCH_CODE, bank), "OPERATOR")).contains("東京営業部");
		assertThat(as("op1", () -> forms.check(AccountField.ACCOUNT_TYPE, bank), "OPERATOR")).isEqualTo("普通");
		assertThat(as("op1", () -> forms.check(AccountField.ACCOUNT_NUMBER, bank), "OPERATOR")).isEqualTo("1234567");
		assertThat(as("op1", () -> forms.check(AccountField.HOLDER, bank), "OPERATOR")).isEqualTo("ｷﾖｳ ｼﾖ-ﾀ");
		AccountEntry yucho = AccountEntry.yucho("14180", "12345671", "ヤマダ");
		assertThat(as("op1", () -> forms.check(AccountField.YUCHO_NUMBER, yucho), "OPERATOR"))
				.contains("店番 418").contains("口座番号 1234567");

		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.BANK_CODE,
				AccountEntry.bank("0002", null, null, null, null)), "OPERATOR")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("0002");
		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.BRANCH_CODE,
				AccountEntry.bank("0001", "999", null, null, null)), "OPERATOR")).hasMessageContaining("999");
		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.ACCOUNT_TYPE,
				AccountEntry.bank("0001", "001", "定期", null, null)), "OPERATOR")).hasMessageContaining("預金種目");
		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.ACCOUNT_NUMBER,
				AccountEntry.bank("0001", "001", "1", "12345", null)), "OPERATOR")).hasMessageContaining("7桁");
		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.HOLDER,
				AccountEntry.bank("0001", "001", "1", "1234567", "山田")), "OPERATOR")).hasMessageContaining("「山」");
		assertThatThrownBy(() -> as("op1", () -> forms.check(AccountField.YUCHO_NUMBER,
				AccountEntry.yucho("14180", "12345678", "ヤマダ")), "OPERATOR")).hasMessageContaining("末尾が1");
	}

	@Test
	void the_verify_stops_at_the_first_field_that_differs_and_a_second_difference_waits_for_the_floor_manager() {
		as("op1", () -> forms.entry(A, AccountEntry.bank("0001", "001", "普通", "1234567", "ヤマダ タロウ"), null),
				"OPERATOR");
		assertThatThrownBy(() -> as("op1", () -> forms.openVerify(A), "OPERATOR"))
				.isInstanceOf(StateConflictException.class);
		AccountForms.VerifySheet sheet = as("op2", () -> forms.openVerify(A), "OPERATOR");
		assertThat(sheet.status()).isEmpty();

		assertThat(as("op2", () -> forms.verifyField(A, AccountField.BANK_CODE, "０００１"), "OPERATOR"))
				.isEqualTo(Outcome.MATCHED);
		assertThat(as("op2", () -> forms.verifyField(A, AccountField.BRANCH_CODE, "002"), "OPERATOR"))
				.isEqualTo(Outcome.REKEY);
		assertThat(as("op2", () -> forms.verifyField(A, AccountField.BRANCH_CODE, "002"), "OPERATOR"))
				.isEqualTo(Outcome.DISPUTED);
		for (var f : Map.of(AccountField.ACCOUNT_TYPE, "1", AccountField.ACCOUNT_NUMBER, "1234567",
				AccountField.YUCHO_SYMBOL, "", AccountField.YUCHO_NUMBER, "", AccountField.HOLDER, "ﾔﾏﾀﾞ ﾀﾛｳ").entrySet()) {
			assertThat(as("op2", () -> forms.verifyField(A, f.getKey(), f.getValue()), "OPERATOR"))
					.as(f.getKey().name()).isEqualTo(Outcome.MATCHED);
		}
		assertThat(as("op2", () -> forms.completeVerify(A), "OPERATOR").state()).isEqualTo(AccountFormState.DISPUTED);

		List<AccountForms.Dispute> disputes = as("fm", () -> forms.disputes(), "FLOOR_MANAGER");
		assertThat(disputes).hasSize(1);
		assertThat(disputes.get(0).fields()).extracting(AccountForms.DisputedField::field,
				AccountForms.DisputedField::entryValue, AccountForms.DisputedField::verifyValue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(AccountField.BRANCH_CODE, "001", "002"));
		assertThat(as("fm", () -> forms.decide(A, Map.of(AccountField.BRANCH_CODE, "001"), "用紙で確認"),
				"FLOOR_MANAGER").state()).isEqualTo(AccountFormState.VERIFIED);
		assertThat(as("fm", () -> forms.disputes(), "FLOOR_MANAGER")).isEmpty();
	}

	@Test
	void the_subject_page_shows_the_account_masked_but_for_its_last_3_digits_and_the_payments() {
		as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "普通", "7654321", "ヤマダ ハナコ"),
				LocalDate.of(2026, 5, 1)), "OPERATOR");
		as("op2", () -> forms.verify(B, AccountEntry.bank("0001", "001", "普通", "7654321", "ヤマダ ハナコ")),
				"OPERATOR");
		long id = as("operator1", () -> receipts.receive(new BookletReceipts.Receipt("K" + B, LocalDate.of(2026, 5, 15),
				2025, BookletKind.MAIN, null), "テスト"), "OPERATOR").id();
		var counts = new StampCounts(25, 0, StampCounts.ZERO.checkups(), 0, 0);
		as("keyer1", () -> keying.submitEntry(id, counts), "OPERATOR");
		as("keyer2", () -> keying.submitVerify(id, counts), "OPERATOR");
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from payable_year")
				.query(Long.class).single() == 1);

		AccountForms.AccountSummary account = as("agent", () -> forms.accountSummary(B, "画面:受付デスク"), "AGENT")
				.orElseThrow();
		assertThat(account.maskedNumber()).isEqualTo("＊＊＊＊321");
		assertThat(account.bankName()).contains("みずほ");
		assertThat(account.state()).isEqualTo("VALID");
		assertThat(as("agent", () -> forms.accountSummary(A, "画面:受付デスク"), "AGENT")).isEmpty();

		PaymentRuns.Run run = as("op1", () -> runs.create(2025, LocalDate.of(2026, 6, 25)), "OPERATOR");
		assertThat(as("fm", () -> runs.runs(10), "FLOOR_MANAGER")).extracting(PaymentRuns.RunSummary::id,
				PaymentRuns.RunSummary::count, PaymentRuns.RunSummary::totalYen, PaymentRuns.RunSummary::state)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(run.id(), 1, 10_000L, "DRAFT"));
		assertThat(as("agent", () -> runs.history(B), "AGENT")).extracting(PaymentRuns.PaymentLine::runId,
				PaymentRuns.PaymentLine::amountYen, PaymentRuns.PaymentLine::runState)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(run.id(), 10_000L, "DRAFT"));
		assertThat(jdbc.sql("select count(*) from audit_event where channel = '画面:受付デスク'").query(Long.class).single())
				.isPositive();
	}
}
