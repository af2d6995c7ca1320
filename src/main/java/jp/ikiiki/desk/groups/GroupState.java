package jp.ikiiki.desk.groups;

/**
 * Where a group stands. A registration form keyed and verified makes an APPLIED group (checked for duplicates and by
 * the city, 第5章2); the city's approval makes it REGISTERED, or REJECTED; an approved change form makes it CHANGED
 * (still active); an approved deletion form makes it DELETED. Every step is kept in the group's history.
 */
public enum GroupState {
	APPLIED, REGISTERED, CHANGED, DELETED, REJECTED;

	/** The console label key, e.g. {@code groups.state.REGISTERED}. */
	public String labelKey() {
		return "groups.state." + name();
	}

	/** Registered and not deleted: where points can be collected, on the public lists. */
	public boolean active() {
		return this == REGISTERED || this == CHANGED;
	}
}
