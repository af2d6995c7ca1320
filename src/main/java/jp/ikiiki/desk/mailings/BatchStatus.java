package jp.ikiiki.desk.mailings;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a mailing batch is (第4章). A batch moves {@link #NEW} → {@link #SELECTED} → {@link #PRINTED} →
 * {@link #DISPATCHED}; a selection may be repeated while no print file is written, a print run may be repeated (it
 * writes only what is missing), and a batch not yet handed to the post office may be withdrawn ({@link #CANCELLED}).
 * Every change of status is checked here ({@link #check}); the batch store writes the new status with the old one in
 * its condition, so of two operators acting on the same batch at once only one succeeds.
 */
public enum BatchStatus {
	/** Created; nobody selected yet. */
	NEW("作成済"),
	/** Envelopes selected, sorted and bundled; print files being written (some bundles may be written). */
	SELECTED("抽出済"),
	/** Every bundle's print file is in place; waiting to be handed to the post office. */
	PRINTED("印刷ファイル作成済"),
	/** Handed to the post office: the subjects' 発送日 is recorded. Final. */
	DISPATCHED("発送済"),
	/** Withdrawn before dispatch: nothing of it is sent, its envelopes no longer hold their subjects. Final. */
	CANCELLED("取消");

	/** What an operator does to a batch, with the statuses it may start from and the status it leads to. */
	public enum Action {
		/** Select (again): only while no print file is written (checked by the selection). */
		SELECT("抽出", EnumSet.of(NEW, SELECTED), SELECTED),
		/** Write the print files that are missing; the batch is PRINTED once every bundle is written. */
		PRINT("印刷ファイル作成", EnumSet.of(SELECTED, PRINTED), PRINTED),
		/** Hand over to the post office. */
		DISPATCH("発送", EnumSet.of(PRINTED), DISPATCHED),
		/** Withdraw. */
		CANCEL("取消", EnumSet.of(NEW, SELECTED, PRINTED), CANCELLED);

		private final String label;
		private final Set<BatchStatus> from;
		private final BatchStatus to;

		Action(String label, Set<BatchStatus> from, BatchStatus to) {
			this.label = label;
			this.from = from;
			this.to = to;
		}

		/** The Japanese name of the action. */
		public String label() {
			return label;
		}

		/** The status the action leads to. */
		public BatchStatus target() {
			return to;
		}
	}

	private final String label;

	BatchStatus(String label) {
		this.label = label;
	}

	/** The Japanese label. */
	public String label() {
		return label;
	}

	/** True if {@code action} may be taken on a batch in this status. */
	public boolean allows(Action action) {
		return action.from.contains(this);
	}

	/**
	 * Checks that {@code action} may be taken on batch {@code batchId} in this status.
	 *
	 * @throws BatchStateException naming the batch, its status and what the action needs
	 */
	public void check(long batchId, Action action) {
		if (!allows(action)) {
			throw new BatchStateException(batchId, this, "バッチ " + batchId + " は「" + label + "」のため"
					+ action.label + "できません。" + need(action));
		}
	}

	/** True while the batch's envelopes hold their subjects (other batches of the kind leave them out). */
	public boolean open() {
		return this == SELECTED || this == PRINTED;
	}

	/** True once nothing more can happen to the batch. */
	public boolean closed() {
		return this == DISPATCHED || this == CANCELLED;
	}

	private static String need(Action action) {
		return switch (action) {
			case SELECT -> "抽出し直せるのは、印刷ファイルを作成する前のバッチだけです";
			case PRINT -> "印刷ファイルは、対象者を抽出した後、発送・取消の前に作成します";
			case DISPATCH -> "発送できるのは、印刷ファイルがすべて作成されたバッチだけです";
			case CANCEL -> "取り消せるのは、発送前のバッチだけです";
		};
	}
}
