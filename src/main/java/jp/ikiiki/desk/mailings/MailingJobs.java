package jp.ikiiki.desk.mailings;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Runs the long steps of a batch (selection, print files) in the background with the operator's identity, one at
 * a time per batch across every node (a second start, here or on another node, is refused naming where it runs),
 * reporting progress to listeners (the screen's progress bar, over push) and stopping at the next
 * safe point when cancelled. A cancelled print run is restarted with {@link #start}: written bundles are skipped.
 */
public interface MailingJobs {

	/** The long steps. */
	enum Step {
		SELECT("抽出"), PRINT("印刷ファイル作成");

		private final String label;

		Step(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Where a job is. */
	enum State {
		RUNNING, DONE, CANCELLED, UNDECIDED, FAILED
	}

	/**
	 * A job's progress.
	 *
	 * @param batchId batch
	 * @param step    what runs
	 * @param state   where it is
	 * @param done    units done (subjects checked, bundles written)
	 * @param total   units in all; 0 if not known
	 * @param message for the operator (the failure's message when FAILED)
	 * @param print   the print run's outcome when a PRINT job ended; null otherwise
	 */
	record Status(long batchId, Step step, State state, long done, long total, String message, PrintRun print) {

		/** Progress 0–1, or -1 if the total is unknown. */
		public double fraction() {
			return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
		}
	}

	/**
	 * Starts a step in the background.
	 *
	 * @throws BatchStateException if the batch's status does not allow the step
	 * @throws jp.ikiiki.desk.shared.StateConflictException if a job already runs for this batch (on any node), or,
	 *         for a print run, if the print files' directory is not shared with the other nodes
	 * @throws jp.ikiiki.desk.shared.NotFoundException if there is no such batch
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Status start(long batchId, Step step, String channel);

	/** Asks the batch's running job to stop; no effect if none runs. */
	@PreAuthorize("hasRole('OPERATOR')")
	void cancel(long batchId);

	/** The jobs running now on any node, by batch. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	java.util.List<Status> running();

	/**
	 * The running or last job of the batch, on this node or another (a job of another node has no print outcome);
	 * a job left running by a node that died is reported failed.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Optional<Status> status(long batchId);

	/**
	 * Calls {@code listener} on every change of the batch's job (from the job's thread; a UI must hand it to its
	 * session, e.g. {@code ui.access}).
	 *
	 * @return closes the subscription
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Runnable subscribe(long batchId, Consumer<Status> listener);
}
