package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.payments.AccountType;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.payments.PaymentDataColumn;
import jp.ikiiki.desk.payments.PaymentRuns;
import jp.ikiiki.desk.payments.PaymentsProperties;
import jp.ikiiki.desk.payments.ZenginText;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.shared.StreamingXlsx;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PaymentRuns}: selection, files and returns in {@code payment_run} and its tables. */
@Service
class PaymentRunService implements PaymentRuns {

	static final String CHANNEL = "支払処理";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final BusinessYears years;
	private final BusinessCalendar calendar;
	private final BankMaster master;
	private final PaymentsProperties properties;
	private final AuditTrail audit;
	private final PaymentsClock clock;
	private final ProgressEntries progress;
	private final RunReturns returns;

	PaymentRunService(JdbcClient jdbc, JdbcTemplate template, BusinessYears years, BusinessCalendar calendar, BankMaster master,
			PaymentsProperties properties, AuditTrail audit, PaymentsClock clock, ProgressEntries progress,
			RunReturns returns) {
		this.progress = progress;
		this.returns = returns;
		this.jdbc = jdbc;
		this.template = template;
		this.years = years;
		this.calendar = calendar;
		this.master = master;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** A subject's year as the selection reads it. */
	private record Candidate(String addressNumber, long amountYen, LocalDate receivedOn, long paidYen, Long accountId,
			String accountState, LocalDate validFrom, String bankCode, String branchCode, int accountType,
			String accountNumber, String holder) {
	}

	/** One payment of the run being made. */
	private record Line(int seq, Candidate c, long amountYen, LocalDate deadline, boolean late) {
	}

	@Override
	@Transactional
	public Run create(int businessYear, LocalDate transferDate) {
		BusinessYear year = years.find(businessYear).orElseThrow(() -> new InvalidInputException("businessYear",
				businessYear + "年度は支払できる事業年度ではありません"));
		if (transferDate == null) {
			throw new InvalidInputException("transferDate", "振込指定日を入力してください");
		}
		if (!transferDate.isAfter(clock.today())) {
			throw new InvalidInputException("transferDate", "振込指定日は明日以降の日付にしてください");
		}
		if (!calendar.isOpenDay(transferDate)) {
			throw new InvalidInputException("transferDate", "振込指定日 " + transferDate + " は銀行の営業日ではありません");
		}
		PaymentsProperties.Requester requester = properties.requester();
		if (requester.incomplete()) {
			throw new StateConflictException("振込依頼人（コード・名称・口座）が設定されていません。運用マニュアルの支払の設定を確認してください");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext('payments.run'), :y)").param("y", businessYear)
				.query(Object.class).optional();
		if (jdbc.sql("select count(*) from payment_run where business_year = :y and state = 'DRAFT'")
				.param("y", businessYear).query(Long.class).single() > 0) {
			throw new StateConflictException(businessYear + "年度には未送付の支払処理があります。送付済にするか取り消してから作成してください");
		}
		progress.takeCarriedOver(businessYear);
		List<Candidate> candidates = candidates(businessYear);
		var lines = new ArrayList<Line>();
		var excluded = new ArrayList<Exclusion>();
		var late = new ArrayList<Late>();
		for (Candidate c : candidates) {
			long due = c.amountYen() - c.paidYen();
			String reason = null;
			if (c.amountYen() == 0) {
				reason = "AMOUNT_ZERO";
			} else if (due <= 0) {
				reason = "ALREADY_PAID";
			} else if (c.accountId() == null) {
				reason = "NO_ACCOUNT";
			} else if (!"VALID".equals(c.accountState())) {
				reason = "FAULTY_ACCOUNT";
			}
			if (reason == null) {
				LocalDate deadline = PaymentDeadlines.deadline(c.receivedOn(), c.validFrom(), year);
				boolean isLate = PaymentDeadlines.late(deadline, transferDate);
				lines.add(new Line(lines.size() + 1, c, due, deadline, isLate));
				if (isLate) {
					late.add(new Late(c.addressNumber(), "LATE", deadline));
				}
			} else {
				long stillDue = Math.max(0, due);
				LocalDate deadline = stillDue > 0 ? PaymentDeadlines.deadline(c.receivedOn(),
						"VALID".equals(c.accountState()) ? c.validFrom() : null, year) : null;
				boolean atRisk = deadline != null && (PaymentDeadlines.late(deadline, transferDate)
						|| PaymentDeadlines.atRiskIfLeft(deadline, transferDate));
				excluded.add(new Exclusion(c.addressNumber(), reason, stillDue));
				if (atRisk) {
					late.add(new Late(c.addressNumber(), "AT_RISK", deadline));
				}
			}
		}
		long total = lines.stream().mapToLong(Line::amountYen).sum();
		// The files need nothing from the database: they are written on another thread while the database inserts
		// the payments (about half of a 95,000-payment run each).
		var files = new java.util.concurrent.FutureTask<byte[][]>(() -> new byte[][] {
				transferFile(requester, transferDate, lines), csv(lines, businessYear, transferDate),
				xlsx(lines, businessYear, transferDate) });
		master.bank(requester.bankCode()); // the bank master's freshness is checked here, in this transaction's thread
		var writer = new Thread(files, "payment-run-files");
		writer.setDaemon(true);
		writer.start();
		long runId = jdbc.sql("""
				insert into payment_run (business_year, transfer_date, state, payments, total_yen, excluded, late, at_risk,
				  transfer_kind, crlf, created_by, created_at)
				values (:y, :d, 'DRAFT', :n, :total, :ex, :late, :risk, :kind, :crlf, :by, :at) returning id""")
				.param("y", businessYear).param("d", transferDate).param("n", lines.size()).param("total", total)
				.param("ex", excluded.size()).param("late", late.stream().filter(l -> l.kind().equals("LATE")).count())
				.param("risk", late.stream().filter(l -> l.kind().equals("AT_RISK")).count())
				.param("kind", properties.transferKind())
				.param("crlf", properties.lineEnding() == PaymentsProperties.LineEnding.CRLF)
				.param("by", CurrentUser.name()).param("at", clock.at()).query(Long.class).single();
		insertPayments(runId, businessYear, lines);
		insertExclusions(runId, excluded, late);
		String base = "payment-" + businessYear + "-" + transferDate + "-run" + runId;
		byte[][] written = written(files);
		store(runId, "TRANSFER", base + ".txt", written[0]);
		store(runId, "DATA_CSV", base + ".csv", written[1]);
		store(runId, "DATA_XLSX", base + ".xlsx", written[2]);
		audit.record(AuditAction.CREATE, CHANNEL, lines.stream().map(l -> l.c().addressNumber()).toList(),
				"支払処理 " + runId + " 作成: " + businessYear + "年度, 振込指定日 " + transferDate + ", " + lines.size()
						+ "件 " + total + "円, 対象外 " + excluded.size() + "件");
		return new Run(runId, businessYear, transferDate, "DRAFT", lines.size(), total, List.copyOf(excluded),
				List.copyOf(late));
	}

	/** The files written on their thread; what failed there is thrown here, as if written on this one. */
	private static byte[][] written(java.util.concurrent.FutureTask<byte[][]> files) {
		try {
			return files.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			files.cancel(true);
			throw new IllegalStateException("interrupted while the payment run's files were written", e);
		} catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			if (e.getCause() instanceof Error err) {
				throw err;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/**
	 * The run's payments in one statement: each column sent as one array and unnested by the database (a batch of
	 * single-row inserts made a round of work per row: 3.4 s of a 95,000-payment run).
	 */
	private void insertPayments(long runId, int businessYear, List<Line> lines) {
		int n = lines.size();
		var seq = new Integer[n];
		var address = new String[n];
		var amount = new Long[n];
		var account = new Long[n];
		var deadline = new String[n];
		var late = new Boolean[n];
		for (int i = 0; i < n; i++) {
			Line l = lines.get(i);
			seq[i] = l.seq();
			address[i] = l.c().addressNumber();
			amount[i] = l.amountYen();
			account[i] = l.c().accountId();
			deadline[i] = l.deadline().toString();
			late[i] = l.late();
		}
		template.update("""
				insert into payment (run_id, seq, address_number, business_year, amount_yen, account_id, deadline, late,
				  state)
				select ?, t.seq, t.address_number, ?, t.amount_yen, t.account_id, t.deadline, t.late, 'SCHEDULED'
				from unnest(?::integer[], ?::text[], ?::bigint[], ?::bigint[], ?::date[], ?::boolean[])
				  as t(seq, address_number, amount_yen, account_id, deadline, late)""", ps -> {
			var con = ps.getConnection();
			ps.setLong(1, runId);
			ps.setInt(2, businessYear);
			ps.setArray(3, con.createArrayOf("integer", seq));
			ps.setArray(4, con.createArrayOf("text", address));
			ps.setArray(5, con.createArrayOf("bigint", amount));
			ps.setArray(6, con.createArrayOf("bigint", account));
			ps.setArray(7, con.createArrayOf("text", deadline));
			ps.setArray(8, con.createArrayOf("boolean", late));
		});
	}

	/** The run's exclusions in one statement, as {@link #insertPayments}; those at risk with their deadline. */
	private void insertExclusions(long runId, List<Exclusion> excluded, List<Late> late) {
		if (excluded.isEmpty()) {
			return;
		}
		var risky = new java.util.HashMap<String, LocalDate>();
		late.stream().filter(l -> l.kind().equals("AT_RISK")).forEach(l -> risky.put(l.addressNumber(), l.deadline()));
		int n = excluded.size();
		var address = new String[n];
		var reason = new String[n];
		var amount = new Long[n];
		var deadline = new String[n];
		var atRisk = new Boolean[n];
		for (int i = 0; i < n; i++) {
			Exclusion e = excluded.get(i);
			LocalDate d = risky.get(e.addressNumber());
			address[i] = e.addressNumber();
			reason[i] = e.reason();
			amount[i] = e.amountYen();
			deadline[i] = d == null ? null : d.toString();
			atRisk[i] = d != null;
		}
		template.update("""
				insert into payment_exclusion (run_id, address_number, reason, amount_yen, deadline, at_risk)
				select ?, t.address_number, t.reason, t.amount_yen, t.deadline, t.at_risk
				from unnest(?::text[], ?::text[], ?::bigint[], ?::date[], ?::boolean[])
				  as t(address_number, reason, amount_yen, deadline, at_risk)""", ps -> {
			var con = ps.getConnection();
			ps.setLong(1, runId);
			ps.setArray(2, con.createArrayOf("text", address));
			ps.setArray(3, con.createArrayOf("text", reason));
			ps.setArray(4, con.createArrayOf("bigint", amount));
			ps.setArray(5, con.createArrayOf("text", deadline));
			ps.setArray(6, con.createArrayOf("boolean", atRisk));
		});
	}

	/**
	 * Everyone payable in the year with what was paid and the current account, by 宛名番号. What was paid is summed
	 * once per year and joined (a sum per subject was a look-up per row); the rows come from a cursor in pages.
	 */
	private List<Candidate> candidates(int businessYear) {
		var out = new ArrayList<Candidate>();
		template.query(con -> {
			var ps = con.prepareStatement("""
					with paid as (
					  select p.address_number, sum(p.amount_yen) as yen from payment p join payment_run r on r.id = p.run_id
					  where p.business_year = ? and p.state = 'SCHEDULED' and r.state <> 'CANCELLED'
					  group by p.address_number)
					select y.address_number, y.amount_yen, y.received_on, coalesce(paid.yen, 0) as paid,
					  a.id as account_id, a.state as account_state, a.valid_from, a.bank_code, a.branch_code,
					  a.account_type, a.account_number, a.holder_kana
					from payable_year y
					left join paid on paid.address_number = y.address_number
					left join payee_account a on a.address_number = y.address_number and a.state <> 'REPLACED'
					where y.business_year = ? order by y.address_number""");
			ps.setInt(1, businessYear);
			ps.setInt(2, businessYear);
			ps.setFetchSize(5_000);
			return ps;
		}, (RowCallbackHandler) rs -> out.add(new Candidate(rs.getString(1), rs.getLong(2),
				rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getObject(5, Long.class), rs.getString(6),
				rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
				rs.getString(12))));
		return out;
	}

	private byte[] transferFile(PaymentsProperties.Requester r, LocalDate day, List<Line> lines) {
		var header = new ZenginTransferFile.Header(r.code(), ZenginText.convert("振込依頼人名", r.name(), 40), day,
				r.bankCode(), bankName(r.bankCode()), r.branchCode(), branchName(r.bankCode(), r.branchCode()),
				r.accountType(), r.accountNumber());
		char kind = properties.transferKind().charAt(0);
		var out = new ByteArrayOutputStream((lines.size() + 3) * (ZenginTransferFile.RECORD + 2));
		var names = new java.util.HashMap<String, String>();
		try (var w = new ZenginTransferFile.Writer(out, header,
				properties.lineEnding() == PaymentsProperties.LineEnding.CRLF)) {
			for (Line l : lines) {
				Candidate c = l.c();
				String customer = c.addressNumber().length() <= 10 ? c.addressNumber() : "";
				w.data(c.bankCode(), names.computeIfAbsent(c.bankCode(), this::bankName), c.branchCode(),
						names.computeIfAbsent(c.bankCode() + "-" + c.branchCode(),
								k -> branchName(c.bankCode(), c.branchCode())),
						c.accountType(), c.accountNumber(), c.holder(), l.amountYen(), customer, kind);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private String bankName(String code) {
		return master.bank(code).map(BankMaster.Bank::zenginName).orElse("");
	}

	private String branchName(String bank, String branch) {
		return master.branch(bank, branch).map(BankMaster.Branch::zenginName).orElse("");
	}

	/** The 支払データ's cells of one payment, read column by column without making a row (one instance per file). */
	private final class DataCells {

		private final int year;
		private final String transferDate;
		private final java.util.Map<String, String> names = new java.util.HashMap<>();

		DataCells(int year, LocalDate transferDate) {
			this.year = year;
			this.transferDate = transferDate.toString();
		}

		String text(PaymentDataColumn col, Line l) {
			Candidate c = l.c();
			return switch (col) {
				case SEQ -> String.valueOf(l.seq());
				case ADDRESS_NUMBER -> c.addressNumber();
				case BUSINESS_YEAR -> String.valueOf(year);
				case AMOUNT -> String.valueOf(l.amountYen());
				case BANK_CODE -> c.bankCode();
				case BANK_NAME -> names.computeIfAbsent(c.bankCode(),
						k -> master.bank(k).map(BankMaster.Bank::name).orElse(""));
				case BRANCH_CODE -> c.branchCode();
				case BRANCH_NAME -> names.computeIfAbsent(c.bankCode() + "-" + c.branchCode(),
						k -> master.branch(c.bankCode(), c.branchCode()).map(BankMaster.Branch::name).orElse(""));
				case ACCOUNT_TYPE -> AccountType.ofCode(c.accountType()).map(AccountType::label).orElse("");
				case ACCOUNT_NUMBER -> c.accountNumber();
				case HOLDER -> c.holder();
				case TRANSFER_DATE -> transferDate;
				case DEADLINE -> l.deadline().toString();
				case LATE -> l.late() ? "超過" : "";
			};
		}
	}

	private byte[] csv(List<Line> lines, int year, LocalDate transferDate) {
		Charset cs = Charset.forName(properties.paymentData().csvCharset());
		List<PaymentDataColumn> cols = properties.paymentData().columns();
		var cells = new DataCells(year, transferDate);
		var bytes = new ByteArrayOutputStream(lines.size() * 128);
		// unmappable characters become the charset's replacement, as String.getBytes did
		try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, cs), 1 << 16)) {
			if (cs.equals(StandardCharsets.UTF_8)) {
				out.write('\uFEFF');
			}
			out.write(String.join(",", cols.stream().map(PaymentDataColumn::header).toList()));
			out.write("\r\n");
			for (Line l : lines) {
				for (int i = 0; i < cols.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					cell(cells.text(cols.get(i), l), out);
				}
				out.write("\r\n");
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void cell(String v, java.io.Writer out) throws IOException {
		// No cell of ours starts with = + - @ (codes, digits, kana), but names of branches are data: quote everything.
		out.write('"');
		if (v.indexOf('"') < 0) {
			out.write(v);
		} else {
			out.write(v.replace("\"", "\"\""));
		}
		out.write('"');
	}

	private byte[] xlsx(List<Line> lines, int year, LocalDate transferDate) {
		List<PaymentDataColumn> cols = properties.paymentData().columns();
		var cells = new DataCells(year, transferDate);
		var out = new ByteArrayOutputStream(lines.size() * 48);
		try (var sheet = new StreamingXlsx(out, "支払データ", cols.size())) {
			sheet.startRow();
			for (PaymentDataColumn col : cols) {
				sheet.text(col.header());
			}
			sheet.endRow();
			for (Line l : lines) {
				sheet.startRow();
				for (PaymentDataColumn col : cols) {
					switch (col) {
						case SEQ -> sheet.number(l.seq());
						case AMOUNT -> sheet.number(l.amountYen());
						default -> sheet.text(cells.text(col, l));
					}
				}
				sheet.endRow();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private void store(long runId, String kind, String name, byte[] content) {
		jdbc.sql("insert into payment_run_file (run_id, kind, file_name, content, sha256) values (:r, :k, :n, :c, :sha)")
				.param("r", runId).param("k", kind).param("n", name).param("c", content)
				.param("sha", BankMasterService.sha(content)).update();
	}

	@Override
	@Transactional
	public RunFile file(long runId, FileKind kind) {
		Run run = run(runId);
		RunFile f = jdbc.sql("select file_name, content from payment_run_file where run_id = :r and kind = :k")
				.param("r", runId).param("k", kind.name())
				.query((rs, n) -> new RunFile(rs.getString("file_name"), switch (kind) {
					case TRANSFER -> "application/octet-stream";
					case DATA_CSV -> "text/csv";
					case DATA_XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				}, rs.getBytes("content"))).optional()
				.orElseThrow(() -> new NotFoundException("支払処理 " + runId + " のファイルはありません"));
		List<String> subjects = jdbc.sql("select address_number from payment where run_id = :r").param("r", runId)
				.query(String.class).list();
		audit.record(AuditAction.DOWNLOAD, CHANNEL, subjects, f.fileName(), "支払処理 " + runId + "（" + run.state()
				+ "）" + kind);
		return f;
	}

	@Override
	@Transactional
	public Run deliver(long runId) {
		String state = lockState(runId);
		if (!state.equals("DRAFT")) {
			throw new StateConflictException("支払処理 " + runId + " は送付済または取消済です").with("state", state);
		}
		jdbc.sql("update payment_run set state = 'DELIVERED', delivered_by = :by, delivered_at = :at where id = :r")
				.param("by", CurrentUser.name()).param("at", clock.at()).param("r", runId).update();
		progress.runDelivered(runId);
		audit.record(AuditAction.SEND, CHANNEL, List.of(), "支払処理 " + runId + " 送付済");
		return run(runId);
	}

	@Override
	@Transactional
	public Run cancel(long runId) {
		String state = lockState(runId);
		if (!state.equals("DRAFT")) {
			throw new StateConflictException("送付済の支払処理は取り消せません。訂正は新しい支払処理で行います").with("state", state);
		}
		jdbc.sql("update payment set state = 'CANCELLED' where run_id = :r").param("r", runId).update();
		jdbc.sql("update payment_run set state = 'CANCELLED', cancelled_by = :by, cancelled_at = :at where id = :r")
				.param("by", CurrentUser.name()).param("at", clock.at()).param("r", runId).update();
		audit.record(AuditAction.UPDATE, CHANNEL, List.of(), "支払処理 " + runId + " 取消");
		return run(runId);
	}

	private String lockState(long runId) {
		return jdbc.sql("select state from payment_run where id = :r for update").param("r", runId).query(String.class)
				.optional().orElseThrow(() -> new NotFoundException("支払処理 " + runId + " はありません"));
	}

	@Override
	@Transactional
	public int recordReturns(long runId, List<ReturnItem> items) {
		String state = lockState(runId);
		if (!state.equals("DELIVERED")) {
			throw new StateConflictException("振込不能は送付済の支払処理にだけ記録できます").with("state", state);
		}
		if (items == null || items.isEmpty()) {
			throw new InvalidInputException("items", "振込不能の明細がありません");
		}
		var marked = new ArrayList<String>();
		for (int k = 0; k < items.size(); k++) {
			final int i = k;
			ReturnItem item = items.get(i);
			String row = (i + 1) + "件目: ";
			if (item == null || item.reason() == null || item.reason().isBlank()) {
				throw new InvalidInputException("items[" + i + "].reason", row + "振込不能の理由を入力してください");
			}
			String a = AddressNumber.tryParse(item.addressNumber()).map(AddressNumber::value).orElseThrow(
					() -> new InvalidInputException("items[" + i + "].addressNumber", row + "宛名番号が正しくありません"));
			var payment = jdbc.sql("select id, account_id, state from payment where run_id = :r and address_number = :a for update")
					.param("r", runId).param("a", a)
					.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("account_id"),
							rs.getString("state").equals("SCHEDULED") ? 1 : 0 }).optional()
					.orElseThrow(() -> new InvalidInputException("items[" + i + "].addressNumber",
							row + "宛名番号 " + a + " はこの支払処理で振り込まれていません"));
			if (payment[2] == 0) {
				throw new StateConflictException(row + "宛名番号 " + a + " の振込不能は記録済みです");
			}
			String reason = item.reason().strip();
			if (jp.ikiiki.desk.shared.ControlCharacters.contains(reason) || reason.length() > 200) {
				throw new InvalidInputException("items[" + i + "].reason", row + "振込不能の理由に制御文字があるか、200文字を超えています");
			}
			returns.fail(payment[0], payment[1], reason);
			marked.add(a);
		}
		jdbc.sql("insert into payment_return (run_id, items, recorded_by, recorded_at) values (:r, :n, :by, :at)")
				.param("r", runId).param("n", marked.size()).param("by", CurrentUser.name()).param("at", clock.at())
				.update();
		audit.record(AuditAction.UPDATE, CHANNEL, marked, "支払処理 " + runId + " 振込不能 " + marked.size() + "件");
		return marked.size();
	}

	@Override
	@Transactional
	public ReturnImport importReturns(long runId, String fileName, java.io.InputStream content, boolean dryRun) {
		String state = lockState(runId);
		if (!state.equals("DELIVERED")) {
			throw new StateConflictException("振込不能は送付済の支払処理にだけ記録できます").with("state", state);
		}
		if (content == null) {
			throw new InvalidInputException("file", "振込不能ファイルを指定してください");
		}
		return returns.importFile(runId, fileName, content, dryRun);
	}

	@Override
	@Transactional
	public Run confirm(long runId) {
		String state = lockState(runId);
		if (!state.equals("DELIVERED")) {
			throw new StateConflictException("振込の確認は送付済の支払処理にだけできます").with("state", state);
		}
		returns.confirm(runId, "FLOOR_MANAGER");
		return run(runId);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<String> confirmation(long runId) {
		return returns.confirmation(runId);
	}

	@Override
	@Transactional(readOnly = true)
	public Run run(long runId) {
		return jdbc.sql("select * from payment_run where id = :r").param("r", runId)
				.query((rs, n) -> new Run(rs.getLong("id"), rs.getInt("business_year"),
						rs.getObject("transfer_date", LocalDate.class), rs.getString("state"), rs.getInt("payments"),
						rs.getLong("total_yen"),
						jdbc.sql("select address_number, reason, amount_yen from payment_exclusion where run_id = :r"
								+ " order by address_number").param("r", runId)
								.query((x, m) -> new Exclusion(x.getString(1), x.getString(2), x.getLong(3))).list(),
						lateOf(runId)))
				.optional().orElseThrow(() -> new NotFoundException("支払処理 " + runId + " はありません"));
	}

	private List<Late> lateOf(long runId) {
		return jdbc.sql("""
				select address_number, 'LATE' as kind, deadline from payment where run_id = :r and late
				union all
				select address_number, 'AT_RISK', deadline from payment_exclusion where run_id = :r and at_risk
				order by 1""").param("r", runId)
				.query((x, m) -> new Late(x.getString(1), x.getString(2), x.getObject(3, LocalDate.class))).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<RunSummary> runs(int limit) {
		return jdbc.sql("""
				select id, business_year, transfer_date, state, payments, total_yen, excluded, late + at_risk
				from payment_run order by created_at desc, id desc limit :n""").param("n", Math.max(1, Math.min(limit, 200)))
				.query((rs, n) -> new RunSummary(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
						rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getInt(8))).list();
	}

	@Override
	@Transactional
	public List<PaymentLine> history(String addressNumber) {
		String a = AddressNumber.parse(addressNumber).value();
		audit.record(AuditAction.VIEW, CHANNEL, List.of(a), "支払履歴");
		return jdbc.sql("""
				select p.run_id, p.business_year, r.transfer_date, p.amount_yen, p.state, r.state as run_state,
				  p.failed_reason from payment p join payment_run r on r.id = p.run_id
				where p.address_number = :a order by r.transfer_date desc, p.run_id desc""").param("a", a)
				.query((rs, n) -> new PaymentLine(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
						rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
	}
}
