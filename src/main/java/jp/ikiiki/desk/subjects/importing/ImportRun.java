package jp.ikiiki.desk.subjects.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * The state of one import while its file is read: the header check, each row validated and staged, the problems
 * (capped, counts exact), the 宛名番号 seen (for duplicates), and what the comparison found. One per attempt, on one
 * thread.
 */
final class ImportRun {

	/** Problems kept per import (the counts stay exact beyond it); bounds memory for a file of nothing but errors. */
	static final int PROBLEM_LIMIT = 200_000;

	final SubjectFileKind kind;
	final ImportOptions options;
	private final FieldRules rules;
	private final int maxRows;
	final List<ImportProblem> problems = new ArrayList<>();
	/** 宛名番号 → first row (Long) or every row (long[]) once duplicated: one boxed number per subject, not a list. */
	private final Map<String, Object> addressRows = new HashMap<>();
	FileFormat format;
	CsvCharset charset;
	String sha256;
	private RowValidator validator;
	/** The problem that stops the file as a whole (unreadable, wrong header, no data), or null. */
	ImportProblem fatal;
	/** The kind the header shows when it is the other city file's, or null. */
	SubjectFileKind detectedKind;
	int rows;
	int rejected;
	ImportStage.Counts counts = new ImportStage.Counts(0, 0, 0, 0, 0);
	int problemCount;
	private long systemValuesRow;

	ImportRun(SubjectFileKind kind, ImportOptions options, FieldRules rules, int maxRows) {
		this.kind = kind;
		this.options = options;
		this.rules = rules;
		this.maxRows = maxRows;
	}

	/** Valid rows: read, not rejected (duplicates included once the comparison has run). */
	int validRows() {
		return rows - rejected;
	}

	/**
	 * One record of the file: the header first, then the data rows, each validated and staged.
	 *
	 * @throws HeaderRejected          after a wrong header (its problems recorded)
	 * @throws LimitExceededException  beyond the row limit
	 */
	void accept(StageCopy copy, SourceRow row) {
		if (validator == null) {
			header(row);
			return;
		}
		if (row.isBlank()) {
			return;
		}
		if (++rows > maxRows) {
			throw new LimitExceededException(row.row(), "max-rows", "データ行が多すぎます（" + String.format("%,d", maxRows)
					+ "行まで、" + row.row() + "行目で超えました）。取込は中止しました。");
		}
		ValidatedRow v = validator.validate(row);
		v.problems().forEach(this::problem);
		if (v.systemValuesIgnored() && systemValuesRow == 0) {
			systemValuesRow = v.row();
		}
		if (v.addressNumber() != null) {
			seen(v.addressNumber(), v.row());
		}
		if (v.valid()) {
			copy.valid(v.row(), v.addressNumber(), v.values().values(), Json.gaiji(v.gaiji(), kind.code()),
					TypedColumns.of(kind, v.values()));
		} else {
			rejected++;
			if (v.addressNumber() != null) {
				copy.rejected(v.row(), v.addressNumber());
			}
		}
	}

	private void header(SourceRow row) {
		if (row.row() != 1) {
			fatal(new ImportProblem(1, null, "", "1行目に見出し行がありません。", Severity.ERROR));
			throw new HeaderRejected();
		}
		HeaderCheck.Result header = HeaderCheck.check(kind, row);
		if (!header.ok()) {
			var other = HeaderCheck.otherKind(kind, row);
			if (other.isPresent()) {
				detectedKind = other.get();
				fatal(HeaderCheck.wrongKind(kind, detectedKind));
			} else {
				header.problems().forEach(this::problem);
				fatal = visible(header.problems().get(0));
			}
			throw new HeaderRejected();
		}
		validator = new RowValidator(kind, rules, header.width(), format == FileFormat.CSV);
	}

	/** Whether the header was read and accepted. */
	boolean headerRead() {
		return validator != null;
	}

	/**
	 * After the staging: every row of a 宛名番号 that occurs more than once is a problem naming the others. Returns
	 * the numbers to reject in the staging table.
	 */
	List<String> duplicates() {
		List<String> duplicated = new ArrayList<>();
		for (var e : addressRows.entrySet()) {
			if (e.getValue() instanceof long[] all) {
				duplicated.add(e.getKey());
				for (long row : all) {
					StringBuilder others = new StringBuilder();
					for (long other : all) {
						if (other != row) {
							others.append(others.length() == 0 ? "" : "、").append(other).append("行目");
						}
					}
					problem(new ImportProblem(row, "宛名番号", e.getKey(), "宛名番号がファイル内で重複しています（" + others
							+ "にもあります）。重複する行はどれも取り込みません。", Severity.ERROR));
				}
			}
		}
		return duplicated;
	}

	/** The notice that 別紙3's system-owned columns held values that were not taken, if they did. */
	void noticeSystemValues() {
		if (kind == SubjectFileKind.PROGRESS && systemValuesRow > 0) {
			problem(new ImportProblem(systemValuesRow, null, "", "55〜84列（活動4P〜備考）はシステムが管理する項目のため、"
					+ "ファイルの値は取り込まず、システムの値をそのまま残しました（最初に値があった行: " + systemValuesRow + "行目）。",
					Severity.NOTICE));
		}
	}

	/** The notice that only the first problems were kept, if more were found. */
	void noticeCappedProblems() {
		if (problemCount > problems.size()) {
			problems.add(new ImportProblem(1, null, "", "不備が多いため、最初の" + PROBLEM_LIMIT + "件のみ記録しました（全"
					+ problemCount + "件）。", Severity.NOTICE));
		}
	}

	/** Records a problem; its column and value are kept with control characters named (PostgreSQL stores no NUL). */
	void problem(ImportProblem p) {
		problemCount++;
		if (problems.size() < PROBLEM_LIMIT) {
			problems.add(visible(p));
		}
	}

	/** The problem that stops the whole file. */
	void fatal(ImportProblem p) {
		problem(p);
		fatal = visible(p);
	}

	private static ImportProblem visible(ImportProblem p) {
		return new ImportProblem(p.row(), ControlCharacters.visible(p.column()), ControlCharacters.visible(p.value()),
				p.reason(), p.severity());
	}

	private void seen(String addressNumber, long row) {
		addressRows.merge(addressNumber, row, (old, now) -> {
			long[] all = old instanceof long[] a ? Arrays.copyOf(a, a.length + 1) : new long[] {(Long) old, 0};
			all[all.length - 1] = (Long) now;
			return all;
		});
	}

	String formatLabel() {
		return format == null ? null : format.label();
	}

	String charsetLabel() {
		return charset == null ? null : charset.label();
	}

	/** What the run comes to, given the guard's verdict (null: nothing to hold). */
	ImportOutcome.Status status(ImportOutcome.Hold hold) {
		if (detectedKind != null) {
			return ImportOutcome.Status.WRONG_KIND;
		}
		if (fatal != null || (rejected > 0 && !options.acceptValid()) || validRows() <= 0) {
			return ImportOutcome.Status.BLOCKED;
		}
		if (options.dryRun()) {
			return ImportOutcome.Status.DRY_RUN;
		}
		return hold != null ? ImportOutcome.Status.HELD : ImportOutcome.Status.APPLIED;
	}

	/** Stops reading after a wrong header. */
	static final class HeaderRejected extends RuntimeException {
		HeaderRejected() {
			super(null, null, false, false);
		}
	}
}
