package jp.ikiiki.desk.subjects.importing;

import java.util.List;

/**
 * One record of a city file as read, before validation.
 *
 * @param row   the line (CSV: physical line where the record starts) or sheet row (XLSX), header = 1
 * @param cells the cells as text, in column order; never null, may be shorter than the header
 */
record SourceRow(long row, List<String> cells) {

	boolean isBlank() {
		for (String c : cells) {
			if (c != null && !c.isBlank()) {
				return false;
			}
		}
		return true;
	}
}
