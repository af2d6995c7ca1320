package jp.ikiiki.desk.telephony;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A queue call was connected to a member ({@code AgentConnect}), published as soon as the event arrives so that
 * the agent's desk can pop. The call's record ({@link CallRecord}) is written only when it ends.
 *
 * @param linkedId        Asterisk's Linkedid, the key of the call's later {@link CallRecord}
 * @param queue           the queue
 * @param memberInterface the member that answered, e.g. {@code Local/agent1@agents}
 * @param callerNumber    the caller's number (personal data: never log it); null if withheld
 * @param waitSeconds     seconds the caller waited in the queue (Asterisk's {@code HoldTime}); null if not sent
 * @param connectedAt     when Asterisk connected the call (the event's {@code Timestamp})
 */
public record CallConnected(String linkedId, String queue, String memberInterface, String callerNumber,
		BigDecimal waitSeconds, Instant connectedAt) {

	@Override
	public String toString() {
		return "CallConnected[linkedId=" + linkedId + ", queue=" + queue + ", member=" + memberInterface + "]";
	}
}
