package jp.ikiiki.desk.mailings;

/** Progress of a long mailing step (selection, print files), and its cancellation. */
public interface MailingProgress {

	/** Ignores progress and is never cancelled. */
	MailingProgress NONE = new MailingProgress() {
		@Override
		public void update(long done, long total, String message) {
		}

		@Override
		public boolean cancelled() {
			return false;
		}
	};

	/**
	 * @param done    units done so far
	 * @param total   units in all, or 0 if not yet known
	 * @param message what is being done, for the operator
	 */
	void update(long done, long total, String message);

	/** True once the operator asked to stop; the step stops at its next safe point. */
	boolean cancelled();
}
