package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.shared.CurrentUser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a city file in one transaction: read and validate every row while streaming the valid ones into a
 * staging table (COPY), compare with the stored subjects in SQL, write the システム更新結果報告書, then apply —
 * or roll back when rows were rejected without {@code acceptValid}, for a dry run, or when the file cannot be
 * read. The attempt, its report and its problems are kept in the history in a transaction of their own.
 */
@Service
@PreAuthorize("hasRole('OPERATOR')")
class SubjectImportService implements SubjectImports {

	private static final Logger log = LoggerFactory.getLogger(SubjectImportService.class);
	/** Problems kept per import (the counts stay exact beyond it); bounds memory for a file of nothing but errors. */
	static final int PROBLEM_LIMIT = 200_000;
	static final String DEFAULT_CHANNEL = "対象者データ取込";

	private final DataSource dataSource;
	private final JdbcTemplate streaming;
	private final TransactionTemplate importTransaction;
	private final ImportHistoryStore history;
	private final AuditTrail audit;
	private final FieldRules rules;

	SubjectImportService(DataSource dataSource, PlatformTransactionManager transactions, ImportHistoryStore history,
			AuditTrail audit, SubjectsProperties properties) {
		this.dataSource = dataSource;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.importTransaction = new TransactionTemplate(transactions);
		this.importTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.history = history;
		this.audit = audit;
		this.rules = new FieldRules(properties.ticketTypes());
	}

