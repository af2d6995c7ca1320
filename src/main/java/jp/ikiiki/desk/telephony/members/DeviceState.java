package jp.ikiiki.desk.telephony.members;

import jp.ikiiki.desk.telephony.QueueMemberState.Activity;

/**
 * Asterisk's device states ({@code ast_device_state}) as the {@code Status} of the {@code QueueMember*} events carry
 * them, and what each means for a member not on a queue call.
 */
enum DeviceState {
	UNKNOWN(0, Activity.AVAILABLE), // a device that reports nothing: taken as free
	NOT_INUSE(1, Activity.AVAILABLE),
	INUSE(2, Activity.BUSY),
	BUSY(3, Activity.BUSY),
	INVALID(4, Activity.UNAVAILABLE),
	UNAVAILABLE(5, Activity.UNAVAILABLE),
	RINGING(6, Activity.RINGING),
	RINGINUSE(7, Activity.RINGING),
	ONHOLD(8, Activity.BUSY);

	private final int code;
	private final Activity activity;

	DeviceState(int code, Activity activity) {
		this.code = code;
		this.activity = activity;
	}

	/** The state of a {@code Status} value; a value Asterisk may add later counts as unknown. */
	static DeviceState of(int code) {
		for (DeviceState s : values()) {
			if (s.code == code) {
				return s;
			}
		}
		return UNKNOWN;
	}

	/** What the member is doing when the state is all there is to go by (no queue call, not paused). */
	Activity activity() {
		return activity;
	}
}
