package jp.ikiiki.desk.payments.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.InputStream;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.keying.DoubleKeying;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.payments.YuchoNumbers;
import jp.ikiiki.desk.payments.ZenginText;
import jp.ikiiki.desk.keying.KeyingStore.Held;
import jp.ikiiki.desk.payments.AccountEntry;
import jp.ikiiki.desk.payments.AccountField;
import jp.ikiiki.desk.payments.AccountForm;
import jp.ikiiki.desk.payments.AccountFormState;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.payments.AccountType;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.payments.PayeeAccount;
import jp.ikiiki.desk.payments.PaymentsProperties;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AccountForms} over {@link AccountKeyingStore} with the keying module's rules. */
@Service
class AccountFormsService implements AccountForms {

	static final String CHANNEL = "口座登録用紙";

	private final JdbcClient jdbc;
	private final BankMaster master;
	private final SubjectLookup subjects;
	private final PaymentsClock clock;
	private final DoubleKeying<AccountForm, AccountField, String> rules;
	private final ProgressEntries progress;
	private final AccountFormImages images;
	private final AuditTrail audit;

	AccountFormsService(JdbcClient jdbc, BankMaster master, SubjectLookup subjects, PaymentsClock clock,
			AccountKeyingStore store, PaymentsProperties properties, ProgressEntries progress, AccountFormImages images,
			AuditTrail audit) {
		this.progress = progress;
		this.images = images;
		this.audit = audit;
		this.jdbc = jdbc;
		this.master = master;
		this.subjects = subjects;
		this.clock = clock;
		this.rules = new DoubleKeying<>(store, "口座登録用紙", clock::now, () -> properties.claimTimeout());
	}

	@Override
	@Transactional
	public AccountForm entry(String addressNumber, AccountEntry entry, LocalDate receivedOn) {
		String a = AddressNumber.parse(addressNumber).value();
		Map<AccountField, String> values = AccountValues.of(entry, master);
		long id = openForm(a).orElseGet(() -> receiveNew(a, receivedOn));
		return rules.submitEntry(id, values).document();
	}

	@Override
	@Transactional
	public VerifyResult verify(String addressNumber, AccountEntry entry) {
		String a = AddressNumber.parse(addressNumber).value();
		long id = openForm(a).orElseThrow(() -> new NotFoundException("宛名番号 " + a + " の口座登録用紙は受け付けられていません"));
		Map<AccountField, String> values = AccountValues.of(entry, master);
		var v = rules.submitVerify(id, values);
		toProgress(v.document().document());
		return new VerifyResult(v.document().document(), v.mismatches());
	}

	@Override
	@Transactional
	public AccountForm decide(String addressNumber, Map<AccountField, String> values, String note) {
		String a = AddressNumber.parse(addressNumber).value();
		long id = openForm(a).orElseThrow(() -> new NotFoundException("宛名番号 " + a + " の口座登録用紙は受け付けられていません"));
		var converted = new EnumMap<AccountField, String>(AccountField.class);
		values.forEach((f, v) -> converted.put(f, AccountValues.convert(f, v)));
		Held<AccountForm> done = rules.decide(id, converted, note);
		toProgress(done.document());
		return done.document();
	}

	@Override
	@Transactional
	public AccountForm recordFaulty(String addressNumber, List<String> reasons, LocalDate faultyOn) {
		String a = AddressNumber.parse(addressNumber).value();
		List<String> clean = reasons == null ? List.of()
				: reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
		if (clean.isEmpty()) {
			throw new InvalidInputException("reasons", "不備の内容を入力してください");
		}
		if (clean.stream().anyMatch(r -> r.length() > 200)) {
			throw new InvalidInputException("reasons", "不備の内容は1件200文字までです");
		}
		LocalDate on = faultyOn == null ? clock.today() : faultyOn;
		if (on.isAfter(clock.today())) {
			throw new InvalidInputException("faultyOn", "不備の記録日に未来の日付は指定できません");
		}
		long id = openForm(a).orElseGet(() -> receiveNew(a, null));
		AccountForm form = jdbc.sql("select * from account_form where id = :id for update").param("id", id)
				.query((rs, n) -> AccountKeyingStore.form(rs)).single();
		form.state().checkStep(id, AccountFormState.FAULTY);
		jdbc.sql("""
				update account_form set state = 'FAULTY', faulty_reasons = :r, faulty_on = :on, faulty_by = :by,
				  faulty_at = :at where id = :id""")
				.param("r", clean.toArray(new String[0])).param("on", on).param("by", CurrentUser.name())
				.param("at", clock.at()).param("id", id).update();
		return load(id);
	}

