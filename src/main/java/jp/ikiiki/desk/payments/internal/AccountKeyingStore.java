package jp.ikiiki.desk.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.TableKeyingStore;
import jp.ikiiki.desk.keying.Stage;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountForm;
import jp.ikiiki.desk.payments.AccountFormState;
import jp.ikiiki.desk.payments.AccountType;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.payments.YuchoNumbers;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account forms' keying in {@code account_form} (state and pass holders), {@code account_form_key} (field numbers
 * are {@link AccountField} ordinals; values as converted by {@link AccountValues}) and {@code account_form_decision}.
 * A form verified becomes the person's account ({@code payee_account}), replacing the one before.
 */
@Component
class AccountKeyingStore extends TableKeyingStore<AccountForm, AccountField, String> {

	private static final Logger log = LoggerFactory.getLogger(AccountKeyingStore.class);

	private final JdbcClient jdbc;
	private final PaymentsClock clock;
	private final BankMaster master;

	AccountKeyingStore(JdbcClient jdbc, PaymentsClock clock, BankMaster master) {
		super(jdbc, "account_form", "account_form_key", "account_form_decision", "form_id", AccountField.class, String.class);
		this.jdbc = jdbc;
		this.clock = clock;
		this.master = master;
	}

	@Override
	public List<AccountField> fields() {
		return AccountField.ALL;
	}

	@Override
	public String label(AccountField field) {
		return field.label();
	}

	@Override
	public String apiName(AccountField field) {
		return field.apiName();
	}

	@Override
	public void check(AccountField field, String value) {
		AccountValues.checkConverted(field, value);
	}

	static AccountForm form(ResultSet rs) throws SQLException {
		java.sql.Array reasons = rs.getArray("faulty_reasons");
		return new AccountForm(rs.getLong("id"), rs.getString("address_number"), rs.getString("management_number"),
				rs.getObject("received_on", LocalDate.class), AccountFormState.valueOf(rs.getString("state")),
				reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
				rs.getObject("faulty_on", LocalDate.class), rs.getInt("image_pages"));
	}

	@Override
	public Held<AccountForm> lock(long id) {
		return jdbc.sql("select * from account_form where id = :id for update").param("id", id)
				.query((rs, n) -> {
					AccountForm f = form(rs);
					if (f.state() == AccountFormState.FAULTY) {
						throw new StateConflictException("この口座登録用紙は不備として記録済みです");
					}
					return new Held<>(f, f.state().stage(), f.state().label(), rs.getString("entry_by"),
							PaymentsClock.instant(rs, "entry_touched_at"), rs.getString("verify_by"),
							PaymentsClock.instant(rs, "verify_touched_at"));
				}).optional().orElseThrow(() -> new NotFoundException("口座登録用紙 " + id + " はありません"));
	}

	private static Held<AccountForm> in(Held<AccountForm> h, AccountFormState state) {
		AccountForm f = h.document();
		return new Held<>(new AccountForm(f.id(), f.addressNumber(), f.managementNumber(), f.receivedOn(), state,
				f.faultyReasons(), f.faultyOn(), f.imagePages()), state.stage(), state.label(), h.entryBy(), h.entryTouched(),
				h.verifyBy(), h.verifyTouched());
	}

	@Override
	public Held<AccountForm> stage(long id, Held<AccountForm> from, Stage to) {
		AccountFormState target = AccountFormState.of(to);
		from.document().state().checkStep(id, target);
		jdbc.sql("update account_form set state = :s" + (to == Stage.ENTERED ? ", entered_at = :at" : "")
				+ " where id = :id").param("s", target.name()).param("at", clock.at()).param("id", id).update();
		return in(from, target);
	}

	@Override
	public Held<AccountForm> verified(long id, Held<AccountForm> held, Map<AccountField, String> values, Instant at) {
		AccountForm form = held.document();
		form.state().checkStep(id, AccountFormState.VERIFIED);
		String bank = values.get(AccountField.BANK_CODE);
		String branch = values.get(AccountField.BRANCH_CODE);
		String number = values.get(AccountField.ACCOUNT_NUMBER);
		AccountType type;
		String symbol = values.get(AccountField.YUCHO_SYMBOL);
		String yuchoNumber = values.get(AccountField.YUCHO_NUMBER);
		// Decisions replace single fields: the whole is checked again as the entry was.
		if (symbol.isEmpty() == bank.isEmpty()) {
			throw new InvalidInputException("yuchoSymbol",
					"金融機関コードとゆうちょの記号・番号のどちらか一方だけを入力してください");
		}
		if (!symbol.isEmpty()) {
			YuchoNumbers.Converted c = YuchoNumbers.convert(symbol, yuchoNumber);
			bank = YuchoNumbers.BANK_CODE;
			branch = c.branchCode();
			number = c.accountNumber();
			type = AccountType.ORDINARY;
			master.forNewAccount(bank, branch);
		} else {
			master.forNewAccount(bank, branch);
			if (number.isEmpty() || values.get(AccountField.ACCOUNT_TYPE).isEmpty()) {
				throw new InvalidInputException("accountNumber", "預金種目と口座番号を入力してください");
			}
			type = AccountType.ofCode(Integer.parseInt(values.get(AccountField.ACCOUNT_TYPE))).orElseThrow();
			symbol = null;
			yuchoNumber = null;
		}
		jdbc.sql("update payee_account set state = 'REPLACED' where address_number = :a and state <> 'REPLACED'")
				.param("a", form.addressNumber()).update();
		jdbc.sql("""
				insert into payee_account (address_number, form_id, bank_code, branch_code, account_type, account_number,
				  holder_kana, yucho_symbol, yucho_number, valid_from, state, created_by, created_at)
				values (:a, :form, :bank, :branch, :type, :number, :holder, :symbol, :yn, :from, 'VALID', :by, :at)""")
				.param("a", form.addressNumber()).param("form", id).param("bank", bank).param("branch", branch)
				.param("type", type.code()).param("number", number).param("holder", values.get(AccountField.HOLDER))
				.param("symbol", symbol).param("yn", yuchoNumber).param("from", form.receivedOn())
				.param("by", CurrentUser.name()).param("at", PaymentsClock.at(at)).update();
		jdbc.sql("update account_form set state = 'VERIFIED', verified_at = :at where id = :id")
				.param("at", PaymentsClock.at(at)).param("id", id).update();
		log.info("Account form {} verified", id);
		return in(held, AccountFormState.VERIFIED);
	}

}
