package jp.ikiiki.desk.groups.ui;

/** Prefixes of the console label keys completed by an enum's name ({@code groups.properties}). */
final class Keys {

	static final String FORM = "groups.form.";
	static final String HISTORY = "groups.history.";
	static final String MARK = "groups.key.mark.";

	private Keys() {
	}
}
