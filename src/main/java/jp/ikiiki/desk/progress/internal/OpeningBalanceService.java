package jp.ikiiki.desk.progress.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.progress.OpeningBalances;
import jp.ikiiki.desk.progress.ProgressYear;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.FieldType;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.subjects.importing.CityFileCells;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.TallyProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opening-balance import (第9章1(1)): a 別紙3 file of the predecessor, columns 49–84 taken for one business year.
 * Read and checked in batches of {@value #BATCH} rows (streaming: a 190,000-row file never sits in memory), in one
 * transaction holding the import's advisory lock; a row is either taken whole or refused whole with its reasons.
 */
@Service
class OpeningBalanceService implements OpeningBalances {

	static final int BATCH = 1_000;
	/** Problems listed in one outcome; beyond, one line says how many more there were. */
	static final int MAX_PROBLEMS = 10_000;
	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
	private static final Map<Integer, Integer> MAX_LENGTH = Map.of(YearColumns.SCAN_FILE, 100,
			YearColumns.ADDITIONAL_SCAN_FILE, 100, YearColumns.BANK_CODE, 4, YearColumns.BRANCH_CODE, 3,
			YearColumns.BANK_NAME, 60, YearColumns.ACCOUNT_HOLDER, 60, YearColumns.ACCEPTANCE_NUMBER, 40,
			YearColumns.NOTE, 1_000);

	private final CityFileCells cells;
	private final ProgressStore store;
	private final BusinessYears years;
	private final TallyProperties tally;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	OpeningBalanceService(CityFileCells cells, ProgressStore store, BusinessYears years, TallyProperties tally,
			AuditTrail audit, JdbcClient jdbc, PlatformTransactionManager transactions,
			org.springframework.beans.factory.ObjectProvider<Clock> clock) {
		this.cells = cells;
		this.store = store;
		this.years = years;
		this.tally = tally;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Outcome load(int businessYear, String fileName, InputStream content, boolean dryRun, String channel) {
		BusinessYear year = years.require(businessYear);
		String name = fileName == null || fileName.isBlank() ? "opening.csv" : ControlCharacters.visible(fileName);
		if (name.length() > 255) {
			name = name.substring(0, 255);
		}
		String file = name;
		return transactions.execute(tx -> {
			if (!CityFileCells.tryLock(jdbc, CityFileCells.OPENING_BALANCE_LOCK)) {
				throw new StateConflictException("別の引継ぎデータの取込が実行中です。終わってから取り込んでください");
			}
			long id = store.insertImport(businessYear, file, dryRun, 0, 0, 0, 0, 0, CurrentUser.name(), clock.instant());
			var run = new Run(year, dryRun, id);
			cells.readCsv(content, (row, values) -> run.row(row, values));
			run.flush();
			if (run.header == null) {
				throw new InvalidInputException("file", "ファイルが空です（見出し行がありません）");
			}
			store.updateImport(id, run.rows, run.inserted, run.updated, run.unchanged, run.refused);
			audit.record(AuditAction.IMPORT, channel, dryRun ? List.of() : run.written, file,
					"引継ぎデータ " + businessYear + "年度" + (dryRun ? "（試行）" : "") + "; rows=" + run.rows + ", inserted="
							+ run.inserted + ", updated=" + run.updated + ", unchanged=" + run.unchanged + ", refused="
							+ run.refused);
			var problems = new ArrayList<>(run.problems);
			// By row: the subject and overwrite checks of a batch come after the cell checks of later rows.
			problems.sort(java.util.Comparator.comparingLong(Problem::row));
			if (run.omitted > 0) {
				problems.add(new Problem(0, null, "", "ほかに" + run.omitted + "件の指摘があります（最初の" + MAX_PROBLEMS
						+ "件のみ表示）"));
			}
			return new Outcome(id, dryRun, run.rows, run.inserted, run.updated, run.unchanged, run.refused, problems);
		});
	}

	/** One file being read. */
	private final class Run {
		final BusinessYear year;
		final boolean dryRun;
		List<String> header;
		int rows;
		int inserted;
		int updated;
		int unchanged;
		int refused;
		int omitted;
		final List<Problem> problems = new ArrayList<>();
		final List<String> written = new ArrayList<>();
		final Map<String, Long> seen = new HashMap<>();
		final List<Candidate> batch = new ArrayList<>(BATCH);

		final long importId;

		Run(BusinessYear year, boolean dryRun, long importId) {
			this.year = year;
			this.dryRun = dryRun;
			this.importId = importId;
		}

		void row(long row, List<String> values) {
			if (header == null) {
				checkHeader(values);
				header = values;
				return;
			}
			if (values.stream().allMatch(v -> v == null || v.isBlank())) {
				return; // a blank line (Excel leaves them at the end)
			}
			rows++;
			var rowProblems = new ArrayList<Problem>();
			Candidate c = validate(row, values, rowProblems);
			if (c != null) {
				Long earlier = seen.putIfAbsent(c.addressNumber, row);
				if (earlier != null) {
					rowProblems.add(new Problem(row, "宛名番号", c.addressNumber, "同じ宛名番号が" + earlier + "行目にもあります"));
					c = null;
				}
			}
			if (c == null || !rowProblems.isEmpty()) {
				refuse(rowProblems);
				return;
			}
			batch.add(c);
			if (batch.size() >= BATCH) {
				flush();
			}
		}

		void refuse(List<Problem> rowProblems) {
			refused++;
			for (Problem p : rowProblems) {
				if (problems.size() < MAX_PROBLEMS) {
					problems.add(p);
				} else {
					omitted++;
				}
			}
		}

		void flush() {
			if (batch.isEmpty()) {
				return;
			}
			List<String> numbers = batch.stream().map(c -> c.addressNumber).toList();
			var subjects = store.existingSubjects(numbers);
			Map<String, ProgressYear> existing = store.ofYear(numbers, year.year());
			for (Candidate c : batch) {
				if (!subjects.contains(c.addressNumber)) {
					refuse(List.of(new Problem(c.row, "宛名番号", c.addressNumber,
							"対象者が登録されていません（先に市の別紙3を取り込んでください）")));
					continue;
				}
				ProgressYear now = existing.get(c.addressNumber);
				if (now == null ? c.values.stream().allMatch(String::isEmpty) : now.values().equals(c.values)) {
					// What is recorded already (a re-imported export, an empty year): nothing to change.
					unchanged++;
					continue;
				}
				if (now != null && (now.source() == ProgressYear.Source.SYSTEM || now.tallyBooklets() > 0)) {
					refuse(List.of(new Problem(c.row, "宛名番号", c.addressNumber, "この対象者の" + year.label()
							+ "はこのシステムで手帳を受け付け・集計済みのため、引継ぎデータで上書きできません")));
					continue;
				}
				if (now == null) {
					inserted++;
				} else {
					updated++;
				}
				if (!dryRun) {
					store.putOpening(c.addressNumber, year.year(), c.values, importId);
					written.add(c.addressNumber);
				}
			}
			batch.clear();
		}

		private void checkHeader(List<String> values) {
			List<Column> columns = SubjectFileKind.PROGRESS.columns();
			for (int i = 0; i < columns.size(); i++) {
				String found = i < values.size() ? values.get(i) : null;
				String expected = columns.get(i).header();
				if (found == null || !Column.canonicalHeader(found.replace("\uFEFF", ""))
						.equals(Column.canonicalHeader(expected))) {
					throw new InvalidInputException("file", "見出しが別紙3と一致しません: " + (i + 1) + "列目は「" + expected
							+ "」のはずが「" + (found == null ? "（なし）" : ControlCharacters.visible(found)) + "」です")
							.with("column", i + 1);
				}
			}
			for (int i = columns.size(); i < values.size(); i++) {
				if (values.get(i) != null && !values.get(i).isBlank()) {
					throw new InvalidInputException("file", "見出しが別紙3と一致しません: 85列目以降に見出しがあります（別紙3は84列）")
							.with("column", i + 1);
				}
			}
		}

		private Candidate validate(long row, List<String> cellsOfRow, List<Problem> rowProblems) {
			List<Column> columns = SubjectFileKind.PROGRESS.columns();
			if (cellsOfRow.size() < columns.size()) {
				rowProblems.add(new Problem(row, null, "", "列の数が足りません（" + cellsOfRow.size()
						+ "列、別紙3は84列）。引用符や改行の誤りがないか確認してください"));
				return null;
			}
			for (int i = columns.size(); i < cellsOfRow.size(); i++) {
				if (cellsOfRow.get(i) != null && !cellsOfRow.get(i).isBlank()) {
					rowProblems.add(new Problem(row, null, ControlCharacters.visible(cellsOfRow.get(i)),
							(i + 1) + "列目に値がありますが、別紙3は84列です"));
					return null;
				}
			}
			for (Column column : columns) {
				String raw = cellsOfRow.get(column.number() - 1);
				int control = raw == null ? -1 : ControlCharacters.indexOf(raw);
				if (control >= 0) {
					char ch = raw.charAt(control);
					String reason = ch == '\n' || ch == '\r' ? "項目の中に改行があります（" + (control + 1) + "文字目）"
							: "制御文字（" + ControlCharacters.name(ch) + "）が含まれています（" + (control + 1) + "文字目）";
					rowProblems.add(new Problem(row, column.header(), ControlCharacters.visible(raw), reason));
				}
			}
			String addressNumber = null;
			try {
				addressNumber = AddressNumber.parse(cellsOfRow.get(0).strip()).value();
			} catch (InvalidInputException e) {
				rowProblems.add(new Problem(row, "宛名番号", cellsOfRow.get(0), e.reason()));
			}
			if (!rowProblems.isEmpty()) {
				return null;
			}
			List<String> values = ProgressStore.empty();
			for (Column column : YearColumns.columns()) {
				String raw = cellsOfRow.get(column.number() - 1);
				String value = unneutralised(raw == null ? "" : raw.strip());
				if (value.isEmpty()) {
					continue;
				}
				try {
					String normalized = column.type() == FieldType.TEXT ? value : cells.normalize(column.type(), value);
					check(column, normalized);
					values.set(YearColumns.index(column.number()), normalized);
				} catch (InvalidInputException e) {
					rowProblems.add(new Problem(row, column.header(), raw, e.reason()));
				}
			}
			if (rowProblems.isEmpty()) {
				checkFigures(row, values, rowProblems);
			}
			return rowProblems.isEmpty() ? new Candidate(row, addressNumber, values) : null;
		}

		private void check(Column column, String normalized) {
			Integer max = MAX_LENGTH.get(column.number());
			if (column.type() == FieldType.TEXT && normalized.length() > (max == null ? 200 : max)) {
				throw new InvalidInputException("長すぎます（" + (max == null ? 200 : max) + "文字まで）");
			}
			if (max != null && normalized.length() > max) {
				throw new InvalidInputException("長すぎます（" + max + "桁まで）");
			}
			if (column.type() == FieldType.INTEGER && normalized.length() > 7) {
				throw new InvalidInputException("大きすぎます（7桁まで）");
			}
			if (column.type() == FieldType.DATE) {
				LocalDate d = LocalDate.parse(normalized);
				LocalDate latest = years.today();
				if (d.isBefore(EARLIEST) || d.isAfter(latest)) {
					throw new InvalidInputException("日付が範囲外です（2000年1月1日から今日まで）");
				}
				if (column.number() == YearColumns.BOOKLET_RECEIVED && !year.acceptsBookletsReceivedOn(d)) {
					throw new InvalidInputException(year.label() + "の手帳の受付期間（" + year.start() + "〜"
							+ year.bookletDeadline() + "）の外の日付です");
				}
			}
		}

		/** Columns 55–75 as the tally would derive them: present together, each kind's points a multiple, sums equal. */
		private void checkFigures(long row, List<String> values, List<Problem> rowProblems) {
			boolean any = false;
			for (int c = 55; c <= 75; c++) {
				any |= !values.get(YearColumns.index(c)).isEmpty();
			}
			if (!any) {
				return;
			}
			var missing = new ArrayList<String>();
			for (int c = 55; c <= 75; c++) {
				if (values.get(YearColumns.index(c)).isEmpty()) {
					missing.add(YearColumns.column(c).header());
				}
			}
			if (!missing.isEmpty()) {
				rowProblems.add(new Problem(row, missing.get(0), "", "ポイントの列（55〜75列）は揃えて入力してください。空欄: "
						+ String.join("、", missing)));
			}
			if (values.get(YearColumns.index(YearColumns.BOOKLET_RECEIVED)).isEmpty()) {
				rowProblems.add(new Problem(row, "手帳受付日", "", "ポイントがあるのに手帳受付日が空欄です"));
			}
			if (!rowProblems.isEmpty()) {
				return;
			}
			int[] v = new int[85];
			for (int c = 55; c <= 75; c++) {
				v[c] = Integer.parseInt(values.get(YearColumns.index(c)));
			}
			if (v[55] % 4 != 0) {
				rowProblems.add(problem(row, 55, v, "活動4Pは4の倍数のはずです"));
			}
			for (int c = 56; c <= 70; c++) {
				if (v[c] % 2 != 0) {
					rowProblems.add(problem(row, c, v, YearColumns.column(c).header() + "は2の倍数のはずです"));
				}
			}
			int checkups = 0;
			for (int c = 57; c <= 70; c++) {
				checkups += v[c];
			}
			if (v[71] != checkups) {
				rowProblems.add(problem(row, 71, v, "受診2P_1〜14の合計（" + checkups + "）と一致しません"));
			}
			int total = v[55] + v[56] + v[71] + v[72];
			if (v[73] != total) {
				rowProblems.add(problem(row, 73, v, "活動4P・活動2P・受診2P小計・健康1Pの合計（" + total + "）と一致しません"));
			}
			long amount = (long) Math.min(v[73], v[74]) * tally.yenPerPoint();
			if (v[75] != amount) {
				rowProblems.add(problem(row, 75, v, "min(ポイント合計, 上限ポイント) × " + tally.yenPerPoint() + "円（" + amount
						+ "円）と一致しません"));
			}
		}

		private Problem problem(long row, int column, int[] v, String reason) {
			return new Problem(row, YearColumns.column(column).header(), String.valueOf(v[column]), reason);
		}
	}

	/** A value the system's own export neutralised for spreadsheets ('=…) is read back as the value. */
	static String unneutralised(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && CsvCells.startsLikeAFormula(value.substring(1))) {
			return value.substring(1);
		}
		return value;
	}

	private record Candidate(long row, String addressNumber, List<String> values) {
	}
}
