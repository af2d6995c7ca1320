package jp.ikiiki.desk.erasure;

import java.util.Set;

/**
 * Where an erasure stands. REQUESTED (by one administrator) → RUNNING (a second one confirmed it; stays RUNNING after a
 * crash until a re-run finishes) → DONE; a request may be WITHDRAWN before it runs. DRY_RUN only labels a dry run's
 * result, which is never stored.
 */
public enum ErasureState {
	REQUESTED("確認待ち"),
	RUNNING("実行中"),
	DONE("完了"),
	WITHDRAWN("取下げ"),
	DRY_RUN("試行（変更なし）");

	private final String label;

	ErasureState(String label) {
		this.label = label;
	}

	/** Japanese name. */
	public String label() {
		return label;
	}

	/** Whether a run may start (or restart) from this state. */
	public boolean mayRun() {
		return Set.of(REQUESTED, RUNNING).contains(this);
	}
}
