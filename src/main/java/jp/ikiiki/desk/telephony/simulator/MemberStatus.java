package jp.ikiiki.desk.telephony.simulator;

/**
 * A queue member's device state as {@code Status} of the {@code QueueMember*} events: Asterisk's device states;
 * the recording's Local members show only these two (2 while their phone rings or talks).
 */
enum MemberStatus {
	/** AST_DEVICE_NOT_INUSE. */
	NOT_IN_USE(1),
	/** AST_DEVICE_INUSE. */
	IN_USE(2);

	final int code;

	MemberStatus(int code) {
		this.code = code;
	}
}
