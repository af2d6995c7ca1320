package jp.ikiiki.desk.subjects;

import java.util.List;
import java.util.Optional;

/**
 * The history of subject imports: every attempt, its システム更新結果報告書 and its problems. Operators see all
 * of it; city staff may list the history and download reports; floor managers see held imports and their reports
 * (they confirm them). Every download is recorded in the audit trail.
 */
public interface SubjectImportHistory {

	/** The orders the history can be listed in. */
	enum Order {
		NEWEST_FIRST, OLDEST_FIRST, KIND, FILE_NAME, STATUS, ROWS, ADDED, CHANGED, ENDED, REJECTED, FLAGGED, IMPORTED_BY
	}

	/** Imports, newest first; {@code limit} is capped at 1,000. OPERATOR, CITY_STAFF. */
	default List<SubjectImportSummary> list(int offset, int limit) {
		return list(offset, limit, Order.NEWEST_FIRST, false);
	}

	/**
	 * Imports in the given order ({@code descending} reverses it; ties newest first); {@code limit} is capped at 1,000.
	 * OPERATOR, CITY_STAFF.
	 */
	List<SubjectImportSummary> list(int offset, int limit, Order order, boolean descending);

	/** How many imports the history holds. OPERATOR, CITY_STAFF. */
	int count();

	/** One import, or empty. OPERATOR, CITY_STAFF, FLOOR_MANAGER. */
	Optional<SubjectImportSummary> find(long importId);

	/**
	 * Imports not over yet: running, or held for a floor manager's confirmation, oldest first. OPERATOR,
	 * FLOOR_MANAGER.
	 */
	List<SubjectImportSummary> pending();

	/** The problems of one import in file order; {@code limit} is capped at 10,000. OPERATOR. */
	List<ImportProblem> problems(long importId, int offset, int limit);

	/**
	 * The システム更新結果報告書 (XLSX) of an import; empty if there is no such import or report. Audited as a
	 * download. OPERATOR, CITY_STAFF; FLOOR_MANAGER for a held import (what a confirmation would apply).
	 *
	 * @param channel the screen or API call, for the audit trail
	 */
	Optional<ImportDownload> report(long importId, String channel);

	/** The problems as CSV (UTF-8 with BOM, opens in Excel): 行, 項目, 値, 理由, 種別. Audited. OPERATOR. */
	Optional<ImportDownload> problemsCsv(long importId, String channel);

	/** The problems as XLSX, same columns. Audited. OPERATOR. */
	Optional<ImportDownload> problemsXlsx(long importId, String channel);

	/**
	 * The history (newest first, at most 10,000 imports) as CSV or XLSX: no personal data, file names, counts, who
	 * and when. Audited as an export. OPERATOR, CITY_STAFF.
	 *
	 * @param xlsx XLSX if true, CSV (UTF-8 with BOM) otherwise
	 */
	ImportDownload historyFile(boolean xlsx, String channel);
}
