package jp.ikiiki.desk.groups;

/**
 * A group's representative as written on the form. Private: never on a public list, never shown to a caller
 * (第9章1(6) lists only what the city marks public).
 */
public record Representative(String name, String address, String phone) {

	@Override
	public String toString() {
		return "Representative[***]";
	}
}
