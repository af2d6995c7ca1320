package jp.ikiiki.desk.subjects.demo;

/**
 * A defect the generator put into a row on purpose, so tests know what the import must reject.
 *
 * @param row            line number in the file (header = 1; CSV cells never contain line breaks, so the
 *                       n-th data row is line n + 1); for XLSX the sheet row number, the same value
 * @param column         the 別紙 header of the defective cell
 * @param defect         what is wrong
 * @param value          the cell as written (blank for {@link Defect#BLANK_REQUIRED})
 * @param duplicateOfRow for {@link Defect#DUPLICATE_ADDRESS_NUMBER} the earlier row with the same 宛名番号
 *                       (itself valid); 0 otherwise. An import that rejects every occurrence of a duplicate
 *                       also rejects that row.
 */
public record ExpectedProblem(long row, String column, Defect defect, String value, long duplicateOfRow) {
}
