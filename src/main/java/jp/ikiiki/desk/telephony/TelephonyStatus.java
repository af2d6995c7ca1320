package jp.ikiiki.desk.telephony;

import java.time.Instant;

/**
 * The state of the AMI connection, read-only: for the console, the wallboard and the health endpoint. It holds no
 * personal data, so it needs no role (the health endpoint reads it without a user).
 */
public interface TelephonyStatus {

	enum State {
		/** Logged in to Asterisk (or the simulator); events flow. */
		CONNECTED,
		/** The connection was lost; the client is reconnecting by itself. Calls in this time may be missing. */
		RECONNECTING,
		/** Never connected yet, login refused, telephony disabled, or the application stopping. */
		DISCONNECTED
	}

	/**
	 * @param state      the state now
	 * @param since      when it entered that state
	 * @param reconnects reconnections after a loss since start-up
	 * @param detail     why, in words (e.g. "login failed"); never personal data
	 */
	record Status(State state, Instant since, long reconnects, String detail) {
	}

	Status status();
}
