package jp.ikiiki.desk.subjects.importing;

import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.subjects.ImportProblem;

/**
 * One data row after validation.
 *
 * @param row                  line or sheet row (header = 1)
 * @param addressNumber        the normalised 宛名番号, or null if it is blank or not a valid number
 * @param values               every column of the kind, keyed by the exact 別紙 header, normalised; system-owned
 *                             columns are "" (the stored values are merged in by the database). Empty if rejected
 * @param problems             this row's problems, in column order
 * @param gaiji                cells holding characters for 外字 review
 * @param systemValuesIgnored  whether a system-owned column (別紙3 55–84) held a value that was not taken
 */
record ValidatedRow(long row, String addressNumber, Map<String, String> values, List<ImportProblem> problems,
		List<GaijiMark> gaiji, boolean systemValuesIgnored) {

	/** A row with no ERROR problem is imported. */
	boolean valid() {
		return problems.stream().noneMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
	}

	/**
	 * One cell flagged for the city's 外字 decision (stored in {@code subject.gaiji}).
	 *
	 * @param column the 別紙 header
	 * @param value  the cell as imported
	 * @param chars  the characters that need review, each once
	 */
	record GaijiMark(String column, String value, String chars) {
	}
}
