package jp.ikiiki.desk.notices.internal;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notice runs that a stop of the application interrupted (a crash, {@code kill -9}, a restart, a lost node) are left
 * {@code RUNNING}. Each is marked {@code FAILED} with the reason, the mailing batches it had made are withdrawn, and it
 * is audited. Nothing else of it stands: the booklets it took and its result are written in one transaction at its
 * end, which never committed, so the next run takes the same booklets.
 * <p>
 * A {@code RUNNING} run may be another node's, still going: a run holds its liveness lock
 * ({@link NoticeRunService#LOCK_CLASS}) for as long as it works,
 * so a run is closed only when that lock can be taken here (in the transaction that marks it: the run cannot finish in
 * between). Runs at start-up, when every bean is ready but before the web server (no run of this node can have begun),
 * and before a new run of a year is registered, so that a run whose node never came back does not block its year.
 */
@Component
class InterruptedNoticeRuns implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(InterruptedNoticeRuns.class);
	static final String CHANNEL = "起動時処理";
	static final String REASON = "アプリケーションの停止（異常終了または再起動）により通知作成が中断されました。"
			+ "作成途中の発送バッチは取り下げ、手帳は通知済みにしていません。もう一度実行してください";

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Mailings mailings;
	private final AuditTrail audit;

	InterruptedNoticeRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Mailings mailings, AuditTrail audit) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.mailings = mailings;
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		closeOrphans(null);
	}

	private record Orphan(long id, int businessYear, String month, String half, List<Long> batches) {
	}

	/**
	 * Closes the orphaned runs, as the system.
	 *
	 * @param businessYear only this year's runs; null for all
	 * @return how many were closed
	 */
	int closeOrphans(Integer businessYear) {
		return CurrentUser.callAsSystem(() -> sweep(businessYear), Roles.OPERATOR);
	}

	private int sweep(Integer businessYear) {
		List<Long> running = jdbc.sql("select id from notice_run where status = 'RUNNING'"
				+ (businessYear == null ? "" : " and business_year = :year") + " order by id")
				.params(businessYear == null ? java.util.Map.of() : java.util.Map.of("year", businessYear))
				.query(Long.class).list();
		int closed = 0;
		for (long id : running) {
			Orphan orphan = transaction.execute(tx -> {
				boolean free = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:c, :id)")
						.param("c", NoticeRunService.LOCK_CLASS).param("id", Math.toIntExact(id)).query(Boolean.class).single());
				if (!free) {
					return null; // the run works (on this node or another)
				}
				return jdbc.sql("""
						update notice_run set status = 'FAILED', phase = 'FINISHED', finished_at = now(), updated_at = now(),
						failure = :reason where id = :id and status = 'RUNNING'
						returning id, business_year, run_month, half, notice_batch_id, form_batch_id""")
						.param("reason", REASON).param("id", id).query((rs, n) -> {
							List<Long> batches = new ArrayList<>();
							for (String c : List.of("notice_batch_id", "form_batch_id")) {
								long b = rs.getLong(c);
								if (!rs.wasNull()) {
									batches.add(b);
								}
							}
							return new Orphan(rs.getLong("id"), rs.getInt("business_year"), rs.getString("run_month"),
									rs.getString("half"), batches);
						}).optional().orElse(null);
			});
			if (orphan == null) {
				continue;
			}
			for (long b : orphan.batches()) {
				try {
					mailings.cancel(b, "獲得ポイント通知の作成が中断されたため取り下げ", CHANNEL);
				} catch (RuntimeException e) {
					// already withdrawn by the run itself before it stopped, or gone on: the log says which batch
					log.warn("Interrupted notice run {}: batch {} not withdrawn: {}", orphan.id(), b,
							SafeThrowables.describe(e));
				}
			}
			audit.record(AuditAction.EXPORT, CHANNEL, List.of(), "獲得ポイント通知 作成 run=" + orphan.id() + " 年度="
					+ orphan.businessYear() + " " + orphan.month() + " " + orphan.half() + " 結果=異常終了（停止により中断、"
					+ "発送バッチ取下げ " + orphan.batches() + "）");
			log.warn("Notice run {} was interrupted by a stop of the application; marked FAILED, {} batch(es) withdrawn",
					orphan.id(), orphan.batches().size());
			closed++;
		}
		return closed;
	}
}
