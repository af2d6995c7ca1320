package jp.ikiiki.desk.shared;

/**
 * A value the person gave cannot be accepted: wrong form, out of range, or against a rule (a booklet past its
 * year's deadline). Names the field where there is one. HTTP 422.
 */
public final class InvalidInputException extends DomainException {

	private final String field;

	/** A refusal not tied to one field. */
	public InvalidInputException(String message) {
		this(null, message);
	}

	/**
	 * @param field   the field or parameter as the person knows it (Japanese label or API name); may be null
	 * @param message the reason
	 */
	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
		if (field != null) {
			with("field", field);
		}
	}

	/** The field refused, or null. */
	public String field() {
		return field;
	}
}
