package jp.ikiiki.desk.groups;

import jp.ikiiki.desk.keying.Stage;
import jp.ikiiki.desk.shared.StateConflictException;

/**
 * Where a group's form is: received, through entry and verify (the keying stages), VERIFIED (on the city's check
 * list, 第5章2), APPROVED or REJECTED by the city (once, final); or QUERIED: a doubt about the handwriting waits for
 * the city's answer (不明点は発注者と協議) and the form then returns to where it was. The only place its steps are
 * allowed.
 */
public enum GroupFormState {
	RECEIVED("受付済", Stage.WAITING),
	ENTERING("エントリー中", Stage.ENTERING),
	ENTERED("ベリファイ待ち", Stage.ENTERED),
	VERIFYING("ベリファイ中", Stage.VERIFYING),
	DISPUTED("判定待ち", Stage.DISPUTED),
	VERIFIED("市の確認待ち", Stage.VERIFIED),
	QUERIED("市に照会中", null),
	APPROVED("市が承認", null),
	REJECTED("市が不承認", null);

	private final String label;
	private final Stage stage;

	GroupFormState(String label, Stage stage) {
		this.label = label;
		this.stage = stage;
	}

	/** As people read it. */
	public String label() {
		return label;
	}

	/** The keying stage; null outside the keying. */
	public Stage stage() {
		return stage;
	}

	/** The state of a keying stage. */
	public static GroupFormState of(Stage stage) {
		for (GroupFormState s : values()) {
			if (s.stage == stage) {
				return s;
			}
		}
		throw new IllegalStateException("no state for " + stage);
	}

	/** True once the city has decided. */
	public boolean decided() {
		return this == APPROVED || this == REJECTED;
	}

	/**
	 * Refuses a step the form may not take: forward through the keying, QUERIED from any open state (and back to the
	 * state it came from), APPROVED or REJECTED only from VERIFIED.
	 */
	public void checkStep(long id, GroupFormState to) {
		boolean ok = switch (to) {
			case RECEIVED -> this == QUERIED;
			case ENTERING -> this == RECEIVED || this == QUERIED;
			case ENTERED -> this == ENTERING || this == RECEIVED || this == QUERIED;
			case VERIFYING -> this == ENTERED || this == QUERIED;
			case DISPUTED -> this == VERIFYING || this == QUERIED;
			case VERIFIED -> this == VERIFYING || this == DISPUTED || this == QUERIED;
			case QUERIED -> this != QUERIED && !decided();
			case APPROVED, REJECTED -> this == VERIFIED;
		};
		if (!ok) {
			throw new StateConflictException("届出書 " + id + " は「" + label + "」のため「" + to.label + "」にできません")
					.with("state", name());
		}
	}
}
