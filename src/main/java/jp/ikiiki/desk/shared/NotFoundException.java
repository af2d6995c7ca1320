package jp.ikiiki.desk.shared;

/**
 * What was asked for does not exist (or the asker may not know that it does): a 宛名番号 without a subject, a case
 * id nobody opened. HTTP 404.
 */
public final class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}
}
