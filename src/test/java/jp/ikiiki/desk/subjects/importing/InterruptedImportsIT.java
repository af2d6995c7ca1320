package jp.ikiiki.desk.subjects.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "op", roles = "OPERATOR")
class InterruptedImportsIT {

	@Autowired InterruptedImports interrupted;
	@Autowired SubjectImportHistory history;
	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;

	@BeforeEach
	void noImportRunning() {
		// Earlier tests in this context may have left none; a test here must find only its own rows RUNNING.
		jdbc.sql("update subject_import set status = 'FAILED' where status = 'RUNNING'").update();
	}

	private long running(SubjectFileKind kind, String fileName) {
		return jdbc.sql("""
				insert into subject_import (kind, file_name, status, dry_run, accept_valid, imported_by)
				values (:kind, :file, 'RUNNING', false, false, 'interrupted-op') returning id""")
				.param("kind", kind.code()).param("file", fileName).query(Long.class).single();
	}

	@Test
	void an_import_left_running_by_a_stop_is_marked_failed_with_the_reason_and_audited() {
		long id = running(SubjectFileKind.PROGRESS, "interrupted-progress.csv");

		assertThat(interrupted.markFailed()).isEqualTo(1);

		var summary = history.find(id).orElseThrow();
		assertThat(summary.status()).isEqualTo(State.FAILED);
		assertThat(summary.finishedAt()).isNotNull();
		assertThat(summary.problemCount()).isEqualTo(1);
		List<ImportProblem> problems = history.problems(id, 0, 10);
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.reason()).isEqualTo(InterruptedImports.REASON).contains("中断");
			assertThat(p.severity()).isEqualTo(ImportProblem.Severity.ERROR);
		});
		Map<String, Object> entry = jdbc.sql("""
				select username, channel, detail from audit_event where action = 'IMPORT' and file_name = :file
				order by id desc limit 1""").param("file", "interrupted-progress.csv").query().singleRow();
		assertThat(entry.get("username")).isEqualTo("system");
		assertThat(entry.get("channel")).isEqualTo(InterruptedImports.CHANNEL);
		assertThat((String) entry.get("detail")).contains("取込ID=" + id).contains("異常終了");

		// once only
		assertThat(interrupted.markFailed()).isZero();
		assertThat(history.problems(id, 0, 10)).hasSize(1);
	}

	@Test
	void an_import_another_node_is_running_is_left_alone() throws Exception {
		long theirs = running(SubjectFileKind.INDEX, "other-node-index.csv");
		long orphan = running(SubjectFileKind.PROGRESS, "orphan-progress.csv");
		// Another node importing an index file holds the kind's lock in its import transaction.
		try (Connection otherNode = dataSource.getConnection()) {
			otherNode.setAutoCommit(false);
			try (PreparedStatement lock = otherNode.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
				lock.setInt(1, ImportLocks.LOCK_CLASS);
				lock.setInt(2, SubjectFileKind.INDEX.ordinal() + 1);
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					assertThat(rs.getBoolean(1)).isTrue();
				}
			}

			assertThat(interrupted.markFailed()).isEqualTo(1);
			assertThat(history.find(theirs).orElseThrow().status()).isEqualTo(State.RUNNING);
			assertThat(history.find(orphan).orElseThrow().status()).isEqualTo(State.FAILED);
			otherNode.rollback();
		}
		// That node died without finishing: now its import is an orphan too.
		assertThat(interrupted.markFailed()).isEqualTo(1);
		assertThat(history.find(theirs).orElseThrow().status()).isEqualTo(State.FAILED);
	}
}
