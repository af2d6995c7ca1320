package jp.ikiiki.desk.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.payments.PaymentRuns.ReturnImport;
import jp.ikiiki.desk.payments.PaymentRuns.ReturnProblem;
import jp.ikiiki.desk.payments.internal.ReturnFile.Column;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bank's answer to a delivered run, in the caller's transaction under the run's row lock (so that two imports of
 * the same file at once run one after the other, the second finding every payment already returned): 振込不能 rows
 * marking payments failed and accounts faulty (the person then due for a reminder, 第8章6, and paid by a later run
 * once a new account is verified), and the run's confirmation — by the bank's result file or by a floor manager —
 * which sets 振込有無 (別紙3 col 54) = 1 for every payment of the run not returned.
 */
@Component
class RunReturns {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final PaymentsClock clock;
	private final ProgressEntries progress;

	RunReturns(JdbcClient jdbc, AuditTrail audit, PaymentsClock clock, ProgressEntries progress) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.progress = progress;
	}

	/** A payment of the run as a return row is matched against. */
	private record Payment(long id, long accountId, String addressNumber, long amountYen, boolean scheduled,
			String bankCode, String branchCode, String accountNumber) {
	}

	/** A row that passed every check: the payment and the bank's reason. */
	private record Match(Payment payment, String reason) {
	}

	ReturnImport importFile(long runId, String fileName, InputStream content, boolean dryRun) {
		byte[] bytes;
		try {
			bytes = content.readNBytes(ReturnFile.MAX_BYTES + 1);
		} catch (IOException e) {
			throw new InvalidInputException("file", "振込不能ファイルを読めません");
		}
		String name = fileName == null || fileName.isBlank() ? "振込不能" : fileName.strip();
		if (ControlCharacters.contains(name) || name.length() > 255) {
			throw new InvalidInputException("fileName", "ファイル名が正しくありません");
		}
		List<ReturnFile.Row> rows = ReturnFile.read(name, bytes);
		if (rows.isEmpty()) {
			throw new InvalidInputException("file", "振込不能ファイルに明細行がありません");
		}
		List<ReturnProblem> problems = new ArrayList<>();
		List<Match> matches = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (ReturnFile.Row row : rows) {
			check(runId, row, problems, seen).ifPresent(matches::add);
		}
		if (!problems.isEmpty() || dryRun) {
			audit.record(AuditAction.VIEW, PaymentRunService.CHANNEL,
					matches.stream().map(m -> m.payment().addressNumber()).toList(), name,
					"支払処理 " + runId + " 振込不能ファイル" + (dryRun ? "（試行）" : "") + ": " + rows.size() + "行, 不可 "
							+ problems.size() + "件");
			return new ReturnImport(dryRun, rows.size(), 0, problems);
		}
		for (Match m : matches) {
			fail(m.payment().id(), m.payment().accountId(), m.reason());
		}
		jdbc.sql("""
				insert into payment_return (run_id, items, recorded_by, recorded_at, source, file_name, sha256)
				values (:r, :n, :by, :at, 'FILE', :name, :sha)""").param("r", runId).param("n", matches.size())
				.param("by", CurrentUser.name()).param("at", clock.at()).param("name", name)
				.param("sha", BankMasterService.sha(bytes)).update();
		List<String> marked = matches.stream().map(m -> m.payment().addressNumber()).toList();
		audit.record(AuditAction.UPDATE, PaymentRunService.CHANNEL, marked, name, "支払処理 " + runId
				+ " 振込不能ファイル取込 " + marked.size() + "件");
		// the bank's result is the bank's confirmation of the rest of the run, once the transfer date has come
		LocalDate transferDate = jdbc.sql("select transfer_date from payment_run where id = :r").param("r", runId)
				.query(LocalDate.class).single();
		if (!transferDate.isAfter(clock.today()) && confirmation(runId).isEmpty()) {
			confirm(runId, "BANK_RESULT");
		}
		return new ReturnImport(false, rows.size(), marked.size(), List.of());
	}

	private Optional<Match> check(long runId, ReturnFile.Row row, List<ReturnProblem> problems, Set<Long> seen) {
		int before = problems.size();
		for (Column c : Column.values()) {
			String v = row.get(c);
			if (ControlCharacters.contains(v)) {
				problems.add(new ReturnProblem(row.line(), c.label(), ControlCharacters.visible(v), "制御文字（"
						+ ControlCharacters.name(v.charAt(ControlCharacters.indexOf(v))) + "）が含まれています"));
			} else if (v.strip().matches("^[=+\\-@].*")) {
				problems.add(new ReturnProblem(row.line(), c.label(), v, "数式として扱われる値です（= + - @ で始まる）"));
			} else if (v.length() > 200) {
				problems.add(new ReturnProblem(row.line(), c.label(), v.substring(0, 40) + "…", "値が長すぎます（200文字まで）"));
			}
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		String address = digits(row.get(Column.ADDRESS_NUMBER));
		String bank = digits(row.get(Column.BANK_CODE));
		String branch = digits(row.get(Column.BRANCH_CODE));
		String account = digits(row.get(Column.ACCOUNT_NUMBER));
		Payment payment = null;
		if (!address.isEmpty()) {
			var number = AddressNumber.tryParse(address);
			if (number.isEmpty()) {
				problems.add(new ReturnProblem(row.line(), Column.ADDRESS_NUMBER.label(), row.get(Column.ADDRESS_NUMBER),
						"宛名番号が正しくありません"));
				return Optional.empty();
			}
			payment = byAddress(runId, number.get().value()).orElse(null);
			if (payment == null) {
				problems.add(new ReturnProblem(row.line(), Column.ADDRESS_NUMBER.label(), address,
						"この支払処理で振り込まれていない宛名番号です"));
				return Optional.empty();
			}
		}
		if (!account.isEmpty() || !bank.isEmpty() || !branch.isEmpty()) {
			if (!bank.matches("[0-9]{4}")) {
				problems.add(new ReturnProblem(row.line(), Column.BANK_CODE.label(), row.get(Column.BANK_CODE),
						"金融機関コードは4桁の数字です"));
			}
			if (!branch.matches("[0-9]{3}")) {
				problems.add(new ReturnProblem(row.line(), Column.BRANCH_CODE.label(), row.get(Column.BRANCH_CODE),
						"店舗コードは3桁の数字です"));
			}
			if (!account.matches("[0-9]{1,7}")) {
				problems.add(new ReturnProblem(row.line(), Column.ACCOUNT_NUMBER.label(), row.get(Column.ACCOUNT_NUMBER),
						"口座番号は7桁までの数字です"));
			}
			if (problems.size() > before) {
				return Optional.empty();
			}
			String padded = "0".repeat(7 - account.length()) + account;
			if (payment != null) {
				if (!payment.bankCode().equals(bank) || !payment.branchCode().equals(branch)
						|| !payment.accountNumber().equals(padded)) {
					problems.add(new ReturnProblem(row.line(), Column.ACCOUNT_NUMBER.label(), bank + "-" + branch + "-"
							+ padded, "宛名番号 " + address + " に振り込んだ口座と一致しません"));
					return Optional.empty();
				}
			} else {
				List<Payment> found = byAccount(runId, bank, branch, padded);
				if (found.size() != 1) {
					problems.add(new ReturnProblem(row.line(), Column.ACCOUNT_NUMBER.label(), bank + "-" + branch + "-"
							+ padded, found.isEmpty() ? "この支払処理で振り込んでいない口座です"
									: "この口座への振込が" + found.size() + "件あります。宛名番号で指定してください"));
					return Optional.empty();
				}
				payment = found.get(0);
			}
		}
		if (payment == null) {
			problems.add(new ReturnProblem(row.line(), Column.ADDRESS_NUMBER.label(), "",
					"宛名番号または口座（金融機関コード・店舗コード・口座番号）を入力してください"));
			return Optional.empty();
		}
		String amountText = digits(row.get(Column.AMOUNT).replace(",", "").replace("円", ""));
		if (!amountText.matches("[0-9]{1,12}")) {
			problems.add(new ReturnProblem(row.line(), Column.AMOUNT.label(), row.get(Column.AMOUNT), "金額は数字で入力してください"));
			return Optional.empty();
		}
		long amount = Long.parseLong(amountText);
		if (amount != payment.amountYen()) {
			problems.add(new ReturnProblem(row.line(), Column.AMOUNT.label(), row.get(Column.AMOUNT), "振り込んだ金額（"
					+ String.format("%,d", payment.amountYen()) + "円）と一致しません"));
			return Optional.empty();
		}
		String code = Normalizer.normalize(row.get(Column.REASON_CODE), Normalizer.Form.NFKC).strip();
		String text = row.get(Column.REASON).strip();
		if (code.isEmpty() && text.isEmpty()) {
			problems.add(new ReturnProblem(row.line(), Column.REASON.label(), "", "不能事由または不能事由コードを入力してください"));
			return Optional.empty();
		}
		if (!code.isEmpty() && !code.matches("[0-9A-Za-z]{1,4}")) {
			problems.add(new ReturnProblem(row.line(), Column.REASON_CODE.label(), code, "不能事由コードは4文字までの英数字です"));
			return Optional.empty();
		}
		if (!payment.scheduled()) {
			problems.add(new ReturnProblem(row.line(), Column.ADDRESS_NUMBER.label(), payment.addressNumber(),
					"この支払の振込不能は記録済みです"));
			return Optional.empty();
		}
		if (!seen.add(payment.id())) {
			problems.add(new ReturnProblem(row.line(), Column.ADDRESS_NUMBER.label(), payment.addressNumber(),
					"同じ支払がファイルの前の行にもあります"));
			return Optional.empty();
		}
		String reason = text.isEmpty() ? "不能事由コード " + code : code.isEmpty() ? text : text + "（コード " + code + "）";
		return Optional.of(new Match(payment, reason));
	}

	/** Digits as written: full-width digits and spaces tolerated. */
	private static String digits(String v) {
		return Normalizer.normalize(v == null ? "" : v, Normalizer.Form.NFKC).replace(" ", "").strip();
	}

	private static final String PAYMENTS = """
			select p.id, p.account_id, p.address_number, p.amount_yen, p.state = 'SCHEDULED' as scheduled, a.bank_code,
			  a.branch_code, a.account_number
			from payment p join payee_account a on a.id = p.account_id where p.run_id = :r""";

	private Optional<Payment> byAddress(long runId, String address) {
		return jdbc.sql(PAYMENTS + " and p.address_number = :a").param("r", runId).param("a", address)
				.query(RunReturns::payment).optional();
	}

	private List<Payment> byAccount(long runId, String bank, String branch, String account) {
		return jdbc.sql(PAYMENTS + " and a.bank_code = :b and a.branch_code = :br and a.account_number = :n")
				.param("r", runId).param("b", bank).param("br", branch).param("n", account).query(RunReturns::payment)
				.list();
	}

	private static Payment payment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Payment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
				rs.getString(6), rs.getString(7), rs.getString(8));
	}

	/** The payment failed for {@code reason}; the account it went to is faulty (the person due for a reminder). */
	void fail(long paymentId, long accountId, String reason) {
		jdbc.sql("update payment set state = 'FAILED', failed_reason = :why, failed_at = :at where id = :id")
				.param("why", reason).param("at", clock.at()).param("id", paymentId).update();
		jdbc.sql("update payee_account set state = 'FAULTY', faulty_reason = :why, faulty_at = :at"
				+ " where id = :id and state = 'VALID'").param("why", "振込不能: " + reason).param("at", clock.at())
				.param("id", accountId).update();
		// recorded as made when the run was confirmed: 振込有無 (col 54) no longer holds
		jdbc.sql("""
				select p.address_number, p.business_year from payment p join payment_run r on r.id = p.run_id
				where p.id = :id and r.confirmed_at is not null""").param("id", paymentId)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
				.ifPresent(p -> progress.transferReturned(p[0], Integer.parseInt(p[1])));
	}

	Optional<String> confirmation(long runId) {
		return jdbc.sql("select confirmed_how from payment_run where id = :r").param("r", runId)
				.query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
				.orElseThrow(() -> new NotFoundException("支払処理 " + runId + " はありません"));
	}

	/**
	 * The bank carried the run out: 振込有無 (col 54) = 1 with the transfer date for every payment not returned. The
	 * caller holds the run's row lock and has checked that it is delivered.
	 */
	void confirm(long runId, String how) {
		LocalDate transferDate = jdbc.sql("select transfer_date from payment_run where id = :r").param("r", runId)
				.query(LocalDate.class).single();
		if (transferDate.isAfter(clock.today())) {
			throw new StateConflictException("振込指定日（" + transferDate + "）の前には振込済を確認できません");
		}
		if (confirmation(runId).isPresent()) {
			throw new StateConflictException("支払処理 " + runId + " は確認済みです");
		}
		jdbc.sql("update payment_run set confirmed_by = :by, confirmed_at = :at, confirmed_how = :how where id = :r")
				.param("by", CurrentUser.name()).param("at", clock.at()).param("how", how).param("r", runId).update();
		progress.runConfirmed(runId, transferDate);
		audit.record(AuditAction.UPDATE, PaymentRunService.CHANNEL, List.of(), "支払処理 " + runId + " 振込確認（"
				+ how + "）");
	}
}
