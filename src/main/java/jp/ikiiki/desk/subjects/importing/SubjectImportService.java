package jp.ikiiki.desk.subjects.importing;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.ImportProblem.Severity;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.SubjectsProperties.ImportSettings;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a city file in one transaction: take the kind's lock (a second import of the kind is refused), read and
 * validate every row while streaming the valid ones into a staging table (COPY) — refusing a file beyond a limit
 * the moment it is passed —, compare with the stored subjects in SQL, ask the mass-ending guard, write the
 * システム更新結果報告書, then apply — or roll back when rows were rejected without {@code acceptValid}, for a dry
 * run, a held file, or when the file cannot be read. The outcome is recorded in the history before the lock is let
 * go: an applied import in its own transaction, everything else in one of its own (a held file with its bytes, for
 * the floor manager's confirmation).
 */
@Service
@PreAuthorize("hasRole('OPERATOR')")
class SubjectImportService implements SubjectImports {

	private static final Logger log = LoggerFactory.getLogger(SubjectImportService.class);

	private final DataSource dataSource;
	private final JdbcTemplate streaming;
	private final TransactionTemplate importTransaction;
	private final ImportHistoryStore history;
	private final AuditTrail audit;
	private final FieldRules rules;
	private final ImportSettings settings;
	private final ImportGuard guard;

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
		this.settings = properties.importing();
		this.guard = new ImportGuard(settings.guard());
	}

	/** One attempt: a new import, or the confirmation of a held one ({@code heldId} and {@code confirmEnded} set). */
	private record Attempt(SubjectFileKind kind, String fileName, ImportOptions options, String user, String channel,
			long heldId, int confirmEnded, String heldSha256) {

		boolean confirming() {
			return heldId > 0;
		}
	}

	@Override
	public ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options) {
		return importFile(kind, fileName, content, options, "画面:対象者データ取込");
	}

	@Override
	public ImportOutcome importFile(SubjectFileKind kind, String fileName, InputStream content, ImportOptions options,
			String channel) {
		String name = fileName == null || fileName.isBlank() ? "(無名)" : fileName.strip();
		var attempt = new Attempt(kind, name, options == null ? ImportOptions.APPLY : options, CurrentUser.name(),
				channel, 0, 0, null);
		return execute(attempt, content);
	}

	@Override
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	public ImportOutcome confirm(long importId, int confirmEnded, String channel) {
		SubjectImportSummary held = history.find(importId)
				.orElseThrow(() -> new NotFoundException("取込ID " + importId + " の取込はありません"));
		if (held.status() != State.HELD) {
			throw new StateConflictException("取込ID " + importId + " は確認待ちではありません（" + held.status().label() + "）")
					.with("status", held.status().name());
		}
		if (confirmEnded != held.ended()) {
			audit.recordFile(AuditAction.IMPORT, channel, held.fileName(), "取込ID=" + importId + " 種類=" + held.kind().title()
					+ " 結果=確認拒否（人数不一致: 確認" + confirmEnded + "人、終了" + held.ended() + "人）");
			throw new InvalidInputException("confirmEnded", "終了になる人数は " + String.format("%,d", held.ended())
					+ "人です。確認の人数（" + String.format("%,d", confirmEnded) + "人）が一致しないため、取り込みませんでした。")
					.with("ended", held.ended());
		}
		Path file = null;
		try {
			file = Files.createTempFile("ikiiki-held", ".bin");
			try (OutputStream out = Files.newOutputStream(file)) {
				if (!history.readFile(importId, out)) {
					throw new IllegalStateException("held import " + importId + " has no stored file");
				}
			}
			var attempt = new Attempt(held.kind(), held.fileName(), new ImportOptions(false, held.acceptValid()),
					CurrentUser.person(), channel, importId, confirmEnded, held.fileSha256());
			try (InputStream in = Files.newInputStream(file)) {
				return execute(attempt, in);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			deleteQuietly(file);
		}
	}

	@Override
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	public void withdraw(long importId, String channel) {
		SubjectImportSummary held = history.find(importId)
				.orElseThrow(() -> new NotFoundException("取込ID " + importId + " の取込はありません"));
		// Under the kind's lock, so that a withdrawal never pulls the file from under a confirmation in progress.
		boolean withdrawn = importTransaction.execute(tx -> {
			if (!ImportLocks.tryKind(streaming, held.kind())) {
				throw busy(held.kind());
			}
			return history.endHold(importId, State.WITHDRAWN);
		});
		if (!withdrawn) {
			State now = history.find(importId).map(SubjectImportSummary::status).orElse(held.status());
			throw new StateConflictException("取込ID " + importId + " は確認待ちではないため、取り下げられません（"
					+ now.label() + "）").with("status", now.name());
		}
		audit.recordFile(AuditAction.IMPORT, channel, held.fileName(), "取込ID=" + importId + " 種類=" + held.kind().title()
				+ " 結果=取り下げ（確認待ちの取込を取り下げ、保管したファイルを削除）");
	}

	/** What the transaction hands back: the outcome and the run behind it. */
	private record Done(long id, ImportRun run, ImportOutcome outcome) {
	}

	private ImportOutcome execute(Attempt a, InputStream content) {
		long[] id = {a.heldId()};
		Path spool = null;
		try {
			spool = Files.createTempFile("ikiiki-import", ".upload");
			Path spoolFile = spool;
			Done done = importTransaction.execute(tx -> {
				if (!ImportLocks.tryKind(streaming, a.kind())) {
					throw busy(a.kind());
				}
				if (a.confirming()) {
					// Checked again under the lock: another confirmation, a withdrawal or a later file may have come first.
					State now = history.find(a.heldId()).map(SubjectImportSummary::status).orElse(State.FAILED);
					if (now != State.HELD) {
						throw new StateConflictException("取込ID " + a.heldId() + " は確認待ちではなくなりました（" + now.label() + "）")
								.with("status", now.name());
					}
				} else {
					id[0] = history.start(a.kind(), a.fileName(), a.options(), a.user());
				}
				return run(a, id[0], content, spoolFile, tx);
			});
			ImportRun run = done.run();
			ImportOutcome outcome = done.outcome();
			audit.recordFile(AuditAction.IMPORT, a.channel(), a.fileName(), auditDetail(a, done));
			log.info("Subject import {} ({}): {} rows, status {}, added {}, changed {}, ended {} of {} active, rejected {},"
					+ " flagged {}{}", done.id(), a.kind().code(), run.rows, outcome.status(), outcome.added(),
					outcome.changed(), outcome.ended(), run.counts.active(), outcome.rejected(), outcome.flagged(),
					a.confirming() ? " (confirmation)" : "");
			return outcome;
		} catch (LimitExceededException e) {
			var problem = new ImportProblem(Math.max(1, e.row()), null, "", e.getMessage(), Severity.ERROR);
			if (!a.confirming() && id[0] > 0) {
				history.fail(id[0], problem);
			}
			audit.recordFile(AuditAction.IMPORT, a.channel(), a.fileName(), "取込ID=" + id[0] + " 種類=" + a.kind().title()
					+ " 結果=異常終了（上限超過 " + e.limit() + "、" + e.row() + "行目）");
			log.warn("Subject import {} ({}) refused: limit {} passed at row {}", id[0], a.kind().code(), e.limit(), e.row());
			throw new InvalidInputException("file", e.getMessage()).with("row", e.row())
					.with("limit", "ikiiki.subjects.import." + e.limit()).with("importId", id[0]);
		} catch (DomainException e) {
			if (!a.confirming() && id[0] > 0) {
				history.fail(id[0], null);
			}
			audit.recordFile(AuditAction.IMPORT, a.channel(), a.fileName(), "取込ID=" + id[0] + " 種類=" + a.kind().title()
					+ " 結果=拒否（" + e.reason() + "）");
			throw e;
		} catch (IOException | RuntimeException e) {
			// No message: a database error can quote the values of a row, and those are personal data.
			log.error("Subject import {} ({}) failed: {}", id[0], a.kind().code(), SafeThrowables.describe(e));
			if (!a.confirming() && id[0] > 0) {
				history.fail(id[0], null);
			}
			audit.recordFile(AuditAction.IMPORT, a.channel(), a.fileName(), "取込ID=" + id[0] + " 種類=" + a.kind().title()
					+ " 結果=異常終了");
			if (e instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw (RuntimeException) e;
		} finally {
			deleteQuietly(spool);
		}
	}

	/** The work inside the import transaction, with the kind's lock held. */
	private Done run(Attempt a, long id, InputStream content, Path spool, TransactionStatus tx) {
		ImportRun run = new ImportRun(a.kind(), a.options(), rules, settings.maxRows());
		MessageDigest sha = sha256();
		long maxBytes = settings.maxFileSize().toBytes();
		var bounded = new BoundedInputStream(content, maxBytes, n -> new LimitExceededException(0, "max-file-size",
				"ファイルが大きすぎます（" + settings.maxFileSize().toMegabytes() + " MB まで）。取込は中止しました。"));
		ImportStage stage = new ImportStage(streaming, dataSource, a.kind());
		try (OutputStream copyOfUpload = Files.newOutputStream(spool)) {
			// The bytes are read once: hashed, and kept in a temporary file (XLSX is opened from a file; a held file
			// is stored from it).
			var in = new BufferedInputStream(new DigestInputStream(new TeeInputStream(bounded, copyOfUpload), sha), 1 << 16);
			run.format = FileFormat.detect(a.fileName(), in);
			stage.create();
			read(run, stage, in, spool, copyOfUpload);
			in.transferTo(OutputStream.nullOutputStream());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		run.sha256 = HexFormat.of().formatHex(sha.digest());
		if (a.confirming() && !run.sha256.equals(a.heldSha256())) {
			throw new IllegalStateException("the stored file of held import " + id + " differs from the file checked");
		}
		if (run.fatal == null && run.rows == 0) {
			run.fatal(new ImportProblem(1, null, "", "データ行がありません（見出し行のみ）。全員が終了扱いになるのを防ぐため、取込を中止しました。",
					Severity.ERROR));
		}
		ImportOutcome.Hold hold = null;
		if (run.fatal == null) {
			ImportLocks.awaitApply(streaming);
			compare(run, stage);
			if (run.validRows() <= 0) {
				run.fatal(new ImportProblem(1, null, "", "取り込める行がありません（全" + run.rows + "行が不備）。"
						+ "有効な行のないファイルは、指定にかかわらず取り込みません。", Severity.ERROR));
			} else {
				hold = guard.check(a.kind(), run.counts.ended(), run.counts.active(), run.validRows());
			}
		}
		ImportOutcome.Status status = run.status(hold);
		SubjectImportSummary row = history.find(id).orElseThrow();
		run.problems.sort(Comparator.comparingLong(ImportProblem::row));
		if (a.confirming()) {
			status = confirmed(a, row, run, stage, status, hold);
		}
		State state = State.of(status);
		String confirmedBy = a.confirming() ? a.user() : null;
		var finish = finish(row, run, stage, state, hold, confirmedBy);
		if (state == State.APPLIED) {
			stage.apply(id);
			history.finishWithin(id, finish, confirmedBy);
			history.deleteFile(id);
			history.supersedeHeld(a.kind(), id);
		} else {
			tx.setRollbackOnly();
			if (state == State.HELD) {
				try (InputStream file = Files.newInputStream(spool)) {
					history.hold(id, a.kind(), finish, file);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			} else {
				history.finish(id, finish);
			}
		}
		return new Done(id, run, new ImportOutcome(id, status, hold, run.detectedKind, run.counts.added(),
				run.counts.changed(), run.counts.ended(), run.rejected, run.counts.flagged(), List.copyOf(run.problems)));
	}

	/** The history's record of a run (with its システム更新結果報告書). */
	private ImportHistoryStore.Finish finish(SubjectImportSummary row, ImportRun run, ImportStage stage, State state,
			ImportOutcome.Hold hold, String confirmedBy) {
		byte[] report = UpdateReport.write(new UpdateReport.Summary(row.id(), row.kind(), row.fileName(),
				run.formatLabel(), run.charsetLabel(), run.sha256, row.importedBy(), row.startedAt(), state,
				run.options.dryRun(), run.options.acceptValid(), run.rows, run.counts.added(), run.counts.changed(),
				run.counts.ended(), run.rejected, run.counts.flagged(), run.problemCount, hold, confirmedBy,
				confirmedBy == null ? null : Instant.now()), run.fatal == null ? stage : null, run.problems);
		return new ImportHistoryStore.Finish(run.sha256, run.formatLabel(), run.charsetLabel(), run.rows, state,
				run.counts.added(), run.counts.changed(), run.counts.ended(), run.rejected, run.counts.flagged(),
				run.problemCount, report, List.copyOf(run.problems), hold);
	}

	/**
	 * A confirmation applies the file only if it still ends exactly the number confirmed. Otherwise the hold is
	 * brought up to date (its new number, counts, report and problems) and the confirmation is refused.
	 */
	private ImportOutcome.Status confirmed(Attempt a, SubjectImportSummary row, ImportRun run, ImportStage stage,
			ImportOutcome.Status status, ImportOutcome.Hold hold) {
		if (status == ImportOutcome.Status.BLOCKED || status == ImportOutcome.Status.WRONG_KIND) {
			String why = run.fatal != null ? run.fatal.reason() : "不備のある行があります";
			throw new StateConflictException("確認のため取込をやり直したところ、取り込めませんでした（" + why + "）。取込は確認待ちのままです。");
		}
		if (run.counts.ended() != a.confirmEnded()) {
			ImportOutcome.Hold now = hold != null ? hold : new ImportOutcome.Hold(run.counts.ended(), run.counts.active(),
					run.validRows(), List.of("確認の時点で終了になる人数が変わりました。"));
			history.refreshHeld(row.id(), finish(row, run, stage, State.HELD, now, null));
			throw new StateConflictException("確認の間に対象者が変わり、終了になる人数が " + String.format("%,d", a.confirmEnded())
					+ "人から " + String.format("%,d", run.counts.ended()) + "人になりました。取り込んでいません。新しい人数で確認し直してください。")
					.with("ended", run.counts.ended());
		}
		return ImportOutcome.Status.APPLIED;
	}

	/** Reads, validates and stages every row. A file that cannot be read on becomes the run's fatal problem. */
	private void read(ImportRun run, ImportStage stage, InputStream in, Path spool, OutputStream spoolOut)
			throws IOException {
		if (run.format == FileFormat.XLS) {
			run.fatal(new ImportProblem(1, null, "", "Excel 97-2003 形式（.xls）は取り込めません。.xlsx または CSV で保存してください。",
					Severity.ERROR));
			return;
		}
		try (StageCopy copy = stage.openCopy()) {
			RowHandler handler = row -> run.accept(copy, row);
			if (run.format == FileFormat.XLSX) {
				// POI opens a package from a file without inflating it into memory; from a stream it would not.
				in.transferTo(OutputStream.nullOutputStream());
				spoolOut.flush();
				XlsxReader.read(spool.toFile(), new XlsxReader.Limits(ReadLimits.of(settings),
						settings.maxXlsxPartSize().toBytes(), settings.maxSharedStringsSize().toBytes()), handler);
			} else {
				run.charset = CsvReader.read(in, ReadLimits.of(settings), handler);
			}
			if (!run.headerRead() && run.fatal == null) {
				run.fatal(new ImportProblem(1, null, "", "ファイルが空です（見出し行がありません）。", Severity.ERROR));
			}
		} catch (ImportRun.HeaderRejected e) {
			// problems already recorded
		} catch (UnreadableFileException e) {
			run.fatal(new ImportProblem(e.row(), null, "", e.getMessage(), Severity.ERROR));
		}
	}

	/** Duplicates, stored system values, and the comparison with the subjects. */
	private void compare(ImportRun run, ImportStage stage) {
		stage.prepare();
		run.rejected += stage.rejectDuplicates(run.duplicates());
		run.noticeSystemValues();
		run.counts = stage.classify();
		run.noticeCappedProblems();
	}

	/** The refusal of a second import of a kind, naming who is importing what since when. */
	private StateConflictException busy(SubjectFileKind kind) {
		var running = history.running(kind);
		if (running.isEmpty()) {
			return new StateConflictException(kind.title() + "の取込（または確認待ちの取込の確定）が実行中です。終わってからもう一度実行してください。");
		}
		SubjectImportSummary r = running.get();
		var refusal = new StateConflictException(kind.title() + "の取込が実行中です（" + r.importedBy() + " さんが "
				+ JapaneseDates.toWesternDateTime(r.startedAt()) + " から「" + r.fileName() + "」を取込中、取込ID " + r.id()
				+ "）。終わってからもう一度実行してください。");
		refusal.with("importId", r.id()).with("importedBy", r.importedBy()).with("fileName", r.fileName())
				.with("startedAt", r.startedAt().toString());
		return refusal;
	}

	private static String auditDetail(Attempt a, Done done) {
		ImportOutcome o = done.outcome();
		String result = State.of(o.status()).label() + (o.hold() != null && o.status() == ImportOutcome.Status.DRY_RUN
				? "・本取込では確認待ち" : "");
		return "取込ID=" + done.id() + " 種類=" + a.kind().title() + " 結果=" + result + " 行数=" + done.run().rows + " 追加="
				+ o.added() + " 変更=" + o.changed() + " 終了=" + o.ended() + " 不備=" + o.rejected() + " 外字確認=" + o.flagged()
				+ (o.hold() != null ? " 有効対象者=" + o.hold().active() : "")
				+ (a.confirming() ? " 大量終了の確認=" + a.user() + "（確認人数" + a.confirmEnded() + "）" : "");
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			} catch (IOException ignored) {
				// a temporary copy of an upload; removed by the OS with its temp directory otherwise
			}
		}
	}
}
