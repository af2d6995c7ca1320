package jp.ikiiki.desk.telephony.calls;

/** Where finished calls go. */
interface CallStore {

	/**
	 * Writes a finished call once. A call already stored is left alone, except that a complete record replaces an
	 * incomplete one (a replay filling a gap).
	 *
	 * @return true if the call was new (count it), false if it was already stored
	 */
	boolean save(FinishedCall call, boolean inHours);
}
