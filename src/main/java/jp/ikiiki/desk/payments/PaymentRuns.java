package jp.ikiiki.desk.payments;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Payment runs (第7章1(5)): per business year on a bank business day, everyone with verified credited points not yet
 * paid and a valid account; what is left out and why; what is late or would be late if left for the next run; the
 * 支払データ (CSV, XLSX) and the 全銀 総合振込 file, stored once and downloaded as stored (audited). A delivered run never
 * changes; a correction is a new run. Returns (振込不能) mark payments failed and accounts faulty; a later run pays them
 * once a new account is verified.
 */
public interface PaymentRuns {

	/**
	 * Makes a run and its files.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  year not open, transfer date not a bank business day or past
	 * @throws jp.ikiiki.desk.shared.StateConflictException an undelivered run of the year exists, or the 振込依頼人 is
	 *                                                      not configured
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Run create(int businessYear, LocalDate transferDate);

	/** A stored file of the run, exactly as made. Audited as DOWNLOAD. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	RunFile file(long runId, FileKind kind);

	/** Marks the run delivered to the bank and the city; from then on nothing about it changes. */
	@PreAuthorize("hasRole('OPERATOR')")
	Run deliver(long runId);

	/** Cancels an undelivered run (its payments are not made). */
	@PreAuthorize("hasRole('OPERATOR')")
	Run cancel(long runId);

	/**
	 * The bank's 振込不能 list for a delivered run: each payment failed, the account faulty (with the reason).
	 *
	 * @return the number of payments marked
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	int recordReturns(long runId, List<ReturnItem> items);

	/** The run. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Run run(long runId);

	/** The latest runs of every year, newest first, at most {@code limit}. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<RunSummary> runs(int limit);

	/** The person's payments, newest first (audited as VIEW). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT')")
	List<PaymentLine> history(String addressNumber);

	/** The files of a run. */
	enum FileKind {
		TRANSFER, DATA_XLSX, DATA_CSV
	}

	/**
	 * A run with what it pays and leaves out.
	 *
	 * @param excluded who was left out and why
	 * @param late     payments made after their deadline, and those left out that would be late after the next run
	 */
	record Run(long id, int businessYear, LocalDate transferDate, String state, int count, long totalYen,
			List<Exclusion> excluded, List<Late> late) {
	}

	/** Left out: reason NO_ACCOUNT, FAULTY_ACCOUNT, ALREADY_PAID or AMOUNT_ZERO, with what is still due. */
	record Exclusion(String addressNumber, String reason, long amountYen) {
	}

	/** LATE (paid after the deadline) or AT_RISK (left out; late if left for the next run). */
	record Late(String addressNumber, String kind, LocalDate deadline) {
	}

	/** A run in a list: its totals and how many were left out or are late. */
	record RunSummary(long id, int businessYear, LocalDate transferDate, String state, int count, long totalYen,
			int excluded, int late) {
	}

	/** A file as stored. */
	record RunFile(String fileName, String contentType, byte[] content) {
	}

	/** One line of the bank's 振込不能 list. */
	record ReturnItem(String addressNumber, String reason) {
	}

	/** One payment of a person. */
	record PaymentLine(long runId, int businessYear, LocalDate transferDate, long amountYen, String state,
			String runState, String failedReason) {
	}
}
