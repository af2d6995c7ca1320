package jp.ikiiki.desk.notices.internal;

import java.util.function.LongConsumer;
import jp.ikiiki.desk.notices.NoticeRunPhase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running notice run's progress, kept on its row (so the same on every node and after a reload of the screen) and
 * announced to the screens: a change of phase at once, counts at most five times a second. Each write is its own short
 * statement outside the run's transactions.
 */
final class RunProgress {

	private static final long INTERVAL_NANOS = 200_000_000L;

	private final JdbcClient jdbc;
	private final long runId;
	private final LongConsumer announce;
	private NoticeRunPhase phase = NoticeRunPhase.SELECTING;
	private int selected;
	private int batched;
	private int toBatch;
	private int listed;
	private long lastWrite = System.nanoTime();

	/**
	 * @param announce called with the run's id after each write (the service pushes the row to its subscribers)
	 */
	RunProgress(JdbcClient jdbc, long runId, LongConsumer announce) {
		this.jdbc = jdbc;
		this.runId = runId;
		this.announce = announce;
	}

	long runId() {
		return runId;
	}

	/** The selection is read: so many people taken up, so many notices to place in the batches. */
	void selected(int people, int notices) {
		selected = people;
		toBatch = notices;
		phase(NoticeRunPhase.BATCHING);
	}

	/** Notices placed in the batches so far (over both batches). */
	void batched(int notices) {
		batched = Math.min(notices, toBatch);
		throttled();
	}

	void phase(NoticeRunPhase next) {
		phase = next;
		write();
	}

	/** One more row written to the 獲得ポイント通知一覧. */
	void listedOne() {
		listed++;
		throttled();
	}

	int batched() {
		return batched;
	}

	int listed() {
		return listed;
	}

	/** A mailing batch made: kept on the run at once, so that an interrupted run's batches can be withdrawn. */
	void batchMade(boolean withForm, long batchId) {
		jdbc.sql("update notice_run set " + (withForm ? "form_batch_id" : "notice_batch_id") + " = :b where id = :id")
				.param("b", batchId).param("id", runId).update();
	}

	private void throttled() {
		if (System.nanoTime() - lastWrite >= INTERVAL_NANOS) {
			write();
		}
	}

	private void write() {
		lastWrite = System.nanoTime();
		jdbc.sql("""
				update notice_run set phase = :phase, selected = :selected, batched = :batched, to_batch = :toBatch,
				listed = :listed, updated_at = now() where id = :id and status = 'RUNNING'""")
				.param("phase", phase.name()).param("selected", selected).param("batched", batched)
				.param("toBatch", toBatch).param("listed", listed).param("id", runId).update();
		announce.accept(runId);
	}
}
