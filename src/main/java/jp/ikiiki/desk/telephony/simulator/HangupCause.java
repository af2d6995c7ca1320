package jp.ikiiki.desk.telephony.simulator;

/**
 * The hang-up causes (Q.850) of the recording, with the number and text Asterisk 22 sends in {@code Cause} and
 * {@code Cause-txt}; {@code HangupRequest} and {@code SoftHangupRequest} carry the number only.
 */
enum HangupCause {
	/** No cause: a half of a Local channel that goes with its other half, or a caller who hung up in the queue. */
	UNKNOWN(0, "Unknown"),
	/** An ordinary end of a call. */
	NORMAL_CLEARING(16, "Normal Clearing"),
	/** Refused over the line limit ({@code Busy()} in the dialplan). */
	USER_BUSY(17, "User busy");

	final int code;
	final String text;

	HangupCause(int code, String text) {
		this.code = code;
		this.text = text;
	}
}
