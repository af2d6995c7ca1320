package jp.ikiiki.desk.subjects.demo;

/**
 * A cell the generator gave a character the import must flag for 外字 review (第3章1).
 *
 * @param row        line number in the file (header = 1)
 * @param column     the 別紙 header
 * @param value      the cell as written
 * @param characters the characters in it that are outside JIS X 0208 or are the placeholders 〓 ■ ・, in order
 */
public record ExpectedGaiji(long row, String column, String value, String characters) {
}
