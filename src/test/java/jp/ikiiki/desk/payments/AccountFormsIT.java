package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.notices.RegisteredAccounts;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 口座登録用紙 keyed by two operators (第10章3) against the embedded PostgreSQL with the bundled bank master: checks at
 * keying time, ゆうちょ conversion, 全銀 holder names, mismatches and a floor manager's decision, faulty forms, and the
 * notice run's question of who has a usable account. Clock pinned to 2026-06-15 10:00 Japan time.
 */
class AccountFormsIT extends TallyITSupport {

	static final String A = "0000700001";
	static final String B = "0000700002";
	static final String C = "0000700003";

	@Autowired
	AccountForms forms;
	@Autowired
	RegisteredAccounts registered;
	@Autowired
	BusinessYears years;
	@Autowired
	MockMvc mvc;

	@BeforeEach
	void subjects() {
		for (String t : List.of("payment_return", "payment_exclusion", "payment", "payment_run_file", "payment_run",
				"payee_account", "account_form_decision", "account_form_key", "account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		importSubjects(List.of(progress(A), progress(B), progress(C)));
	}

	@Test
	void a_yucho_form_keyed_by_two_operators_becomes_an_account_with_branch_and_number_converted() {
		AccountEntry entry = AccountEntry.yucho("14180", "12345671", "キョウ　ショータ");
		AccountForm entered = as("op1", () -> forms.entry(A, entry, june(10)), "OPERATOR");
		assertThat(entered.state()).isEqualTo(AccountFormState.ENTERED);
		assertThat(entered.receivedOn()).isEqualTo(june(10));
		assertThat(entered.managementNumber()).isEqualTo("K" + A);

		AccountForms.VerifyResult verified = as("op2", () -> forms.verify(A, AccountEntry.yucho("１４１８０", "1234567 1",
				"ｷｮｳ ｼｮｰﾀ")), "OPERATOR");
		assertThat(verified.mismatches()).isEmpty();
		assertThat(verified.form().state()).isEqualTo(AccountFormState.VERIFIED);

		PayeeAccount account = as("op1", () -> forms.account(A), "OPERATOR").orElseThrow();
		assertThat(account.bankCode()).isEqualTo("9900");
		assertThat(account.branchCode()).isEqualTo("418");
		assertThat(account.accountNumber()).isEqualTo("1234567");
		assertThat(account.accountType()).isEqualTo(AccountType.ORDINARY);
		assertThat(account.holderKana()).isEqualTo("ｷﾖｳ ｼﾖ-ﾀ");
		assertThat(account.validFrom()).isEqualTo(june(10));
		assertThat(registered.withUsableAccount(List.of(new AddressNumber(A), new AddressNumber(B)), years.require(2025)))
				.containsExactly(new AddressNumber(A));
	}

	@Test
	void an_unknown_branch_is_refused_at_entry_naming_it_and_nothing_is_kept() {
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "999", "普通", "1234567",
				"ヤマダ タロウ"), null), "OPERATOR")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("店舗コード 999");
		assertThat(jdbc.sql("select count(*) from account_form where address_number = :a").param("a", B)
				.query(Long.class).single()).isZero();
	}

	@Test
	void every_check_at_keying_time_gives_its_reason() {
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "定期", "1234567",
				"ヤマダ"), null), "OPERATOR")).hasMessageContaining("預金種目");
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "1", "123456",
				"ヤマダ"), null), "OPERATOR")).hasMessageContaining("7桁");
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "1", "1234567",
				"山田"), null), "OPERATOR")).hasMessageContaining("「山」");
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, new AccountEntry("0001", "001", "1", "1234567", "14180",
				"12345671", "ヤマダ"), null), "OPERATOR")).hasMessageContaining("一緒に入力できません");
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.yucho("14180", "12345678", "ヤマダ"), null),
				"OPERATOR")).hasMessageContaining("末尾が1");
		assertThatThrownBy(() -> as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "1", "1234567",
				"ヤマダ"), june(16)), "OPERATOR")).hasMessageContaining("未来");
		assertThatThrownBy(() -> as("op1", () -> forms.entry("9999999999", AccountEntry.bank("0001", "001", "1",
				"1234567", "ヤマダ"), null), "OPERATOR")).hasMessageContaining("対象者はいません");
	}

	@Test
	void the_entry_keyer_may_not_verify_and_a_second_difference_goes_to_a_floor_managers_decision() {
		as("op1", () -> forms.entry(B, AccountEntry.bank("0001", "001", "普通", "1234567", "ヤマダ タロウ"), null),
				"OPERATOR");
		assertThatThrownBy(() -> as("op1", () -> forms.verify(B, AccountEntry.bank("0001", "001", "普通", "1234567",
				"ヤマダ タロウ")), "OPERATOR")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("ベリファイできません");

		AccountForms.VerifyResult first = as("op2", () -> forms.verify(B, AccountEntry.bank("0001", "001", "普通",
				"1234576", "ヤマダ タロウ")), "OPERATOR");
		assertThat(first.mismatches()).containsExactly("accountNumber");
		assertThat(first.form().state()).isEqualTo(AccountFormState.VERIFYING);
		AccountForms.VerifyResult second = as("op2", () -> forms.verify(B, AccountEntry.bank("0001", "001", "普通",
				"1234576", "ヤマダ タロウ")), "OPERATOR");
		assertThat(second.form().state()).isEqualTo(AccountFormState.DISPUTED);
		assertThat(as("op2", () -> forms.account(B), "OPERATOR")).isEmpty();

		AccountForm decided = as("fm1", () -> forms.decide(B, Map.of(AccountField.ACCOUNT_NUMBER, "1234567"),
				"通帳の写しで確認"), "FLOOR_MANAGER");
		assertThat(decided.state()).isEqualTo(AccountFormState.VERIFIED);
		assertThat(as("op1", () -> forms.account(B), "OPERATOR").orElseThrow().accountNumber()).isEqualTo("1234567");
	}

	@Test
	void a_faulty_form_is_recorded_with_its_reasons_and_the_person_has_no_usable_account() {
		AccountForm faulty = as("op1", () -> forms.recordFaulty(C, List.of("口座名義が本人と異なる", " "), june(12)),
				"OPERATOR");
		assertThat(faulty.state()).isEqualTo(AccountFormState.FAULTY);
		assertThat(faulty.faultyReasons()).containsExactly("口座名義が本人と異なる");
		assertThat(faulty.faultyOn()).isEqualTo(june(12));
		assertThat(registered.withUsableAccount(List.of(new AddressNumber(C)), years.require(2025))).isEmpty();
		assertThatThrownBy(() -> as("op1", () -> forms.recordFaulty(C, List.of(), null), "OPERATOR"))
				.hasMessageContaining("不備の内容");

		// a new form after the faulty one is received and keyed as usual
		as("op1", () -> forms.entry(C, AccountEntry.bank("0001", "001", "1", "7654321", "ヤマダ"), null), "OPERATOR");
		as("op2", () -> forms.verify(C, AccountEntry.bank("0001", "001", "1", "7654321", "ヤマダ")), "OPERATOR");
		assertThat(as("op1", () -> forms.forms(C), "OPERATOR")).extracting(AccountForm::state)
				.containsExactly(AccountFormState.VERIFIED, AccountFormState.FAULTY);
	}

	@Test
	void the_api_answers_422_with_a_reason_and_409_with_the_mismatching_fields() throws Exception {
		mvc.perform(put("/api/accounts/" + B + "/verify").with(user("op2").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"yuchoSymbol":"10180","yuchoNumber":"4561","holderKana":"ヤマダ"}"""))
				.andExpect(status().isNotFound());
		mvc.perform(put("/api/accounts/" + B + "/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"bankCode":"0001","branchCode":"999","accountType":"1","accountNumber":"1234567",
						 "holderKana":"ヤマダ"}""")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("999")));
		mvc.perform(put("/api/accounts/" + B + "/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"yuchoSymbol":"10180","yuchoNumber":"4561","holderKana":"ヤマダ　ハナコ"}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ENTERED"));
		mvc.perform(put("/api/accounts/" + B + "/verify").with(user("op2").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"yuchoSymbol":"10180","yuchoNumber":"4561","holderKana":"ヤマダ　ハナエ"}"""))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.mismatches[0]").value("holderKana"));
		mvc.perform(put("/api/accounts/" + B + "/verify").with(user("op2").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"yuchoSymbol":"10180","yuchoNumber":"4561","holderKana":"ﾔﾏﾀﾞ ﾊﾅｺ"}"""))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("VERIFIED"));
		assertThat(as("op1", () -> forms.account(B), "OPERATOR").orElseThrow())
				.extracting(PayeeAccount::branchCode, PayeeAccount::accountNumber).containsExactly("018", "0000456");
		mvc.perform(put("/api/accounts/" + B + "/entry").with(user("a1").roles("AGENT"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
	}
}
