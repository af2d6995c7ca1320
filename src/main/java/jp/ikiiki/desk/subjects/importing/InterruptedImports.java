package jp.ikiiki.desk.subjects.importing;

import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.cluster.LeadershipGained;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports that a stop of the application interrupted (a crash, {@code kill -9}, a restart or a power cut while a file
 * was being imported) are left {@code RUNNING} in the history. At start-up each is marked {@code FAILED} with the
 * reason as a problem of the import, and audited. Nothing of such an import was applied: its changes were one
 * transaction, which never committed.
 * <p>
 * Several application nodes on one database: a {@code RUNNING} import may be another node's, still going. An import
 * holds its kind's advisory lock (a transaction-level lock, which PostgreSQL releases when the importing session ends,
 * however it ends) for as long as it runs, and takes it before its history row is written. So an import is marked
 * failed only when its kind's lock can be taken here: then nobody is importing that kind, and the row is an orphan.
 * The lock is taken in the transaction that marks the rows, so no import of the kind can start in between.
 * <p>
 * Runs when every bean is ready (Flyway has migrated) but before the web server and the start-up runners: no import of
 * this node can have begun.
 */
@Component
class InterruptedImports implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);
	static final String CHANNEL = "起動時処理";
	static final String REASON = "アプリケーションの停止（異常終了または再起動）により取込が中断されました。"
			+ "何も変更されていません。もう一度取り込んでください。";
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final AuditTrail audit;

	InterruptedImports(JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		markFailed();
	}

	/**
	 * Several nodes: a node that becomes the leader sweeps again, for an import of a node that died while the
	 * others ran (that node's start-up sweep never comes if it stays down).
	 */
	@EventListener(LeadershipGained.class)
	void leaderSweep() {
		markFailed();
	}

	private record Interrupted(long id, SubjectFileKind kind, String fileName) {
	}

	/**
	 * Marks every orphaned {@code RUNNING} import {@code FAILED}, as the system.
	 *
	 * @return how many were marked
	 */
	int markFailed() {
		return CurrentUser.callAsSystem(this::sweep);
	}

	private int sweep() {
		int marked = 0;
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			List<Interrupted> interrupted = transaction.execute(tx -> {
				if (!ImportLocks.tryKind(jdbc, kind)) {
					return List.<Interrupted>of(); // another node is importing this kind now
				}
				List<Interrupted> rows = jdbc.sql("""
						update subject_import set status = :failed, finished_at = now(), problem_count = problem_count + 1
						where kind = :kind and status = :running returning id, file_name""")
						.param("failed", State.FAILED.name()).param("running", State.RUNNING.name())
						.param("kind", kind.code())
						.query((rs, n) -> new Interrupted(rs.getLong(1), kind, rs.getString(2))).list();
				for (Interrupted i : rows) {
					jdbc.sql("""
							insert into subject_import_problem (import_id, seq, row_no, column_name, value, reason, severity)
							select :id, coalesce(max(seq), 0) + 1, 1, null, '', :reason, 'ERROR'
							from subject_import_problem where import_id = :id""")
							.param("id", i.id()).param("reason", REASON).update();
				}
				return rows;
			});
			for (Interrupted i : interrupted) {
				audit.recordFile(AuditAction.IMPORT, CHANNEL, i.fileName(), "取込ID=" + i.id() + " 種類=" + i.kind().title()
						+ " 結果=異常終了（停止により中断、変更なし）");
				log.warn("Subject import {} ({}) was interrupted by a stop of the application; marked FAILED, nothing "
						+ "of it was applied", i.id(), i.kind().code());
			}
			marked += interrupted.size();
		}
		return marked;
	}
}
