package jp.ikiiki.desk.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One notice run as the screen lists it, with its progress while it runs (kept on the run's row, so the same on every
 * node and after a reload).
 *
 * @param status   RUNNING, DONE or FAILED
 * @param phase    where a RUNNING run is; {@link NoticeRunPhase#FINISHED} once DONE or FAILED
 * @param selected people whose booklets (or carried-over year) the run took up
 * @param batched  notices placed in the mailing batches so far (the batches are then printed on the mailing screens)
 * @param toBatch  notices to place in the mailing batches; 0 until known
 * @param listed   rows written to the 獲得ポイント通知一覧 so far
 * @param failure  why a FAILED run failed, for the operator; null otherwise
 */
public record NoticeRunSummary(long id, int businessYear, String month, Half half, String status, LocalDate runOn,
		String createdBy, OffsetDateTime createdAt, int notified, int withAccountForm, int notNotified, int overdue,
		long noticeBatchId, long formBatchId, NoticeRunPhase phase, int selected, int batched, int toBatch, int listed,
		String failure) {

	/** True while the run works. */
	public boolean running() {
		return "RUNNING".equals(status);
	}

	/** Progress 0–1 over the phases and the batched notices; 1 once finished. */
	public double fraction() {
		return switch (phase) {
			case SELECTING -> 0.05;
			case BATCHING -> 0.1 + 0.7 * (toBatch <= 0 ? 0 : Math.min(1.0, (double) batched / toBatch));
			case LISTING -> 0.85;
			case RECORDING -> 0.95;
			case FINISHED -> 1.0;
		};
	}
}
