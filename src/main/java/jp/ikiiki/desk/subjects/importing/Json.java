package jp.ikiiki.desk.subjects.importing;

import java.util.List;

/** Writes the 外字 marks the staging table receives as JSON, without a mapper. */
final class Json {

	private Json() {
	}

	/** The marks as {@code [{"column","value","chars","kind"}]}; kind tells which file's record they belong to. */
	static String gaiji(List<ValidatedRow.GaijiMark> marks, String kind) {
		var sb = new StringBuilder("[");
		for (int i = 0; i < marks.size(); i++) {
			var m = marks.get(i);
			if (i > 0) {
				sb.append(',');
			}
			sb.append("{\"column\":");
			quote(sb, m.column());
			sb.append(",\"value\":");
			quote(sb, m.value());
			sb.append(",\"chars\":");
			quote(sb, m.chars());
			sb.append(",\"kind\":");
			quote(sb, kind);
			sb.append('}');
		}
		return sb.append(']').toString();
	}

	static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					} else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}
}
