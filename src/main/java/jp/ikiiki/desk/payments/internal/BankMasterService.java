package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.payments.PaymentsProperties;
import jp.ikiiki.desk.payments.ZenginText;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank master: kept in {@code bank} and {@code bank_branch} (every load in {@code bank_master_load}), answered from
 * an index in memory. At start-up the bundled data ({@code payments/zengin/zengin-code.json.gz}) and then the
 * configured file are loaded if newer than what the database holds; every node re-reads the tables when another node
 * loaded a newer master (checked at most every {@code recheck}).
 */
@Service
class BankMasterService implements BankMaster {

	private static final Logger log = LoggerFactory.getLogger(BankMasterService.class);
	static final String BUNDLED = "payments/zengin/zengin-code.json.gz";
	static final String BUNDLED_VERSION = "payments/zengin/VERSION";
	private static final String CHANNEL_STARTUP = "起動時:銀行マスタ";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final PaymentsProperties.BankMasterSettings settings;
	private final AuditTrail audit;
	private final PaymentsClock clock;
	private volatile Index index;
	private volatile Instant checkedAt = Instant.EPOCH;

	BankMasterService(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, PaymentsProperties properties,
			AuditTrail audit, PaymentsClock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.settings = properties.bankMaster();
		this.audit = audit;
		this.clock = clock;
	}

	/** The master in memory: banks and branches by code (closed ones included), open ones in code order. */
	record Index(Version version, Map<String, Bank> banks, Map<String, Branch> branches, List<Bank> openBanks,
			Map<String, List<Branch>> openBranches) {
	}

	// --- start-up ---------------------------------------------------------------------------------------------------

	@EventListener(ApplicationStartedEvent.class)
	void loadAtStartUp() {
		long started = System.nanoTime();
		CurrentUser.runAsSystem(() -> {
			try {
				String version;
				try (InputStream in = new ClassPathResource(BUNDLED_VERSION).getInputStream()) {
					version = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
				}
				LocalDate current = currentDate();
				LocalDate bundledDate = ZenginData.dateOf(version);
				// Parsed only when newer than the master in force: a restart costs no parse.
				if (current == null || bundledDate != null && bundledDate.isAfter(current)) {
					ZenginData.Master bundled;
					try (InputStream in = new ClassPathResource(BUNDLED).getInputStream()) {
						bundled = ZenginData.readBundled(in, version);
					}
					applyIfNewer(bundled, "同梱データ zengin-code " + version, sha(new ClassPathResource(BUNDLED)));
				}
				Path file = settings.file();
				if (file != null && !file.toString().isBlank()) {
					if (Files.isReadable(file)) {
						byte[] bytes = Files.readAllBytes(file);
						ZenginData.Master configured = ZenginData.read(file.getFileName().toString(),
								new ByteArrayInputStream(bytes), null);
						applyIfNewer(configured, "設定ファイル " + file.getFileName(), sha(bytes));
					} else {
						log.warn("Bank master file {} is not readable; the master in force stays", file);
					}
				}
			} catch (IOException | RuntimeException e) {
				log.error("Bank master not refreshed at start-up: {}", SafeThrowables.describe(e));
			}
		});
		index = readIndex();
		log.info("Bank master {} in force: {} banks, {} branches ({} ms)", index.version().dataDate(), index.banks().size(),
				index.branches().size(), (System.nanoTime() - started) / 1_000_000);
	}

	private void applyIfNewer(ZenginData.Master master, String source, String sha) {
		tx.executeWithoutResult(s -> {
			lock();
			LocalDate current = currentDate();
			if (current != null && !master.dataDate().isAfter(current)) {
				return;
			}
			Refresh r = diff(master, settings.closeWithoutConfirming());
			write(master, r, source, sha);
			audit.recordFile(AuditAction.IMPORT, CHANNEL_STARTUP, source, describe(r));
		});
	}

	// --- look-ups ---------------------------------------------------------------------------------------------------

	private Index index() {
		Index i = index;
		Instant now = clock.now();
		if (i == null) {
			synchronized (this) {
				if (index == null) {
					index = readIndex();
				}
				return index;
			}
		}
		if (now.isAfter(checkedAt.plus(settings.recheck()))) {
			checkedAt = now;
			Long latest = jdbc.sql("select max(id) from bank_master_load").query(Long.class).optional().orElse(null);
			if (latest != null && latest != i.version().id()) {
				index = readIndex();
				return index;
			}
		}
		return i;
	}

