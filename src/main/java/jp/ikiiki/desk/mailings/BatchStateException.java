package jp.ikiiki.desk.mailings;

import jp.ikiiki.desk.shared.StateConflictException;

/**
 * An action refused because of where the batch is (HTTP 409): the message names the batch, its status and what the
 * action needs; the API problem carries {@code batchId} and {@code status}.
 */
public class BatchStateException extends StateConflictException {

	private final long batchId;
	private final transient BatchStatus status;

	public BatchStateException(long batchId, BatchStatus status, String message) {
		super(message);
		this.batchId = batchId;
		this.status = status;
		with("batchId", batchId);
		with("status", status.name());
	}

	public long batchId() {
		return batchId;
	}

	/** The status the batch was found in. */
	public BatchStatus status() {
		return status;
	}
}
