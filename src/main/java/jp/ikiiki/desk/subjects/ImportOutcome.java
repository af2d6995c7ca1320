package jp.ikiiki.desk.subjects;

import java.util.List;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * What an import did (or, for a dry run, a held or a blocked import, would do).
 *
 * @param importId     id in the import history (every attempt is kept, with its システム更新結果報告書)
 * @param status       what came of it; only {@link Status#APPLIED} changed anything
 * @param hold         why the file is held for a floor manager's confirmation (status HELD), or — on a dry run —
 *                     why applying it would be held; null when the mass-ending guard has nothing to say
 * @param detectedKind for {@link Status#WRONG_KIND}: the kind of file the header shows it is; otherwise null
 * @param added        subjects new to the system
 * @param changed      subjects whose data changed (the report lists the fields)
 * @param ended        subjects absent from this full file that were active before it (kept, marked ended)
 * @param rejected     rows rejected
 * @param flagged      rows imported with characters flagged for 外字 review
 * @param problems     every problem, in file order
 */
public record ImportOutcome(long importId, Status status, Hold hold, SubjectFileKind detectedKind, int added,
		int changed, int ended, int rejected, int flagged, List<ImportProblem> problems) {

	/** What came of an import. */
	public enum Status {
		/** The file was applied to the subjects. */
		APPLIED,
		/** Nothing changed: the outcome is what applying would do. */
		DRY_RUN,
		/** Nothing changed: rejected rows (without acceptValid), no valid row, or a file that cannot be read. */
		BLOCKED,
		/** Nothing changed: the header is that of the other city file (別紙2 chosen for a 別紙3 file, say). */
		WRONG_KIND,
		/** Nothing changed yet: the file would end too many subjects; a floor manager must confirm it. */
		HELD
	}

	/**
	 * Why a file is held by the mass-ending guard (see {@link SubjectsProperties.Guard}).
	 *
	 * @param ended     subjects the file ends: the number a confirmation must carry
	 * @param active    subjects of the file's kind active before it
	 * @param validRows valid rows of the file
	 * @param reasons   each rule the file breaks, as a Japanese sentence
	 */
	public record Hold(int ended, int active, int validRows, List<String> reasons) {

		public Hold {
			reasons = List.copyOf(reasons);
		}
	}
}
