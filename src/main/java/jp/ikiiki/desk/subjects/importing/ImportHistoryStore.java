package jp.ikiiki.desk.subjects.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code subject_import} and {@code subject_import_problem}. Writes run in their own transactions, so the
 * history of an attempt survives the rollback of the import itself (blocked, dry run, failure).
 */
@Repository
class ImportHistoryStore {

	private static final String SUMMARY_COLUMNS = "id, kind, file_name, file_sha256, format, charset, rows, status, "
			+ "dry_run, accept_valid, added, changed, ended, rejected, flagged, problem_count, imported_by, started_at, "
			+ "finished_at, report_xlsx is not null as has_report";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate ownTransaction;

	ImportHistoryStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records the start of an attempt; returns its id. */
	long start(SubjectFileKind kind, String fileName, ImportOptions options, String user) {
		Long id = ownTransaction.execute(tx -> jdbc.sql("""
				insert into subject_import (kind, file_name, status, dry_run, accept_valid, imported_by)
				values (:kind, :file, 'RUNNING', :dry, :accept, :user) returning id""")
				.param("kind", kind.code())
				.param("file", truncate(fileName, 300))
				.param("dry", options.dryRun())
				.param("accept", options.acceptValid())
				.param("user", truncate(user, 64))
				.query(Long.class).single());
		return id;
	}

	/** What an attempt came to. */
	record Finish(String sha256, String format, String charset, int rows, SubjectImportSummary.State status, int added,
			int changed, int ended, int rejected, int flagged, int problemCount, byte[] report,
			List<ImportProblem> problems) {
	}

	void finish(long id, Finish f) {
		ownTransaction.executeWithoutResult(tx -> {
			jdbc.sql("""
					update subject_import set file_sha256 = :sha, format = :format, charset = :charset, rows = :rows,
					  status = :status, added = :added, changed = :changed, ended = :ended, rejected = :rejected,
					  flagged = :flagged, problem_count = :problems, report_xlsx = :report, finished_at = now()
					where id = :id""")
					.param("sha", f.sha256()).param("format", f.format()).param("charset", f.charset())
					.param("rows", f.rows()).param("status", f.status().name()).param("added", f.added())
					.param("changed", f.changed()).param("ended", f.ended()).param("rejected", f.rejected())
					.param("flagged", f.flagged()).param("problems", f.problemCount()).param("report", f.report())
					.param("id", id)
					.update();
			List<ImportProblem> problems = f.problems();
			int batch = 1000;
			for (int from = 0; from < problems.size(); from += batch) {
				List<ImportProblem> chunk = problems.subList(from, Math.min(problems.size(), from + batch));
				int offset = from;
				template.batchUpdate("""
						insert into subject_import_problem (import_id, seq, row_no, column_name, value, reason, severity)
						values (?, ?, ?, ?, ?, ?, ?)""", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
					@Override
					public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
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
		});
	}

	/** Marks an attempt that ended with an unexpected error (nothing was changed: its transaction rolled back). */
	void fail(long id) {
		ownTransaction.executeWithoutResult(tx -> jdbc.sql(
				"update subject_import set status = 'FAILED', finished_at = now() where id = :id")
				.param("id", id).update());
	}

	List<SubjectImportSummary> list(int offset, int limit) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from subject_import order by id desc offset :offset limit :limit")
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
		return new SubjectImportSummary(rs.getLong("id"), SubjectFileKind.ofCode(rs.getString("kind")),
				rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("format"), rs.getString("charset"),
				rs.getInt("rows"), SubjectImportSummary.State.valueOf(rs.getString("status")), rs.getBoolean("dry_run"),
				rs.getBoolean("accept_valid"), rs.getInt("added"), rs.getInt("changed"), rs.getInt("ended"),
				rs.getInt("rejected"), rs.getInt("flagged"), rs.getInt("problem_count"), rs.getString("imported_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getBoolean("has_report"));
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
