package jp.ikiiki.desk.mailings.internal;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.MailingJobs;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operators' mailing work (第4章): steps running now, print runs that stopped part way, batches waiting for the
 * city's decision on characters (第3章1), and batches printed but not yet handed to the post office. One count query
 * and the running jobs of every node (their records); nothing for other roles.
 */
@Component
class MailingWorkItems implements WorkItems {

	static final String ROUTE = "mailings";

	private final JdbcClient jdbc;
	private final MailingJobs jobs;

	MailingWorkItems(JdbcClient jdbc, MailingJobs jobs) {
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	/** The counts of batches in each kind of unfinished state. */
	record Counts(long interrupted, long undecided, long printed, String oldestPrinted) {
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (!CurrentUser.hasRole("OPERATOR")) {
			return List.of();
		}
		Counts c = counts();
		List<WorkItem> items = new ArrayList<>(4);
		long running = jobs.running().size();
		if (running > 0) {
			items.add(new WorkItem("実行中の郵送処理", running, ROUTE, Urgency.NORMAL,
					"抽出・印刷ファイル作成が実行中です"));
		}
		if (c.undecided() > 0) {
			items.add(new WorkItem("外字判断待ちの郵送バッチ", c.undecided(), ROUTE, Urgency.ATTENTION,
					"市の判断（外字・カナ表記）を記録すると印刷ファイルを作成できます"));
		}
		items.add(new WorkItem("中断した印刷ファイル作成", c.interrupted(), ROUTE,
				c.interrupted() > 0 ? Urgency.ATTENTION : Urgency.NORMAL,
				c.interrupted() > 0 ? "残りの束から「印刷ファイル作成（再開）」で続けられます" : null));
		items.add(new WorkItem("印刷済・未発送の郵送バッチ", c.printed(), ROUTE, Urgency.NORMAL,
				c.oldestPrinted() == null ? null : "最も古いもの: " + c.oldestPrinted() + " に印刷ファイル作成"));
		return items;
	}

	Counts counts() {
		return jdbc.sql("""
				select
				  count(*) filter (where b.status = :selected and w.written > 0 and w.written < w.bundles
				                   and b.print_undecided = 0) as interrupted,
				  count(*) filter (where b.status in (:selected, :printed) and b.print_undecided > 0) as undecided,
				  count(*) filter (where b.status = :printed) as printed,
				  min(b.printed_at) filter (where b.status = :printed) as oldest_printed
				from mailing_batch b
				left join lateral (
				  select count(*) as bundles, count(u.written_at) as written from mailing_bundle u where u.batch_id = b.id
				) w on true
				where b.status in (:selected, :printed)""")
				.param("selected", BatchStatus.SELECTED.name()).param("printed", BatchStatus.PRINTED.name())
				.query((rs, n) -> {
					var oldest = rs.getObject(4, java.time.OffsetDateTime.class);
					return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
							oldest == null ? null : JapaneseDates.toWesternDateTime(oldest.toInstant()));
				}).single();
	}
}