	@Override
	@Transactional
	public AccountForm receive(String addressNumber, LocalDate receivedOn) {
		String a = AddressNumber.parse(addressNumber).value();
		return load(openForm(a).orElseGet(() -> receiveNew(a, receivedOn)));
	}

	@Override
	@Transactional
	public AccountForm attachImage(long formId, String originalName, InputStream content) {
		AccountForm form = jdbc.sql("select * from account_form where id = :id for update").param("id", formId)
				.query((rs, n) -> AccountKeyingStore.form(rs)).optional()
				.orElseThrow(() -> new NotFoundException("口座登録用紙 " + formId + " はありません"));
		String original = originalName == null ? "" : ControlCharacters.visible(originalName);
		if (original.length() > 255) {
			original = original.substring(0, 255);
		}
		String before = jdbc.sql("select image_name from account_form where id = :id").param("id", formId)
				.query(String.class).optional().orElse(null);
		if (before != null && form.state() == AccountFormState.VERIFIED) {
			throw new StateConflictException("口座登録用紙 " + formId + " は照合済みのため、イメージを差し替えられません");
		}
		AccountFormImages.Kept kept = images.keep(formId, content);
		if (before != null && !before.equals(kept.name())) {
			// a better scan of another kind (a PDF after a JPEG): the earlier file goes
			FileShredder.shred(images.dir().resolve(before));
		}
		jdbc.sql("update account_form set image_name = :n, image_sha256 = :s, image_pages = :p, image_bytes = :b,"
				+ " image_original = :o where id = :id")
				.param("n", kept.name()).param("s", kept.sha256()).param("p", kept.pages()).param("b", kept.bytes())
				.param("o", original).param("id", formId).update();
		audit.record(AuditAction.IMPORT, "口座登録用紙イメージ", List.of(form.addressNumber()), kept.name(),
				"口座登録用紙 " + formId + " " + kept.pages() + " ページ" + (before == null ? "" : "（差し替え）"));
		return load(formId);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] imagePage(long formId, int page, String channel) {
		var row = jdbc.sql("select address_number, image_name from account_form where id = :id").param("id", formId)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
				.orElseThrow(() -> new NotFoundException("口座登録用紙 " + formId + " はありません"));
		if (row[1] == null) {
			throw new NotFoundException("口座登録用紙 " + formId + " のイメージはありません");
		}
		byte[] png = images.png(row[1], page);
		if (png == null) {
			throw new NotFoundException("口座登録用紙 " + formId + " のイメージに " + page + " ページはありません");
		}
		audit.record(AuditAction.VIEW, channel == null || channel.isBlank() ? "口座登録用紙イメージ" : channel,
				List.of(row[0]), row[1], "口座登録用紙 " + formId + " " + page + " ページ");
		return png;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountForm> forms(String addressNumber) {
		String a = AddressNumber.parse(addressNumber).value();
		subjects.find(a, CHANNEL);
		return jdbc.sql("select * from account_form where address_number = :a order by received_on desc, id desc")
				.param("a", a).query((rs, n) -> AccountKeyingStore.form(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PayeeAccount> account(String addressNumber) {
		String a = AddressNumber.parse(addressNumber).value();
		subjects.find(a, CHANNEL);
		return jdbc.sql("select * from payee_account where address_number = :a and state <> 'REPLACED'").param("a", a)
				.query((rs, n) -> new PayeeAccount(rs.getLong("id"), rs.getString("address_number"),
						rs.getString("bank_code"), rs.getString("branch_code"),
						AccountType.ofCode(rs.getInt("account_type")).orElseThrow(), rs.getString("account_number"),
						rs.getString("holder_kana"), rs.getString("yucho_symbol"), rs.getString("yucho_number"),
						rs.getObject("valid_from", LocalDate.class), rs.getString("state")))
				.optional();
	}

	@Override
	public String check(AccountField field, AccountEntry e) {
		return switch (field) {
			case BANK_CODE -> {
				String code = AccountValues.digits(e.bankCode());
				if (!code.matches("[0-9]{4}")) {
					throw new InvalidInputException("bankCode", "金融機関コードは4桁の数字です");
				}
				BankMaster.Bank bank = master.bank(code)
						.orElseThrow(() -> new InvalidInputException("bankCode", "金融機関コード " + code + " はありません"));
				if (!bank.open()) {
					throw new InvalidInputException("bankCode", bank.name() + "（" + code + "）は廃止されているため新しい口座には使えません");
				}
				yield bank.name() + "（" + bank.kana() + "）";
			}
			case BRANCH_CODE -> {
				BankMaster.Branch b = master.forNewAccount(e.bankCode(), e.branchCode());
				yield b.name() + "（" + b.kana() + "）";
			}
			case ACCOUNT_TYPE -> AccountType.parse(e.accountType()).map(AccountType::label).orElseThrow(
					() -> new InvalidInputException("accountType", "預金種目は 普通(1)・当座(2)・貯蓄(4) のいずれかです"));
			case ACCOUNT_NUMBER -> {
				String number = AccountValues.digits(e.accountNumber());
				if (!number.matches("[0-9]{7}")) {
					throw new InvalidInputException("accountNumber",
							"口座番号は7桁の数字です（7桁に満たない番号は先頭を0で埋めてください）");
				}
				yield number;
			}
			case YUCHO_SYMBOL -> YuchoNumbers.symbol(e.yuchoSymbol());
			case YUCHO_NUMBER -> {
				YuchoNumbers.Converted c = YuchoNumbers.convert(e.yuchoSymbol(), e.yuchoNumber());
				BankMaster.Branch b;
				try {
					b = master.forNewAccount(YuchoNumbers.BANK_CODE, c.branchCode());
				} catch (InvalidInputException x) {
					throw new InvalidInputException("yuchoSymbol", "記号 " + YuchoNumbers.symbol(e.yuchoSymbol())
							+ " から求めた店番 " + c.branchCode() + " がありません: " + x.getMessage());
				}
				yield "店番 " + c.branchCode() + "（" + b.name() + "）口座番号 " + c.accountNumber();
			}
			case HOLDER -> ZenginText.convert("口座名義", e.holderKana(), AccountValues.HOLDER_LENGTH);
		};
	}

	@Override
	@Transactional
	public VerifySheet openVerify(String addressNumber) {
		String a = AddressNumber.parse(addressNumber).value();
		subjects.find(a, CHANNEL);
		long id = openForm(a).orElseThrow(() -> new NotFoundException("宛名番号 " + a + " の口座登録用紙は受け付けられていません"));
		AccountForm form = rules.open(id, Pass.VERIFY).document();
		var sheet = rules.sheet(id, Pass.VERIFY);
		var values = new EnumMap<AccountField, String>(AccountField.class);
		values.putAll(sheet.values());
		var status = new EnumMap<AccountField, Outcome>(AccountField.class);
		status.putAll(sheet.status());
		return new VerifySheet(form, values, status);
	}

	@Override
	@Transactional
	public Outcome verifyField(String addressNumber, AccountField field, String text) {
		long id = openFormOf(addressNumber);
		String value = AccountValues.convert(field, text);
		return rules.key(id, Pass.VERIFY, field, value).outcome();
	}

	@Override
	@Transactional
	public AccountForm completeVerify(String addressNumber) {
		AccountForm form = rules.complete(openFormOf(addressNumber), Pass.VERIFY).document();
		toProgress(form);
		return form;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dispute> disputes() {
		List<AccountForm> forms = jdbc.sql("select * from account_form where state = 'DISPUTED' order by id")
				.query((rs, n) -> AccountKeyingStore.form(rs)).list();
		return forms.stream().map(f -> {
			var d = rules.dispute(f.id());
			return new Dispute(f, d.fields().stream().map(x -> new DisputedField(x.field(), x.entryValue(),
					x.firstVerifyValue(), x.verifyValue())).toList(), d.enteredBy(), d.verifiedBy());
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> accountSummary(String addressNumber, String channel) {
		String a = AddressNumber.parse(addressNumber).value();
		subjects.find(a, channel == null || channel.isBlank() ? CHANNEL : channel);
		return jdbc.sql("""
				select bank_code, branch_code, account_type, account_number, state, valid_from, yucho_symbol
				from payee_account where address_number = :a and state <> 'REPLACED'""").param("a", a)
				.query((rs, n) -> {
					String bank = rs.getString(1);
					String branch = rs.getString(2);
					String number = rs.getString(4);
					return new AccountSummary(master.bank(bank).map(BankMaster.Bank::name).orElse(bank),
							master.branch(bank, branch).map(BankMaster.Branch::name).orElse(branch),
							AccountType.ofCode(rs.getInt(3)).map(AccountType::label).orElse(""), mask(number),
							rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7) != null);
				}).optional();
	}

	/** Every digit but the last 3 hidden. */
	static String mask(String number) {
		if (number == null || number.length() <= 3) {
			return "＊＊＊";
		}
		return "＊".repeat(number.length() - 3) + number.substring(number.length() - 3);
	}

	private long openFormOf(String addressNumber) {
		String a = AddressNumber.parse(addressNumber).value();
		return openForm(a).orElseThrow(() -> new NotFoundException("宛名番号 " + a + " の口座登録用紙は受け付けられていません"));
	}

	/** A form that has just become the person's account goes to the progress record (別紙3 cols 51, 78–81). */
	private void toProgress(AccountForm form) {
		if (form.state() == AccountFormState.VERIFIED) {
			progress.accountVerified(form.id());
		}
	}

	private Optional<Long> openForm(String addressNumber) {
		return jdbc.sql("select id from account_form where address_number = :a and state not in ('VERIFIED', 'FAULTY')")
				.param("a", addressNumber).query(Long.class).optional();
	}

	private AccountForm load(long id) {
		return jdbc.sql("select * from account_form where id = :id").param("id", id)
				.query((rs, n) -> AccountKeyingStore.form(rs)).single();
	}

	/** A form received now for a known subject (audited look-up), dated {@code receivedOn} or today. */
	private long receiveNew(String addressNumber, LocalDate receivedOn) {
		SubjectDetail subject = subjects.find(addressNumber, CHANNEL)
				.orElseThrow(() -> new NotFoundException("宛名番号 " + addressNumber + " の対象者はいません"));
		LocalDate today = clock.today();
		LocalDate on = receivedOn == null ? today : receivedOn;
		if (on.isAfter(today)) {
			throw new InvalidInputException("receivedOn", "口座受付日に未来の日付は指定できません");
		}
		if (on.isBefore(today.minusYears(3))) {
			throw new InvalidInputException("receivedOn", "口座受付日が3年以上前です。日付を確認してください");
		}
		return jdbc.sql("""
				insert into account_form (address_number, management_number, received_on, received_by, received_at, state)
				values (:a, :m, :on, :by, :at, 'RECEIVED') returning id""")
				.param("a", addressNumber).param("m", subject.managementNumber()).param("on", on)
				.param("by", CurrentUser.name()).param("at", clock.at()).query(Long.class).single();
	}
}
