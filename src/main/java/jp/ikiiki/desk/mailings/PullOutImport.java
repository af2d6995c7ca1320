package jp.ikiiki.desk.mailings;

import java.util.List;

/**
 * The outcome of importing the city's pull-out list: all rows applied, or none if any row is bad.
 *
 * @param pulled the places found, in file order; empty if rejected
 * @param errors row-level problems ("3行目: 番号 … がどの未発送バッチにもありません"); empty if applied
 */
public record PullOutImport(List<PullOut> pulled, List<String> errors) {
}