	@Override
	public Optional<Bank> bank(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(index().banks().get(code));
	}

	@Override
	public Optional<Branch> branch(String bankCode, String branchCode) {
		if (bankCode == null || branchCode == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(index().branches().get(bankCode + "-" + branchCode));
	}

	@Override
	public Branch forNewAccount(String bankCodeText, String branchCodeText) {
		String bankCode = digits(bankCodeText);
		String branchCode = digits(branchCodeText);
		if (!bankCode.matches("[0-9]{4}")) {
			throw new InvalidInputException("bankCode", "金融機関コードは4桁の数字です");
		}
		if (!branchCode.matches("[0-9]{3}")) {
			throw new InvalidInputException("branchCode", "店舗コードは3桁の数字です");
		}
		Index i = index();
		Bank bank = i.banks().get(bankCode);
		if (bank == null) {
			throw new InvalidInputException("bankCode", "金融機関コード " + bankCode + " は銀行マスタにありません");
		}
		if (!bank.open()) {
			throw new InvalidInputException("bankCode", "金融機関 " + bankCode + "（" + bank.name()
					+ "）は廃止されているため新しい口座には使えません");
		}
		Branch branch = i.branches().get(bankCode + "-" + branchCode);
		if (branch == null) {
			throw new InvalidInputException("branchCode", "店舗コード " + branchCode + " は " + bank.name()
					+ "（" + bankCode + "）の店舗にありません");
		}
		if (!branch.open()) {
			throw new InvalidInputException("branchCode", bank.name() + " の店舗 " + branchCode + "（" + branch.name()
					+ "）は廃止されているため新しい口座には使えません");
		}
		return branch;
	}

	private static String digits(String text) {
		return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
	}

	@Override
	public List<Bank> findBanks(String text, int limit) {
		String t = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
		var out = new ArrayList<Bank>();
		for (Bank b : index().openBanks()) {
			if (t.isEmpty() || b.code().startsWith(t) || b.name().contains(t) || contains(b.kana(), t)) {
				out.add(b);
				if (out.size() >= limit) {
					break;
				}
			}
		}
		return out;
	}

	@Override
	public List<Branch> findBranches(String bankCode, String text, int limit) {
		String t = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
		var out = new ArrayList<Branch>();
		for (Branch b : index().openBranches().getOrDefault(bankCode, List.of())) {
			if (t.isEmpty() || b.code().startsWith(t) || b.name().contains(t) || contains(b.kana(), t)) {
				out.add(b);
				if (out.size() >= limit) {
					break;
				}
			}
		}
		return out;
	}

	private static boolean contains(String kana, String text) {
		return kana.contains(jp.ikiiki.desk.shared.Kana.toFullwidthKatakana(text));
	}

	@Override
	public Version version() {
		return index().version();
	}

	@Override
	public List<Version> history() {
		return jdbc.sql("select * from bank_master_load order by id desc").query((rs, n) -> version(rs)).list();
	}

	private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Version(rs.getLong("id"), rs.getObject("data_date", LocalDate.class), rs.getString("source"),
				rs.getInt("banks"), rs.getInt("branches"), rs.getString("loaded_by"), PaymentsClock.instant(rs, "loaded_at"));
	}

	Index readIndex() {
		Version v = jdbc.sql("select * from bank_master_load order by id desc limit 1").query((rs, n) -> version(rs))
				.optional().orElse(new Version(0, null, "", 0, 0, "", null));
		var banks = new HashMap<String, Bank>(2_048);
		jdbc.sql("select code, name, kana, closed_in from bank").query((RowCallbackHandler) rs -> {
			String kana = rs.getString("kana");
			banks.put(rs.getString("code"), new Bank(rs.getString("code"), rs.getString("name"), kana,
					ZenginText.convertLenient("カナ", kana), rs.getObject("closed_in") == null));
		});
		var branches = new HashMap<String, Branch>(65_536);
		var open = new HashMap<String, List<Branch>>(2_048);
		jdbc.sql("select bank_code, code, name, kana, closed_in from bank_branch order by bank_code, code")
				.query((RowCallbackHandler) rs -> {
					String bank = rs.getString("bank_code");
					String kana = rs.getString("kana");
					Bank b = banks.get(bank);
					var branch = new Branch(bank, rs.getString("code"), rs.getString("name"), kana,
							ZenginText.convertLenient("カナ", kana), rs.getObject("closed_in") == null && b != null && b.open());
					branches.put(bank + "-" + branch.code(), branch);
					if (branch.open()) {
						open.computeIfAbsent(bank, k -> new ArrayList<>()).add(branch);
					}
				});
		List<Bank> openBanks = banks.values().stream().filter(Bank::open).sorted(Comparator.comparing(Bank::code)).toList();
		return new Index(v, Map.copyOf(banks), Map.copyOf(branches), openBanks, Map.copyOf(open));
	}

