package jp.ikiiki.desk.payments.ui;

/** Prefixes of the label keys completed by a code (field, state, reason) in {@code i18n/payments.properties}. */
final class Labels {

	static final String FIELD = "payments.field.";
	static final String ACCOUNT_STATE = "payments.account.state.";
	static final String EXCLUSION = "payments.exclusion.";
	static final String MARK = "payments.key.mark.";
	static final String LATE = "payments.late.";
	static final String RUN_STATE = "payments.run.state.";
	static final String CONFIRMED = "payments.run.confirmed.";

	private Labels() {
	}
}
