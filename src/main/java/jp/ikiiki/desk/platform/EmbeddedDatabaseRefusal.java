package jp.ikiiki.desk.platform;

/**
 * The embedded database will not start, for a reason an operator has to act on (not a bug): what is wrong and what
 * to do, printed by {@link EmbeddedDatabaseFailureAnalyzer} instead of a stack trace. Carries no personal data.
 */
final class EmbeddedDatabaseRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final String action;

	EmbeddedDatabaseRefusal(String description, String action) {
		super(description);
		this.action = action;
	}

	/** What the operator should do. */
	String action() {
		return action;
	}
}
