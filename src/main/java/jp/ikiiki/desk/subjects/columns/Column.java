package jp.ikiiki.desk.subjects.columns;

/**
 * One column of a city file, in the order of its 別紙.
 *
 * @param number   1-based position in the 別紙
 * @param header   the Japanese header, as it appears in the file's first row
 * @param type     how the cell is validated and normalised
 * @param required whether a blank cell rejects the row
 * @param owner    who fills the column ({@link Owner#SYSTEM} columns of 別紙3 are never taken from a file)
 */
public record Column(int number, String header, FieldType type, boolean required, Owner owner) {

	/** Who fills a column. */
	public enum Owner {
		/** The city supplies it in its files. */
		CITY,
		/** Ikiiki Desk computes or records it (別紙3 columns 55–84). */
		SYSTEM
	}

	/**
	 * The header in a form that tolerates the spacing and width variants seen in hand-made files
	 * ("受診 2 P__ 1" and "受診2P_1" are the same column).
	 */
	public static String canonicalHeader(String header) {
		String s = java.text.Normalizer.normalize(header == null ? "" : header, java.text.Normalizer.Form.NFKC);
		s = s.replaceAll("[\\s\\u3000]+", "").replaceAll("_+", "_");
		return s.toUpperCase(java.util.Locale.ROOT);
	}
}
