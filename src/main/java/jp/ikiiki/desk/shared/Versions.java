package jp.ikiiki.desk.shared;

/**
 * Version numbers as the console and printed documents name them: 「第3版」 (the answer manual's entries, stored
 * report versions, layouts). One form everywhere, never "v3" or "版3".
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * 第n版.
	 *
	 * @param version 1 or more
	 * @throws IllegalArgumentException for 0 or less (a programming error: versions start at 1)
	 */
	public static String label(int version) {
		if (version < 1) {
			throw new IllegalArgumentException("versions start at 1: " + version);
		}
		return "第" + version + "版";
	}

	/** 第n版 in brackets after a title: 「…（第3版）」. */
	public static String suffix(int version) {
		return "（" + label(version) + "）";
	}
}
