package jp.ikiiki.desk.agentdesk;

import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;

/**
 * One caller number on the callback list of a day: its unanswered calls, whether it called again later that day
 * and was answered, and whether someone called it back.
 *
 * @param callerNumber     the number (personal data: never log it)
 * @param unanswered       its abandoned, timed-out and refused calls, oldest first
 * @param lastUnansweredAt the last of them
 * @param answeredLaterAt  when a later call from the number was answered that day, or null
 * @param calledBackBy     who marked it called back (login name), or null
 * @param calledBackByName who marked it as people know them (display name; the login name if the user is gone), or
 *                         null
 * @param calledBackAt     when, or null
 * @param callbackNote     the note given with the mark, or empty
 */
public record CallbackItem(String callerNumber, List<Unanswered> unanswered, Instant lastUnansweredAt,
		Instant answeredLaterAt, String calledBackBy, String calledBackByName, Instant calledBackAt, String callbackNote) {

	/** The same item with the marker's display name. */
	public CallbackItem withCalledBackByName(String name) {
		return new CallbackItem(callerNumber, unanswered, lastUnansweredAt, answeredLaterAt, calledBackBy, name,
				calledBackAt, callbackNote);
	}

	/** Whether nobody needs to call back: the caller got through later or was called back. */
	public boolean settled() {
		return answeredLaterAt != null || calledBackAt != null;
	}

	/**
	 * One unanswered call.
	 *
	 * @param linkedId    the call record
	 * @param at          arrival
	 * @param outcome     ABANDONED, TIMEOUT or REFUSED
	 * @param waitSeconds seconds waited, or null
	 */
	public record Unanswered(String linkedId, Instant at, CallOutcome outcome, java.math.BigDecimal waitSeconds) {
	}
}
