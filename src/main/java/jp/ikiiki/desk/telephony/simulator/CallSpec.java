package jp.ikiiki.desk.telephony.simulator;

/**
 * One call to place. {@code label} names its channels as the recording does ({@code label-caller} becomes the
 * Uniqueid of the caller's channel and the Linkedid of the whole call); null gives Asterisk-style ids.
 *
 * @param label           id base, or null
 * @param callerNumber    the caller's number
 * @param callerName      the caller's name
 * @param patienceSeconds how long the caller waits in the queue (and ringing) before hanging up
 * @param ringSeconds     how long a member's phone rings before the member answers
 * @param talkSeconds     how long the conversation lasts
 */
public record CallSpec(String label, String callerNumber, String callerName, double patienceSeconds,
		double ringSeconds, double talkSeconds) {

	public static CallSpec patient(String label, String number) {
		return new CallSpec(label, number, "Caller", 1_000, 1, 5);
	}

	public static CallSpec withPatience(String label, String number, double patienceSeconds) {
		return new CallSpec(label, number, "Caller", patienceSeconds, 1, 5);
	}

	@Override
	public String toString() {
		return "CallSpec[label=" + label + ", patience=" + patienceSeconds + ", ring=" + ringSeconds + ", talk="
				+ talkSeconds + "]";
	}
}
