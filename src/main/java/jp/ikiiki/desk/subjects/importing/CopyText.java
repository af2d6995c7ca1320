package jp.ikiiki.desk.subjects.importing;

/**
 * PostgreSQL's COPY text format, written by hand because the import streams 190,000 rows through it: columns
 * separated by TAB, rows by LF, {@code \N} for NULL; within a value a backslash, LF, CR and TAB are written as
 * {@code \\}, {@code \n}, {@code \r}, {@code \t} (so a value that is literally backslash-N stays a value). A text[]
 * value is an array literal ({@code {"a","b"}}, each element quoted, its backslashes and quotes escaped) and then
 * escaped again as a COPY value.
 * <p>
 * PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 form: both are refused with an
 * {@link IllegalArgumentException} — the row validator rejects such cells before they get here, so reaching it is
 * a programming error, never silently changed data. Surrogate pairs (𠮷) pass as they are.
 */
final class CopyText {

	private CopyText() {
	}

	/** Appends one column value; null is NULL. */
	static StringBuilder field(StringBuilder line, String value) {
		if (value == null) {
			return line.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\t' -> line.append("\\t");
				default -> line.append(checked(value, i));
			}
		}
		return line;
	}

	/** Appends a text[] value: every element quoted; null elements are not allowed. */
	static StringBuilder array(StringBuilder line, Iterable<String> values) {
		line.append('{');
		boolean first = true;
		for (String v : values) {
			if (!first) {
				line.append(',');
			}
			first = false;
			line.append('"');
			for (int i = 0; i < v.length(); i++) {
				char c = v.charAt(i);
				switch (c) {
					// escaped for the array literal (\\ and \"), then every backslash doubled for COPY
					case '\\' -> line.append("\\\\\\\\");
					case '"' -> line.append("\\\\\"");
					case '\n' -> line.append("\\n");
					case '\r' -> line.append("\\r");
					case '\t' -> line.append("\\t");
					default -> line.append(checked(v, i));
				}
			}
			line.append('"');
		}
		return line.append('}');
	}

	/** Appends a bytea value in hex form ({@code \x0a1b}, its backslash escaped for COPY). */
	static StringBuilder bytea(StringBuilder line, byte[] bytes) {
		return line.append("\\\\x").append(java.util.HexFormat.of().formatHex(bytes));
	}

	private static char checked(String s, int i) {
		char c = s.charAt(i);
		if (c == '\u0000') {
			throw new IllegalArgumentException("NUL cannot be stored in PostgreSQL text (position " + i + ")");
		}
		if (Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
				: Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
			throw new IllegalArgumentException("lone surrogate at position " + i + " has no UTF-8 form");
		}
		return c;
	}
}
