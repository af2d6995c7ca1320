package jp.ikiiki.desk.telephony;

import java.time.Instant;

/**
 * One queue member (an agent's phone) as the AMI events last described it.
 *
 * @param queue         the queue
 * @param memberInterface the member's interface, e.g. {@code PJSIP/agent1} or {@code Local/agent1@agents}: its key
 * @param name          the member name Asterisk reports ({@code MemberName})
 * @param activity      what the member is doing now
 * @param paused        paused in the queue (a break, after-call work)
 * @param pausedReason  the reason given with the pause, or null
 * @param callsTaken    queue calls answered since Asterisk started counting
 * @param since         when the current activity began (the event's time), or null when unknown
 * @param linkedId      the call ringing or connected at the member, or null
 */
public record QueueMemberState(String queue, String memberInterface, String name, Activity activity, boolean paused,
		String pausedReason, int callsTaken, Instant since, String linkedId) {

	public enum Activity {
		/** Free for the next queue call. */
		AVAILABLE("待機中"),
		/** A queue call is ringing at the member. */
		RINGING("呼出中"),
		/** Talking on a queue call. */
		IN_CALL("通話中"),
		/** Paused in the queue and not on a queue call. */
		PAUSED("休止中"),
		/** The device is in use outside the queue (or its state cannot be told apart). */
		BUSY("使用中"),
		/** The device is unreachable or not registered. */
		UNAVAILABLE("不在");

		private final String label;

		Activity(String label) {
			this.label = label;
		}

		/** The Japanese label for the console. */
		public String label() {
			return label;
		}
	}
}
