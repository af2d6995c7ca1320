package jp.ikiiki.desk.escalations;

/** A step asked of a case in a state that does not allow it (the message says which step the case needs first). */
public class EscalationStateException extends IllegalStateException {

	public EscalationStateException(String message) {
		super(message);
	}
}
