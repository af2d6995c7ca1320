package jp.ikiiki.desk.tally;

import java.util.EnumSet;
import java.util.Set;
import jp.ikiiki.desk.shared.StateConflictException;

/**
 * Where a booklet is in the tally (第7章1(4)): received, keyed by a first operator (entry), keyed again by a second
 * (verify, compared field by field as it is keyed), decided by a floor manager where the two still disagree, and
 * verified. Only a VERIFIED booklet counts towards a total.
 */
public enum BookletState {
	/** Received from the city; nothing keyed yet. */
	RECEIVED("受付済"),
	/** The first keying (entry) is under way. */
	ENTERING("入力中"),
	/** Entry complete; waiting for the second keying. */
	ENTERED("ベリファイ待ち"),
	/** The second keying (verify) is under way. */
	VERIFYING("ベリファイ中"),
	/** Verify found fields the two keyings still disagree on: waiting for a floor manager's decision. */
	DISPUTED("判定待ち"),
	/** Every field agreed or decided: counts towards the year's total. */
	VERIFIED("確定");

	private final String label;

	BookletState(String label) {
		this.label = label;
	}

	/** The Japanese label. */
	public String label() {
		return label;
	}

	/** True if the entry pass may key a field in this state. */
	public boolean acceptsEntry() {
		return this == RECEIVED || this == ENTERING;
	}

	/** True if the verify pass may key a field in this state. */
	public boolean acceptsVerify() {
		return this == ENTERED || this == VERIFYING;
	}

	private static final Set<BookletState> FROM_RECEIVED = EnumSet.of(ENTERING, ENTERED);

	/**
	 * Checks a step of booklet {@code id} from this state to {@code target}; the one place the order is kept.
	 *
	 * @throws StateConflictException naming the booklet, its state and what the step needs
	 */
	public void checkStep(long id, BookletState target) {
		boolean allowed = switch (this) {
			case RECEIVED -> FROM_RECEIVED.contains(target);
			case ENTERING -> target == ENTERING || target == ENTERED;
			case ENTERED -> target == VERIFYING || target == VERIFIED || target == DISPUTED;
			case VERIFYING -> target == VERIFYING || target == VERIFIED || target == DISPUTED;
			case DISPUTED -> target == VERIFIED;
			case VERIFIED -> false;
		};
		if (!allowed) {
			throw new StateConflictException("手帳 " + id + " は「" + label + "」のため「" + target.label + "」にできません");
		}
	}
}
