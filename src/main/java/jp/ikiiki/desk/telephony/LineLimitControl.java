package jp.ikiiki.desk.telephony;

/**
 * The line limit as Asterisk enforces it: the dialplan refuses a call when the calls in progress exceed the
 * global variable ({@code LINES} by default).
 */
public interface LineLimitControl {

	/**
	 * Puts a limit in force now: a global {@code Setvar} and an AstDB {@code DBPut} (so that it survives an
	 * Asterisk restart). The value is also re-applied after every reconnect. Not connected: the value is kept
	 * and applied on connection.
	 *
	 * @param lines the lines in force, at least 0
	 */
	void apply(int lines);

	/** The limit last put in force, or -1 when none has been applied since start-up. */
	int current();
}