	@Override
	public ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options) {
		return importFile(kind, fileName, content, options, DEFAULT_CHANNEL);
	}

	@Override
	public ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options,
			String channel) {
		String name = fileName == null || fileName.isBlank() ? "(無名)" : fileName.strip();
		ImportOptions opts = options == null ? ImportOptions.APPLY : options;
		String user = CurrentUser.name();
		long id = history.start(kind, name, opts, user);
		Instant started = Instant.now();
		Run run = new Run(kind, opts);
		Path upload = null;
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			var in = new BufferedInputStream(new DigestInputStream(content, sha), 1 << 16);
			run.format = format(name, in);
			if (run.format == Format.XLSX) {
				// POI opens a package from a file without inflating it into memory; from a stream it would not.
				upload = Files.createTempFile("ikiiki-import", ".xlsx");
				try (OutputStream out = Files.newOutputStream(upload)) {
					in.transferTo(out);
				}
			}
			Path xlsx = upload;
			byte[] report = importTransaction.execute(tx -> {
				ImportStage stage = new ImportStage(streaming, dataSource, kind);
				stage.create();
				long t0 = System.nanoTime();
				read(run, stage, in, xlsx);
				run.readMs = (System.nanoTime() - t0) / 1_000_000;
				drain(in);
				run.sha256 = HexFormat.of().formatHex(sha.digest());
				if (run.fatal == null && run.rows == 0) {
					run.fatal(new ImportProblem(1, null, "", "データ行がありません（見出し行のみ）。全員が終了扱いになるのを防ぐため、取込を中止しました。",
							Severity.ERROR));
				}
				long t1 = System.nanoTime();
				if (run.fatal == null) {
					compare(run, stage);
				}
				run.compareMs = (System.nanoTime() - t1) / 1_000_000;
				run.status = run.fatal != null || (run.rejected > 0 && !opts.acceptValid()) ? State.BLOCKED
						: opts.dryRun() ? State.DRY_RUN : State.APPLIED;
				run.problems.sort(Comparator.comparingLong(ImportProblem::row));
				byte[] bytes = UpdateReport.write(new UpdateReport.Summary(id, kind, name, run.formatLabel(),
						run.charset == null ? null : run.charset.label(), run.sha256, user, started, run.status,
						opts.dryRun(), opts.acceptValid(), run.rows, run.added, run.changed, run.ended, run.rejected,
						run.flagged, run.problemCount), run.fatal == null ? stage : null, run.problems);
				long t2 = System.nanoTime();
				run.reportMs = (t2 - t1) / 1_000_000 - run.compareMs;
				if (run.status == State.APPLIED) {
					stage.apply(id);
					run.applyMs = (System.nanoTime() - t2) / 1_000_000;
				} else {
					tx.setRollbackOnly();
				}
				return bytes;
			});
			history.finish(id, new ImportHistoryStore.Finish(run.sha256, run.formatLabel(),
					run.charset == null ? null : run.charset.label(), run.rows, run.status, run.added, run.changed,
					run.ended, run.rejected, run.flagged, run.problemCount, report, run.problems));
			audit.recordFile(AuditAction.IMPORT, channel, name, "取込ID=" + id + " 種類=" + kind.title() + " 結果="
					+ run.status.label() + " 行数=" + run.rows + " 追加=" + run.added + " 変更=" + run.changed + " 終了="
					+ run.ended + " 不備=" + run.rejected + " 外字確認=" + run.flagged);
			log.info("Subject import {} ({}): {} rows, status {}, added {}, changed {}, ended {}, rejected {}, flagged {}; "
					+ "read+stage {} ms, compare {} ms, report {} ms, apply {} ms", id, kind.code(), run.rows, run.status,
					run.added, run.changed, run.ended, run.rejected, run.flagged, run.readMs, run.compareMs, run.reportMs,
					run.applyMs);
			return new ImportOutcome(id, outcomeStatus(run.status), run.added, run.changed, run.ended, run.rejected,
					run.flagged, List.copyOf(run.problems));
		} catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
			// No message: a database error can quote the values of a row, and those are personal data.
			log.error("Subject import {} ({}) failed: {}", id, kind.code(), e.getClass().getName());
			history.fail(id);
			audit.recordFile(AuditAction.IMPORT, channel, name, "取込ID=" + id + " 種類=" + kind.title() + " 結果=異常終了");
			if (e instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			if (e instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(e);
		} finally {
			if (upload != null) {
				try {
					Files.deleteIfExists(upload);
				} catch (IOException ignored) {
					// the temporary copy of an upload; removed by the OS with its temp directory otherwise
				}
			}
		}
	}

	/** Reads, validates and stages every row. A file that cannot be read on becomes the run's fatal problem. */
	private void read(Run run, ImportStage stage, InputStream in, Path xlsx) {
		if (run.format == Format.XLS) {
			run.fatal(new ImportProblem(1, null, "", "Excel 97-2003 形式（.xls）は取り込めません。.xlsx または CSV で保存してください。",
					Severity.ERROR));
			return;
		}
		try (ImportStage.Copy copy = stage.openCopy()) {
			RowHandler handler = row -> accept(run, copy, row);
			if (run.format == Format.XLSX) {
				XlsxReader.read(xlsx.toFile(), handler);
			} else {
				run.charset = CsvReader.read(in, handler);
			}
			if (run.validator == null && run.fatal == null) {
				run.fatal(new ImportProblem(1, null, "", "ファイルが空です（見出し行がありません）。", Severity.ERROR));
			}
		} catch (HeaderRejected e) {
			// problems already recorded
		} catch (UnreadableFileException e) {
			run.fatal(new ImportProblem(e.row(), null, "", e.getMessage(), Severity.ERROR));
		}
	}

	private void accept(Run run, ImportStage.Copy copy, SourceRow row) {
		if (run.validator == null) {
			if (row.row() != 1) {
				run.fatal(new ImportProblem(1, null, "", "1行目に見出し行がありません。", Severity.ERROR));
				throw new HeaderRejected();
			}
			HeaderCheck.Result header = HeaderCheck.check(run.kind, row);
			if (!header.ok()) {
				header.problems().forEach(run::problem);
				run.fatal = header.problems().get(0);
				throw new HeaderRejected();
			}
			run.validator = new RowValidator(run.kind, rules, header.width(), run.format == Format.CSV);
			return;
		}
		if (row.isBlank()) {
			return;
		}
		run.rows++;
		ValidatedRow v = rowCheck(run, row);
		v.problems().forEach(run::problem);
		if (v.systemValuesIgnored() && run.systemValuesRow == 0) {
			run.systemValuesRow = v.row();
		}
		if (v.addressNumber() != null) {
			run.seen(v.addressNumber(), v.row());
		}
		if (v.valid()) {
			copy.valid(v.row(), v.addressNumber(), v.values().values(), Json.gaiji(v.gaiji(), run.kind.code()),
					TypedColumns.of(run.kind, v.values()));
		} else {
			run.rejected++;
			if (v.addressNumber() != null) {
				copy.rejected(v.row(), v.addressNumber());
			}
		}
	}

	private static ValidatedRow rowCheck(Run run, SourceRow row) {
		return run.validator.validate(row);
	}

	/** Duplicates, stored system values, and the comparison with the subjects. */
	private void compare(Run run, ImportStage stage) {
		stage.prepare();
		List<String> duplicated = new ArrayList<>();
		for (var e : run.addressRows.entrySet()) {
			if (e.getValue() instanceof long[] rows) {
				duplicated.add(e.getKey());
				for (long row : rows) {
					StringBuilder others = new StringBuilder();
					for (long other : rows) {
						if (other != row) {
							others.append(others.length() == 0 ? "" : "、").append(other).append("行目");
						}
					}
					run.problem(new ImportProblem(row, "宛名番号", e.getKey(), "宛名番号がファイル内で重複しています（" + others
							+ "にもあります）。重複する行はどれも取り込みません。", Severity.ERROR));
				}
			}
		}
		run.rejected += stage.rejectDuplicates(duplicated);
		if (run.kind == SubjectFileKind.PROGRESS) {
			if (run.systemValuesRow > 0) {
				run.problem(new ImportProblem(run.systemValuesRow, null, "", "55〜84列（活動4P〜備考）はシステムが管理する項目のため、"
						+ "ファイルの値は取り込まず、システムの値をそのまま残しました（最初に値があった行: " + run.systemValuesRow + "行目）。",
						Severity.NOTICE));
			}
		}
		int[] counts = stage.classify();
		run.added = counts[0];
		run.changed = counts[1];
		run.ended = counts[2];
		run.flagged = counts[3];
		if (run.problemCount > run.problems.size()) {
			run.problems.add(new ImportProblem(1, null, "", "不備が多いため、最初の" + PROBLEM_LIMIT + "件のみ記録しました（全"
					+ run.problemCount + "件）。", Severity.NOTICE));
		}
	}

	private static void drain(InputStream in) {
		try {
			in.transferTo(OutputStream.nullOutputStream());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Format format(String fileName, BufferedInputStream in) throws IOException {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			return Format.XLSX;
		}
		if (lower.endsWith(".xls")) {
			return Format.XLS;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return Format.CSV;
		}
		in.mark(4);
		byte[] magic = new byte[4];
		int n = CsvCharset.readFully(in, magic);
		in.reset();
		return n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4 ? Format.XLSX : Format.CSV;
	}

	private static ImportOutcome.Status outcomeStatus(State state) {
		return switch (state) {
			case APPLIED -> ImportOutcome.Status.APPLIED;
			case DRY_RUN -> ImportOutcome.Status.DRY_RUN;
			default -> ImportOutcome.Status.BLOCKED;
		};
	}


	private enum Format {
		CSV, XLSX, XLS
	}

	/** Stops reading after a wrong header. */
	private static final class HeaderRejected extends RuntimeException {
		HeaderRejected() {
			super(null, null, false, false);
		}
	}

	/** The mutable state of one import. */
	private static final class Run {
		final SubjectFileKind kind;
		final ImportOptions options;
		final List<ImportProblem> problems = new ArrayList<>();
		/** 宛名番号 → first row (Long) or every row (long[]) once duplicated. */
		final Map<String, Object> addressRows = new HashMap<>();
		Format format;
		CsvCharset charset;
		String sha256;
		RowValidator validator;
		ImportProblem fatal;
		State status;
		int rows;
		int rejected;
		int added;
		int changed;
		int ended;
		int flagged;
		int problemCount;
		long systemValuesRow;
		long readMs;
		long compareMs;
		long reportMs;
		long applyMs;

		Run(SubjectFileKind kind, ImportOptions options) {
			this.kind = kind;
			this.options = options;
		}

		void problem(ImportProblem p) {
			problemCount++;
			if (problems.size() < PROBLEM_LIMIT) {
				problems.add(p);
			}
		}

		void fatal(ImportProblem p) {
			fatal = p;
			problem(p);
		}

		void seen(String addressNumber, long row) {
			addressRows.merge(addressNumber, row, (old, now) -> {
				long[] rows = old instanceof long[] a ? java.util.Arrays.copyOf(a, a.length + 1) : new long[] {(Long) old, 0};
				rows[rows.length - 1] = (Long) now;
				return rows;
			});
		}

		String formatLabel() {
			return format == null || format == Format.XLS ? (format == null ? null : "XLS") : format.name();
		}
	}
}
