package jp.ikiiki.desk.escalations;

import jp.ikiiki.desk.shared.StateConflictException;

/**
 * A step asked of a case in a state that does not allow it; the message says which step the case needs first.
 * A state conflict: HTTP 409 over the API.
 */
public class EscalationStateException extends StateConflictException {

	public EscalationStateException(String message) {
		super(message);
	}
}
