package jp.ikiiki.desk.subjects;

import java.util.List;
import java.util.Optional;

/**
 * The history of subject imports: every attempt, its システム更新結果報告書 and its problems. Operators see all
 * of it; city staff may list the history and download reports. Every download is recorded in the audit trail.
 */
public interface SubjectImportHistory {

	/** Imports, newest first; {@code limit} is capped at 1,000. OPERATOR, CITY_STAFF. */
	List<SubjectImportSummary> list(int offset, int limit);

	/** How many imports the history holds. OPERATOR, CITY_STAFF. */
	int count();

	/** One import, or empty. OPERATOR, CITY_STAFF. */
	Optional<SubjectImportSummary> find(long importId);

	/** The problems of one import in file order; {@code limit} is capped at 10,000. OPERATOR. */
	List<ImportProblem> problems(long importId, int offset, int limit);

	/**
	 * The システム更新結果報告書 (XLSX) of an import; empty if there is no such import or report. Audited as a
	 * download. OPERATOR, CITY_STAFF.
	 *
	 * @param channel the screen or API call, for the audit trail
	 */
	Optional<ImportDownload> report(long importId, String channel);

	/** The problems as CSV (UTF-8 with BOM, opens in Excel): 行, 項目, 値, 理由, 種別. Audited. OPERATOR. */
	Optional<ImportDownload> problemsCsv(long importId, String channel);

	/** The problems as XLSX, same columns. Audited. OPERATOR. */
	Optional<ImportDownload> problemsXlsx(long importId, String channel);
}
