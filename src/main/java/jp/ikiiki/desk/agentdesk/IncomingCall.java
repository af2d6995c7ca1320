package jp.ikiiki.desk.agentdesk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A call just connected to the agent's phone, as announced to every page the agent has open.
 *
 * @param callLogId    the entry opened for it
 * @param linkedId     the AMI call (Asterisk's Linkedid)
 * @param callerNumber the caller's number (personal data: never log it), or null when withheld
 * @param waitSeconds  seconds the caller waited in the queue, or null
 * @param connectedAt  when it connected
 */
public record IncomingCall(long callLogId, String linkedId, String callerNumber, BigDecimal waitSeconds, Instant connectedAt) {

	@Override
	public String toString() {
		return "IncomingCall[callLogId=" + callLogId + ", linkedId=" + linkedId + ", connectedAt=" + connectedAt + "]";
	}
}
