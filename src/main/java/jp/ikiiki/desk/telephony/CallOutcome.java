package jp.ikiiki.desk.telephony;

/** What happened to a call, whether or not it came in opening hours. */
public enum CallOutcome {
	/** A queue member answered ({@code AgentConnect}). */
	ANSWERED,
	/** The caller hung up while waiting in the queue or while a member's phone rang. */
	ABANDONED,
	/** The caller left the queue unanswered on the queue's timeout, without hanging up. */
	TIMEOUT,
	/** Refused by the line limit (the dialplan's refusal {@code UserEvent}); never reached the queue. */
	REFUSED
}
