package jp.ikiiki.desk.escalations;

import java.util.Optional;

/**
 * The steps of a case (第6章1(3) 内容をよく聞き取り、発注者に報告した上で指示を仰ぐ), in order. A case moves one step
 * forward at a time; nothing skips a step or goes back.
 */
public enum EscalationState {
	/** Opened from a call the agent could not answer, or by a floor manager. */
	OPEN("受付"),
	/** Reported to the city: waiting for the city's instruction. */
	REPORTED("市へ報告"),
	/** The city's instruction is recorded: the caller is to be called back. */
	INSTRUCTED("市の指示受領"),
	/** The caller was called back with the answer. */
	CALLED_BACK("折返し連絡済"),
	/** Done. */
	CLOSED("完了");

	private final String label;

	EscalationState(String label) {
		this.label = label;
	}

	/** The Japanese label. */
	public String label() {
		return label;
	}

	/** The state after this one; empty for {@link #CLOSED}. */
	public Optional<EscalationState> next() {
		return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	/**
	 * Checks that a case in this state may move to {@code target}.
	 *
	 * @throws EscalationStateException naming the case, both states and the state the step needs
	 */
	public void checkStep(long caseId, EscalationState target) {
		if (target == OPEN || target.ordinal() != ordinal() + 1) {
			EscalationState needed = target == OPEN ? null : values()[target.ordinal() - 1];
			String rule = needed == null ? "「" + OPEN.label + "」には戻せません"
					: "「" + target.label + "」にできるのは「" + needed.label + "」の案件だけです";
			throw new EscalationStateException("案件 " + caseId + " は「" + label + "」です。" + rule);
		}
	}

	/** True while the case is not closed. */
	public boolean active() {
		return this != CLOSED;
	}
}
