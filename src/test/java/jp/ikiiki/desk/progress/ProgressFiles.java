package jp.ikiiki.desk.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/** 84-column 別紙3 files for the tests: the header, and rows given as column number → value. */
final class ProgressFiles {

	private ProgressFiles() {
	}

	static String header() {
		return String.join(",", SubjectFileKind.PROGRESS.columns().stream().map(Column::header).toList());
	}

	/** A row with 宛名番号 and the given columns (number, value pairs); other cells empty. */
	static Map<Integer, String> row(String addressNumber, Object... columns) {
		var row = new TreeMap<Integer, String>();
		row.put(1, addressNumber);
		for (int i = 0; i < columns.length; i += 2) {
			row.put((Integer) columns[i], columns[i + 1].toString());
		}
		return row;
	}

	/** Figures that add up: 4P stamps, 1P stamps, cap; amount at 100 yen a point. */
	static Object[] figures(String received, int stamps4p, int stamps1p, int cap) {
		var cells = new ArrayList<Object>(List.of(50, received, 55, 4 * stamps4p, 56, 0));
		for (int c = 57; c <= 71; c++) {
			cells.add(c);
			cells.add(0);
		}
		int total = 4 * stamps4p + stamps1p;
		cells.addAll(List.of(72, stamps1p, 73, total, 74, cap, 75, Math.min(total, cap) * 100));
		return cells.toArray();
	}

	/** The file: header and rows, CRLF; cells quoted as needed (not neutralised: the test means what it writes). */
	static String csv(List<Map<Integer, String>> rows) {
		var sb = new StringBuilder(header()).append("\r\n");
		for (var row : rows) {
			var cells = new ArrayList<String>();
			for (int c = 1; c <= 84; c++) {
				String v = row.getOrDefault(c, "");
				cells.add(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
			}
			sb.append(String.join(",", cells)).append("\r\n");
		}
		return sb.toString();
	}

	static Object[] concat(Object[] a, Object... b) {
		var all = new ArrayList<Object>(List.of(a));
		all.addAll(List.of(b));
		return all.toArray();
	}

}
