package jp.ikiiki.desk.telephony.simulator;

/**
 * The channel states a call of the recording passes through, with the number and the description Asterisk 22 puts
 * in {@code ChannelState} and {@code ChannelStateDesc} (the recording has exactly these five).
 */
enum ChannelState {
	/** A new channel, or the first half of a Local channel before it is answered. */
	DOWN(0, "Down"),
	/** The second half of a new Local channel: the dialplan runs on it. */
	RING(4, "Ring"),
	/** An agent's phone ringing. */
	RINGING(5, "Ringing"),
	/** Answered. */
	UP(6, "Up"),
	/** Refused by the line gate ({@code Busy()}). */
	BUSY(7, "Busy");

	final int code;
	final String description;

	ChannelState(int code, String description) {
		this.code = code;
		this.description = description;
	}
}
