package jp.ikiiki.desk.notices;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;

/** Points notice runs (第8章1–4). */
public interface NoticeRuns {

	/**
	 * Starts the notices of a year for a month's half in the background: the verified booklets not yet notified, the
	 * 獲得ポイント通知一覧 and the mailing batches (selected, ready to print). The request is checked and the run
	 * registered before this returns; the work then goes on with the caller's identity, its progress kept on the run
	 * ({@link #run(long)}) and pushed to {@link #subscribe subscribers}. Audited when it ends. A run that fails, or that
	 * a stop of the application interrupts, withdraws the batches it made and is FAILED, to be run again.
	 *
	 * @return the run as registered: RUNNING, phase SELECTING
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field: the year is not open, the month is before
	 *                                                     the year's notices may start (第8章2) or after this month
	 * @throws jp.ikiiki.desk.shared.StateConflictException the same run exists or is running, or another run of the
	 *                                                      year is running
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	NoticeRunSummary start(NoticeRunRequest request, String channel);

	/**
	 * One run with its progress.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown run
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	NoticeRunSummary run(long runId);

	/**
	 * Calls {@code listener} on every change of a run of this node (progress at most five times a second, and its end),
	 * from the run's thread: a UI hands it to its session ({@code ui.access}).
	 *
	 * @return closes the subscription
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Runnable subscribe(Consumer<NoticeRunSummary> listener);

	/** The runs, newest first. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<NoticeRunSummary> runs(int limit);

	/**
	 * A finished run's result.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown run
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	NoticeRunResult result(long runId);

	/**
	 * The run's 獲得ポイント通知一覧 (XLSX) as delivered to the city. Audited as a download.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown or unfinished run
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	byte[] listXlsx(long runId, String channel);

	/** Verified booklets of the open years not yet notified whose notice is late or due within the configured days. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<DueNotice> dueSoon();
}
