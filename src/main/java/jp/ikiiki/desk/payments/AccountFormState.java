package jp.ikiiki.desk.payments;

import jp.ikiiki.desk.keying.Stage;
import jp.ikiiki.desk.shared.StateConflictException;

/**
 * Where a 口座登録用紙 is: received, through entry and verify (the keying stages), VERIFIED (the person's account) or
 * FAULTY (不備: recorded with what is wrong, the person due for a reminder). The only place its steps are allowed.
 */
public enum AccountFormState {
	RECEIVED("受付済", Stage.WAITING),
	ENTERING("エントリー中", Stage.ENTERING),
	ENTERED("ベリファイ待ち", Stage.ENTERED),
	VERIFYING("ベリファイ中", Stage.VERIFYING),
	DISPUTED("判定待ち", Stage.DISPUTED),
	VERIFIED("登録済", Stage.VERIFIED),
	FAULTY("不備", null);

	private final String label;
	private final Stage stage;

	AccountFormState(String label, Stage stage) {
		this.label = label;
		this.stage = stage;
	}

	/** As people read it. */
	public String label() {
		return label;
	}

	/** The keying stage; null for FAULTY, which the keying does not know. */
	public Stage stage() {
		return stage;
	}

	/** The state of a keying stage. */
	public static AccountFormState of(Stage stage) {
		for (AccountFormState s : values()) {
			if (s.stage == stage) {
				return s;
			}
		}
		throw new IllegalStateException("no state for " + stage);
	}

	/** True until the form is verified or recorded faulty. */
	public boolean open() {
		return this != VERIFIED && this != FAULTY;
	}

	/**
	 * Refuses a step the form may not take: forward through the keying (VERIFIED only from VERIFYING or DISPUTED),
	 * FAULTY from any open state, nothing from VERIFIED or FAULTY.
	 */
	public void checkStep(long id, AccountFormState to) {
		boolean ok = switch (to) {
			case RECEIVED -> false;
			case ENTERING -> this == RECEIVED;
			case ENTERED -> this == ENTERING || this == RECEIVED;
			case VERIFYING -> this == ENTERED;
			case DISPUTED -> this == VERIFYING;
			case VERIFIED -> this == VERIFYING || this == DISPUTED;
			case FAULTY -> open();
		};
		if (!ok) {
			throw new StateConflictException("口座登録用紙 " + id + " は「" + label + "」のため「" + to.label
					+ "」にできません").with("state", name());
		}
	}
}
