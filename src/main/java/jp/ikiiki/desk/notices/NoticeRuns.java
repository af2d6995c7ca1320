package jp.ikiiki.desk.notices;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/** Points notice runs (第8章1–4). */
public interface NoticeRuns {

	/**
	 * Runs the notices of a year for a month's half: the verified booklets not yet notified, the 獲得ポイント通知一覧
	 * and the mailing batches (selected, ready to print). Audited.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field: the year is not open, the month is before
	 *                                                     the year's notices may start (第8章2) or after this month
	 * @throws jp.ikiiki.desk.shared.StateConflictException the same run exists or is running, or another run of the
	 *                                                      year is running
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	NoticeRunResult run(NoticeRunRequest request, String channel);

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
