package jp.ikiiki.desk.telephony;

/** Which side ended a call. */
public enum HungUpBy {
	CALLER,
	AGENT,
	/** Asterisk ended it: the queue timed out or the line limit refused it. */
	SYSTEM,
	/** Not known: the events that say it were missed. */
	UNKNOWN
}