	// --- refresh ----------------------------------------------------------------------------------------------------

	@Override
	public Refresh preview(String fileName, InputStream content, LocalDate dataDate) {
		ZenginData.Master master = read(fileName, content, dataDate);
		return tx.execute(s -> {
			checkNewer(master);
			return diff(master, settings.closeWithoutConfirming());
		});
	}

	@Override
	public Refresh apply(String fileName, InputStream content, LocalDate dataDate, boolean confirmed) {
		byte[] bytes;
		try {
			bytes = content.readNBytes((int) ZenginData.MAX_BYTES + 1);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ZenginData.Master master = read(fileName, new ByteArrayInputStream(bytes), dataDate);
		String source = "画面から取込 " + (fileName == null ? "" : fileName);
		Refresh done = tx.execute(s -> {
			lock();
			checkNewer(master);
			Refresh r = diff(master, settings.closeWithoutConfirming());
			if (r.needsConfirmation() && !confirmed) {
				throw (StateConflictException) new StateConflictException("この更新で " + r.closed()
						+ " 件の店舗・金融機関が廃止扱いになります。内容を確認してから確定してください").with("closed", r.closed());
			}
			write(master, r, source, sha(bytes));
			return new Refresh(r.dataDate(), r.banks(), r.branches(), r.added(), r.changed(), r.closed(), r.reopened(),
					r.closedExamples(), r.needsConfirmation(), true);
		});
		audit.recordFile(AuditAction.IMPORT, "画面:銀行マスタ更新", fileName, describe(done));
		index = readIndex();
		log.info("Bank master {} loaded by an operator: {} added, {} changed, {} closed, {} reopened", done.dataDate(),
				done.added(), done.changed(), done.closed(), done.reopened());
		return done;
	}

	private static ZenginData.Master read(String fileName, InputStream content, LocalDate dataDate) {
		try {
			return ZenginData.read(fileName, content, dataDate);
		} catch (IOException e) {
			throw new InvalidInputException("file", "ファイルを読めません");
		}
	}

	private void checkNewer(ZenginData.Master master) {
		LocalDate current = currentDate();
		if (current != null && !master.dataDate().isAfter(current)) {
			throw new StateConflictException("このデータ（" + master.dataDate() + "）は使用中の銀行マスタ（" + current
					+ "）より新しくありません");
		}
	}

	private LocalDate currentDate() {
		return jdbc.sql("select max(data_date) from bank_master_load").query(LocalDate.class).optional().orElse(null);
	}

	private void lock() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('payments.bank_master'))").query(Object.class).optional();
	}

	private record Stored(String name, String kana, boolean closed) {
	}

	/** What {@code master} changes against the tables (read in the caller's transaction). */
	private Refresh diff(ZenginData.Master master, int limit) {
		Map<String, Stored> banks = stored("select code as k, name, kana, closed_in from bank");
		Map<String, Stored> branches = stored("select bank_code || '-' || code as k, name, kana, closed_in from bank_branch");
		int added = 0;
		int changed = 0;
		int reopened = 0;
		var inFile = new java.util.HashSet<String>(65_536);
		for (ZenginData.BankRow b : master.banks()) {
			inFile.add(b.code());
			int[] c = compare(banks.get(b.code()), b.name(), b.kana());
			added += c[0];
			changed += c[1];
			reopened += c[2];
			for (ZenginData.BranchRow r : b.branches()) {
				String k = b.code() + "-" + r.code();
				inFile.add(k);
				int[] d = compare(branches.get(k), r.name(), r.kana());
				added += d[0];
				changed += d[1];
				reopened += d[2];
			}
		}
		int closed = 0;
		int closedBranches = 0;
		var examples = new ArrayList<String>();
		for (var e : banks.entrySet()) {
			if (!e.getValue().closed() && !inFile.contains(e.getKey())) {
				closed++;
				if (examples.size() < 20) {
					examples.add(e.getKey() + " " + e.getValue().name());
				}
			}
		}
		for (var e : branches.entrySet()) {
			if (!e.getValue().closed() && !inFile.contains(e.getKey())) {
				closed++;
				closedBranches++;
				if (examples.size() < 20) {
					examples.add(e.getKey() + " " + e.getValue().name());
				}
			}
		}
		return new Refresh(master.dataDate(), master.banks().size(), master.branchCount(), added, changed, closed,
				reopened, List.copyOf(examples), closedBranches > limit, false);
	}

	private static int[] compare(Stored s, String name, String kana) {
		if (s == null) {
			return new int[] { 1, 0, 0 };
		}
		int changed = s.name().equals(name) && s.kana().equals(kana) ? 0 : 1;
		return new int[] { 0, changed, s.closed() ? 1 : 0 };
	}

	private Map<String, Stored> stored(String sql) {
		var m = new HashMap<String, Stored>(65_536);
		jdbc.sql(sql).query((RowCallbackHandler) rs -> m.put(rs.getString("k"),
				new Stored(rs.getString("name"), rs.getString("kana"), rs.getObject("closed_in") != null)));
		return m;
	}

	/** Writes a master (after {@link #diff}, in the same transaction and lock). */
	private void write(ZenginData.Master master, Refresh r, String source, String sha) {
		long load = jdbc.sql("""
				insert into bank_master_load (data_date, source, sha256, banks, branches, added, changed, closed, reopened,
				                              loaded_by, loaded_at)
				values (:d, :src, :sha, :banks, :branches, :added, :changed, :closed, :reopened, :by, :at) returning id""")
				.param("d", master.dataDate()).param("src", source.length() > 300 ? source.substring(0, 300) : source)
				.param("sha", sha).param("banks", r.banks()).param("branches", r.branches()).param("added", r.added())
				.param("changed", r.changed()).param("closed", r.closed()).param("reopened", r.reopened())
				.param("by", CurrentUser.name()).param("at", clock.at()).query(Long.class).single();
		var bankRows = new ArrayList<Object[]>();
		var branchRows = new ArrayList<Object[]>(65_536);
		for (ZenginData.BankRow b : master.banks()) {
			bankRows.add(new Object[] { b.code(), b.name(), b.kana() });
			for (ZenginData.BranchRow x : b.branches()) {
				branchRows.add(new Object[] { b.code(), x.code(), x.name(), x.kana() });
			}
		}
		template.execute("create temporary table bank_in (code char(4), name text, kana text) on commit drop");
		template.execute("create temporary table branch_in (bank_code char(4), code char(3), name text, kana text) on commit drop");
		template.batchUpdate("insert into bank_in values (?, ?, ?)", bankRows, 2_000, (ps, row) -> {
			ps.setString(1, (String) row[0]);
			ps.setString(2, (String) row[1]);
			ps.setString(3, (String) row[2]);
		});
		template.batchUpdate("insert into branch_in values (?, ?, ?, ?)", branchRows, 5_000, (ps, row) -> {
			ps.setString(1, (String) row[0]);
			ps.setString(2, (String) row[1]);
			ps.setString(3, (String) row[2]);
			ps.setString(4, (String) row[3]);
		});
		template.update("""
				insert into bank (code, name, kana) select code, name, kana from bank_in
				on conflict (code) do update set name = excluded.name, kana = excluded.kana, closed_in = null""");
		template.update("update bank set closed_in = ? where closed_in is null and code not in (select code from bank_in)",
				load);
		template.update("""
				insert into bank_branch (bank_code, code, name, kana) select bank_code, code, name, kana from branch_in
				on conflict (bank_code, code) do update set name = excluded.name, kana = excluded.kana, closed_in = null""");
		template.update("""
				update bank_branch b set closed_in = ? where closed_in is null
				and not exists (select 1 from branch_in i where i.bank_code = b.bank_code and i.code = b.code)""", load);
	}

	private static String describe(Refresh r) {
		return "データ日付 " + r.dataDate() + ", 金融機関 " + r.banks() + ", 店舗 " + r.branches() + ", 追加 " + r.added()
				+ ", 変更 " + r.changed() + ", 廃止 " + r.closed() + ", 再開 " + r.reopened();
	}

	private static String sha(ClassPathResource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return sha(in.readAllBytes());
		}
	}

	static String sha(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
