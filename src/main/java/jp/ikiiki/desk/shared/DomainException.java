package jp.ikiiki.desk.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the domain refuses, with a reason a person can act on. The message is Japanese and is shown as it is:
 * in the console by the notification helper, over the HTTP API as the {@code detail} (and {@code reason}) of an
 * RFC 9457 problem. It must not hold personal data beyond what the person asking already typed or may see, and it
 * is never written to the application log.
 *
 * <p>Three kinds exist, each with its HTTP status: {@link NotFoundException} (404), {@link StateConflictException}
 * (409) and {@link InvalidInputException} (422). A refusal that needs more than a sentence carries named
 * {@link #properties() properties} (a list of mismatching fields, say), which the API adds to the problem.
 *
 * <p>These are expected outcomes, not faults: they carry no stack trace.
 */
public abstract sealed class DomainException extends RuntimeException
		permits NotFoundException, StateConflictException, InvalidInputException {

	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected DomainException(String message) {
		super(message, null, false, false);
		if (message == null || message.isBlank()) {
			throw new IllegalArgumentException("a domain refusal needs a reason");
		}
	}

	/**
	 * Adds a named value to the refusal (an API client reads it as a member of the problem object).
	 *
	 * @return this, for chaining
	 */
	public DomainException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	/** Named values beyond the message, in the order added; never null. */
	public Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(properties);
	}

	/** The reason, in Japanese, for the person who asked. */
	public String reason() {
		return getMessage();
	}
}
