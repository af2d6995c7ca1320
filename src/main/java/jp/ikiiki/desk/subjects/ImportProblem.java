package jp.ikiiki.desk.subjects;

/**
 * One problem found in a city file.
 *
 * @param row      line number in the file where the record starts (header = 1); for XLSX the sheet row number
 * @param column   the Japanese column header, or null for a problem with the whole row or file
 * @param value    the offending cell as found (may be blank)
 * @param reason   Japanese reason an operator can act on
 * @param severity {@link Severity#ERROR} rejects the row; {@link Severity#GAIJI} imports it flagged for 外字 review
 */
public record ImportProblem(long row, String column, String value, String reason, Severity severity) {

	public enum Severity {
		/** The row is rejected. */
		ERROR,
		/** The row is imported and flagged: characters the city must decide on (外字 or kana form, 第3章1). */
		GAIJI,
		/** Information that changes nothing (e.g. system-owned columns present in the file were ignored). */
		NOTICE
	}
}
