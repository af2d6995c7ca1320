package jp.ikiiki.desk.subjects.importing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code subject_import} and {@code subject_import_problem}. Most writes run in transactions of their own, so the
 * history of an attempt survives the rollback of the import itself (blocked, dry run, held, failure); an applied
 * import is recorded inside its own transaction, so that "applied" and the applied data commit together. Every
 * change of state is guarded by {@link State#canBecome}: the row changes only if it is in a state that may move on.
 */
@Repository
class ImportHistoryStore {

	private static final String SUMMARY_COLUMNS = "id, kind, file_name, file_sha256, format, charset, rows, status, "
			+ "dry_run, accept_valid, added, changed, ended, rejected, flagged, problem_count, imported_by, started_at, "
			+ "finished_at, report_xlsx is not null as has_report, hold_active, hold_valid, hold_reasons, confirmed_by, "
			+ "confirmed_at";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate ownTransaction;

	ImportHistoryStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records the start of an attempt (RUNNING); returns its id. */
	long start(SubjectFileKind kind, String fileName, ImportOptions options, String user) {
		return ownTransaction.execute(tx -> jdbc.sql("""
				insert into subject_import (kind, file_name, status, dry_run, accept_valid, imported_by)
				values (:kind, :file, 'RUNNING', :dry, :accept, :user) returning id""")
				.param("kind", kind.code())
				.param("file", truncate(fileName, 300))
				.param("dry", options.dryRun())
				.param("accept", options.acceptValid())
				.param("user", truncate(user, 64))
				.query(Long.class).single());
	}

	/** What an attempt came to. */
	record Finish(String sha256, String format, String charset, int rows, State status, int added, int changed,
			int ended, int rejected, int flagged, int problemCount, byte[] report, List<ImportProblem> problems,
			ImportOutcome.Hold hold) {
	}

	/** Records the end of a running attempt, in a transaction of its own. */
	void finish(long id, Finish f) {
		ownTransaction.executeWithoutResult(tx -> write(id, f, null));
	}

	/**
	 * Records the end of an attempt inside the caller's transaction: an applied import, so that its state commits
	 * with its data. {@code confirmedBy} is the floor manager confirming a held import, or null.
	 */
	void finishWithin(long id, Finish f, String confirmedBy) {
		write(id, f, confirmedBy);
	}

	/**
	 * Records a running attempt as HELD, in a transaction of its own: its outcome, the bytes of its file (read from
	 * {@code file}) for the confirmation, and every earlier held import of the kind superseded by it.
	 *
	 * @return the ids of the imports superseded
	 */
	List<Long> hold(long id, SubjectFileKind kind, Finish f, java.io.InputStream file) {
		if (f.status() != State.HELD) {
			throw new IllegalArgumentException("not a hold: " + f.status());
		}
		return ownTransaction.execute(tx -> {
			write(id, f, null);
			storeFile(id, file);
			return supersedeHeld(kind, id);
		});
	}

	/**
	 * A held import checked again (on a confirmation that found a different number of subjects ending): its counts,
	 * report and problems now, still held.
	 */
	void refreshHeld(long id, Finish f) {
		ownTransaction.executeWithoutResult(tx -> {
			int n = jdbc.sql("""
					update subject_import set rows = :rows, added = :added, changed = :changed, ended = :ended,
					  rejected = :rejected, flagged = :flagged, problem_count = :problems, report_xlsx = :report,
					  hold_active = :active, hold_valid = :valid, hold_reasons = :reasons
					where id = :id and status = 'HELD'""")
					.param("rows", f.rows()).param("added", f.added()).param("changed", f.changed())
					.param("ended", f.ended()).param("rejected", f.rejected()).param("flagged", f.flagged())
					.param("problems", f.problemCount()).param("report", f.report())
					.param("active", f.hold() == null ? null : f.hold().active())
					.param("valid", f.hold() == null ? null : f.hold().validRows())
					.param("reasons", reasons(f.hold())).param("id", id).update();
			if (n == 1) {
				replaceProblems(id, f.problems());
			}
		});
	}

	private void write(long id, Finish f, String confirmedBy) {
		int n = jdbc.sql("""
				update subject_import set file_sha256 = :sha, format = :format, charset = :charset, rows = :rows,
				  status = :status, added = :added, changed = :changed, ended = :ended, rejected = :rejected,
				  flagged = :flagged, problem_count = :problems, report_xlsx = :report, finished_at = now(),
				  hold_active = :active, hold_valid = :valid, hold_reasons = :reasons,
				  confirmed_by = :confirmedBy, confirmed_at = case when :confirmed then now() end
				where id = :id and status in (:from)""")
				.param("sha", f.sha256()).param("format", f.format()).param("charset", f.charset())
				.param("rows", f.rows()).param("status", f.status().name()).param("added", f.added())
				.param("changed", f.changed()).param("ended", f.ended()).param("rejected", f.rejected())
				.param("flagged", f.flagged()).param("problems", f.problemCount()).param("report", f.report())
				.param("active", f.hold() == null ? null : f.hold().active())
				.param("valid", f.hold() == null ? null : f.hold().validRows())
				.param("reasons", reasons(f.hold()))
				.param("confirmedBy", confirmedBy == null ? null : truncate(confirmedBy, 64))
				.param("confirmed", confirmedBy != null)
				.param("from", names(State.before(f.status())))
				.param("id", id)
				.update();
		if (n != 1) {
			throw new IllegalStateException("import " + id + " cannot become " + f.status());
		}
		replaceProblems(id, f.problems());
	}

	private void replaceProblems(long id, List<ImportProblem> problems) {
		jdbc.sql("delete from subject_import_problem where import_id = :id").param("id", id).update();
		int batch = 1000;
		for (int from = 0; from < problems.size(); from += batch) {
			List<ImportProblem> chunk = problems.subList(from, Math.min(problems.size(), from + batch));
			int offset = from;
			template.batchUpdate("""
					insert into subject_import_problem (import_id, seq, row_no, column_name, value, reason, severity)
					values (?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
				@Override
				public void setValues(PreparedStatement ps, int i) throws SQLException {
					ImportProblem p = chunk.get(i);
					ps.setLong(1, id);
					ps.setInt(2, offset + i + 1);
					ps.setLong(3, p.row());
					ps.setString(4, p.column() == null ? null : truncate(p.column(), 100));
					ps.setString(5, p.value());
					ps.setString(6, p.reason());
					ps.setString(7, p.severity().name());
				}

				@Override
				public int getBatchSize() {
					return chunk.size();
				}
			});
		}
	}

	/**
	 * Marks a running attempt that ended with an unexpected error or a refused file (nothing was changed: its
	 * transaction rolled back), with the problem that says why, if any.
	 */
	void fail(long id, ImportProblem why) {
		ownTransaction.executeWithoutResult(tx -> {
			int n = jdbc.sql("update subject_import set status = 'FAILED', finished_at = now(),"
					+ " problem_count = :count where id = :id and status in (:from)")
					.param("count", why == null ? 0 : 1).param("from", names(State.before(State.FAILED)))
					.param("id", id).update();
			if (n == 1 && why != null) {
				replaceProblems(id, List.of(why));
			}
		});
	}

	/**
	 * Moves a held import to WITHDRAWN or SUPERSEDED and deletes its stored file; false if it was not held. Joins
	 * the caller's transaction if there is one.
	 */
	boolean endHold(long id, State next) {
		if (!State.HELD.canBecome(next) || next == State.APPLIED) {
			throw new IllegalArgumentException("a hold ends as WITHDRAWN or SUPERSEDED, not " + next);
		}
		int n = jdbc.sql("update subject_import set status = :next, finished_at = now() where id = :id and status = 'HELD'")
				.param("next", next.name()).param("id", id).update();
		deleteFile(id);
		return n == 1;
	}

	/** Every held import of the kind other than {@code except}, superseded by a later file; returns their ids. */
	List<Long> supersedeHeld(SubjectFileKind kind, long except) {
		List<Long> ids = jdbc.sql("select id from subject_import where kind = :kind and status = 'HELD' and id <> :id")
				.param("kind", kind.code()).param("id", except).query(Long.class).list();
		ids.forEach(id -> endHold(id, State.SUPERSEDED));
		return ids;
	}

	/** Stores the bytes of a held file (replacing any), chunk by chunk from the stream. */
	void storeFile(long id, java.io.InputStream in) {
		deleteFile(id);
		byte[] buffer = new byte[1 << 20];
		int seq = 0;
		try {
			int n;
			while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
				byte[] chunk = n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
				jdbc.sql("insert into subject_import_file (import_id, seq, bytes) values (:id, :seq, :bytes)")
						.param("id", id).param("seq", ++seq).param("bytes", chunk).update();
			}
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Writes the stored bytes of a held file to {@code out}, chunk by chunk; false if none are stored. */
	boolean readFile(long id, java.io.OutputStream out) {
		int chunks = jdbc.sql("select count(*) from subject_import_file where import_id = :id").param("id", id)
				.query(Integer.class).single();
		try {
			for (int seq = 1; seq <= chunks; seq++) {
				byte[] bytes = jdbc.sql("select bytes from subject_import_file where import_id = :id and seq = :seq")
						.param("id", id).param("seq", seq).query((rs, r) -> rs.getBytes(1)).single();
				out.write(bytes);
			}
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return chunks > 0;
	}

	/** Deletes the stored bytes of a held file (joins the caller's transaction). */
	void deleteFile(long id) {
		jdbc.sql("delete from subject_import_file where import_id = :id").param("id", id).update();
	}

	List<SubjectImportSummary> list(int offset, int limit, SubjectImportHistory.Order order, boolean descending) {
		String direction = descending ? " desc" : " asc";
		String by = switch (order) {
			case NEWEST_FIRST -> "id" + (descending ? " asc" : " desc");
			case OLDEST_FIRST -> "id" + direction;
			case KIND -> "kind" + direction + ", id desc";
			case FILE_NAME -> "file_name" + direction + ", id desc";
			case STATUS -> "status" + direction + ", id desc";
			case ROWS -> "rows" + direction + ", id desc";
			case ADDED -> "added" + direction + ", id desc";
			case CHANGED -> "changed" + direction + ", id desc";
			case ENDED -> "ended" + direction + ", id desc";
			case REJECTED -> "rejected" + direction + ", id desc";
			case FLAGGED -> "flagged" + direction + ", id desc";
			case IMPORTED_BY -> "imported_by" + direction + ", id desc";
		};
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from subject_import order by " + by + " offset :offset limit :limit")
				.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
				.query(ImportHistoryStore::summary).list();
	}

	int count() {
		return jdbc.sql("select count(*) from subject_import").query(Integer.class).single();
	}

	Optional<SubjectImportSummary> find(long id) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from subject_import where id = :id").param("id", id)
				.query(ImportHistoryStore::summary).optional();
	}

	/** Running and held imports, oldest first. */
	List<SubjectImportSummary> pending() {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from subject_import where status in ('RUNNING', 'HELD') order by id")
				.query(ImportHistoryStore::summary).list();
	}

	/** The newest running import of a kind: who holds the kind's lock, as far as the history knows. */
	Optional<SubjectImportSummary> running(SubjectFileKind kind) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from subject_import where kind = :kind and status = 'RUNNING'"
				+ " order by id desc limit 1").param("kind", kind.code()).query(ImportHistoryStore::summary).optional();
	}

	Optional<byte[]> report(long id) {
		return jdbc.sql("select report_xlsx from subject_import where id = :id and report_xlsx is not null")
				.param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
	}

	List<ImportProblem> problems(long id, int offset, int limit) {
		return jdbc.sql("""
				select row_no, column_name, value, reason, severity from subject_import_problem
				where import_id = :id order by seq offset :offset limit :limit""")
				.param("id", id).param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
				.query((rs, n) -> new ImportProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						ImportProblem.Severity.valueOf(rs.getString(5))))
				.list();
	}

	private static SubjectImportSummary summary(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		String reasons = rs.getString("hold_reasons");
		ImportOutcome.Hold hold = reasons == null ? null : new ImportOutcome.Hold(rs.getInt("ended"),
				rs.getInt("hold_active"), rs.getInt("hold_valid"), List.of(reasons.split("\n")));
		return new SubjectImportSummary(rs.getLong("id"), SubjectFileKind.ofCode(rs.getString("kind")),
				rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("format"), rs.getString("charset"),
				rs.getInt("rows"), State.valueOf(rs.getString("status")), rs.getBoolean("dry_run"),
				rs.getBoolean("accept_valid"), rs.getInt("added"), rs.getInt("changed"), rs.getInt("ended"),
				rs.getInt("rejected"), rs.getInt("flagged"), rs.getInt("problem_count"), rs.getString("imported_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getBoolean("has_report"), hold, rs.getString("confirmed_by"),
				confirmed == null ? null : confirmed.toInstant());
	}

	private static String reasons(ImportOutcome.Hold hold) {
		return hold == null ? null : String.join("\n", hold.reasons());
	}

	private static List<String> names(java.util.Set<State> states) {
		return states.stream().map(State::name).toList();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
