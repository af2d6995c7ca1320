package jp.ikiiki.desk.shared;

/**
 * The request is well formed but the thing it acts on is not in a state that allows it: a case not yet reported,
 * a batch already dispatched, an import of the same kind running. HTTP 409.
 */
public non-sealed class StateConflictException extends DomainException {

	public StateConflictException(String message) {
		super(message);
	}
}
