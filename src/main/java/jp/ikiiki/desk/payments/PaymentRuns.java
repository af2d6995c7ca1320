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

	/**
	 * The bank's 振込不能 result file for a delivered run (CSV in UTF-8 or Windows-31J, or XLSX; columns named by a
	 * header row, documented in docs/operations.md): each row names the payment by 宛名番号 (顧客コード) or by 金融機関
	 * コード, 店舗コード and 口座番号, with the amount (equal to the payment's) and the bank's reason (code or text).
	 * Every row is checked first; any refusal (naming the row, the column and why) and nothing changes. Imported
	 * (not a dry run), each payment is failed and its account faulty as {@link #recordReturns}, and the run is confirmed
	 * by the bank's result (別紙3 col 54 for those paid). Audited.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  the file cannot be read, has no header or no rows
	 * @throws jp.ikiiki.desk.shared.StateConflictException the run is not delivered
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	ReturnImport importReturns(long runId, String fileName, java.io.InputStream content, boolean dryRun);

	/**
	 * A floor manager confirms that the bank carried out the delivered run (no result file, or none to come): every
	 * payment of it not returned is 振込有無 = 1 (別紙3 col 54) with the transfer date. Once per run.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException not delivered, already confirmed, or the transfer date is
	 *                                                      still ahead
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	Run confirm(long runId);

	/** How the run was confirmed (BANK_RESULT, FLOOR_MANAGER), or empty while it is not. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	java.util.Optional<String> confirmation(long runId);

	/**
	 * What an import of the bank's result did, or (dry run) would do.
	 *
	 * @param rows     data rows read
	 * @param marked   payments marked failed (0 for a dry run or a refused file)
	 * @param problems every refusal; not empty: nothing was changed
	 */
	record ReturnImport(boolean dryRun, int rows, int marked, List<ReturnProblem> problems) {

		public ReturnImport {
			problems = List.copyOf(problems);
		}
	}

	/** A row refused: its line in the file (header = 1), the column, the cell as found and why. */
	record ReturnProblem(int row, String column, String value, String reason) {
	}

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
