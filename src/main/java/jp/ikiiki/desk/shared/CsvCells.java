package jp.ikiiki.desk.shared;

/**
 * One cell of a CSV file the system writes, safe to open in Excel or LibreOffice.
 *
 * <p>Two things are done to a text value:
 * <ul>
 * <li><b>Formula injection</b> (OWASP "CSV Injection"): a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a TAB or a carriage return would be taken for a formula ({@code =HYPERLINK(...)}, {@code +cmd|...},
 * {@code @SUM(...)}) by a spreadsheet. Such a value gets a leading apostrophe ({@code '=HYPERLINK(...)}), which a
 * spreadsheet shows as text and a person reads as the value. This also applies to values that came from a city
 * file or a person's typing, which is exactly where such text comes from.</li>
 * <li><b>Quoting</b> (RFC 4180): a value holding a comma, a double quote, a line break or a leading or trailing
 * space is enclosed in double quotes, its quotes doubled.</li>
 * </ul>
 * Numbers the system computed ({@link #number}) are written as they are: a negative count is not a formula.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** A text cell: neutralised if it could start a formula, quoted if needed; null is an empty cell. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String v = startsLikeAFormula(value) ? "'" + value : value;
		return needsQuotes(v) ? '"' + v.replace("\"", "\"\"") + '"' : v;
	}

	/** A number the system computed (a row number, a count, an amount); null is an empty cell. */
	public static String number(Number value) {
		return value == null ? "" : value.toString();
	}

	/** The cells joined with commas (no line end). Each is a text cell unless it is a {@link Number}. */
	public static String line(Object... cells) {
		var sb = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			Object c = cells[i];
			sb.append(c instanceof Number n ? number(n) : text(c == null ? null : c.toString()));
		}
		return sb.toString();
	}

	/** Whether a spreadsheet could take the value for a formula (OWASP: = + - @ TAB CR at the start). */
	public static boolean startsLikeAFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char c = value.charAt(0);
		// Full-width ＝＋－＠ are turned into formulas by some spreadsheet versions on input conversion, too.
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\uFF1D' || c == '\uFF0B'
				|| c == '\uFF0D' || c == '\uFF20';
	}

	private static boolean needsQuotes(String v) {
		if (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ') {
			return true;
		}
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}
}
