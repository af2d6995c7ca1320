package jp.ikiiki.desk.subjects;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Lists of subjects a person takes elsewhere: the results shown on the search screen, as CSV (UTF-8 with BOM, every
 * cell neutralised against formula injection) or XLSX. Every file is audited as an export with the 宛名番号 it holds.
 * Agents look callers up but take no lists away (least privilege, 第11章).
 */
public interface SubjectListFiles {

	/** The most rows one file holds: the search shows at most {@link SubjectLookup#MAX_LIMIT}. */
	int MAX_ROWS = SubjectLookup.MAX_LIMIT;

	/**
	 * The search results as a file: 宛名番号, 申請書管理番号, 氏名カナ, 氏名, 生年月日 (western and 和暦), 区, 住所, 状態.
	 *
	 * @param rows    the results as shown, at most {@link #MAX_ROWS}
	 * @param xlsx    XLSX if true, CSV otherwise
	 * @param channel the screen, for the audit trail
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if there are more than {@link #MAX_ROWS} rows
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER', 'OPERATOR', 'CITY_STAFF')")
	ImportDownload searchResults(List<SubjectSummary> rows, boolean xlsx, String channel);
}
