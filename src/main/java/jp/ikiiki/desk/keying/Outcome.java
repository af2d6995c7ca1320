package jp.ikiiki.desk.keying;

/** What keying one field did; also the stored status of a keyed field. */
public enum Outcome {
	/** Entry: saved. */
	KEYED,
	/** Verify: equal to the entry. */
	MATCHED,
	/** Verify: differs from the entry the first time; key it again. */
	REKEY,
	/** Verify: differs again; the field goes to a floor manager's decision. */
	DISPUTED;

	/** True for a verify status no more keying may change (matched, or waiting for a decision). */
	public boolean isFinal() {
		return this == MATCHED || this == DISPUTED;
	}

	/** True if a field with this status (null: not keyed yet) still has to be keyed in its pass. */
	public static boolean open(Outcome status) {
		return status == null || status == REKEY;
	}
}
