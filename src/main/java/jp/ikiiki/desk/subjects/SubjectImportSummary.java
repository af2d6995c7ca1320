package jp.ikiiki.desk.subjects;

import java.time.Instant;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * One entry of the import history: an attempt to import a city file and what came of it. Holds no personal
 * data (file name, counts, who and when).
 *
 * @param id           import id
 * @param kind         which file
 * @param fileName     the file name as uploaded
 * @param fileSha256   SHA-256 of the bytes received (hex), null if the upload could not be read
 * @param format       CSV or XLSX, null if not recognised
 * @param charset      the encoding of a CSV file (UTF-8, UTF-8 (BOM付き), Windows-31J), null for XLSX
 * @param rows         data rows read
 * @param status       what happened
 * @param dryRun       whether it was a dry run
 * @param acceptValid  whether valid rows were to be imported despite rejected ones
 * @param added        subjects added (or, when not applied, that would have been)
 * @param changed      subjects changed
 * @param ended        subjects ended
 * @param rejected     rows rejected
 * @param flagged      rows imported with 外字 flags
 * @param problemCount problems found
 * @param importedBy   user name
 * @param startedAt    start
 * @param finishedAt   end, null while running
 * @param hasReport    whether a システム更新結果報告書 is stored
 */
public record SubjectImportSummary(long id, SubjectFileKind kind, String fileName, String fileSha256, String format,
		String charset, int rows, State status, boolean dryRun, boolean acceptValid, int added, int changed, int ended,
		int rejected, int flagged, int problemCount, String importedBy, Instant startedAt, Instant finishedAt,
		boolean hasReport) {

	/** The state of an import attempt. */
	public enum State {
		RUNNING("実行中"), APPLIED("取込済み"), DRY_RUN("試行（変更なし）"), BLOCKED("中止（変更なし）"),
		FAILED("異常終了（変更なし）");

		private final String label;

		State(String label) {
			this.label = label;
		}

		/** Japanese label for screens and reports. */
		public String label() {
			return label;
		}
	}
}
