package jp.ikiiki.desk.subjects.internal;

/** Names of Hiroshima City's eight wards by 区コード (101–108). */
final class Wards {

	private static final String[] NAMES = { "中区", "東区", "南区", "西区", "安佐南区", "安佐北区", "安芸区", "佐伯区" };

	/** The ward's name, or null for null or a code outside 101–108. */
	static String name(Integer code) {
		return code == null || code < 101 || code > 108 ? null : NAMES[code - 101];
	}

	private Wards() {
	}
}
