package jp.ikiiki.desk.keying;

/**
 * Where a document is in its keying. Each document kind has its own state (with its own labels and, possibly, states
 * outside the keying) and tells the rules which of these it is in.
 */
public enum Stage {
	/** Nothing keyed yet. */
	WAITING,
	/** The entry is under way. */
	ENTERING,
	/** Entry complete; waiting for the verify. */
	ENTERED,
	/** The verify is under way. */
	VERIFYING,
	/** Fields the two keyings still disagree on wait for a floor manager's decision. */
	DISPUTED,
	/** Every field agreed or decided. */
	VERIFIED;

	/** True if the entry pass may key a field. */
	public boolean acceptsEntry() {
		return this == WAITING || this == ENTERING;
	}

	/** True if the verify pass may key a field. */
	public boolean acceptsVerify() {
		return this == ENTERED || this == VERIFYING;
	}
}
