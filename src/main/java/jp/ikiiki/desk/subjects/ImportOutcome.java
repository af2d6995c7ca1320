package jp.ikiiki.desk.subjects;

import java.util.List;

/**
 * What an import did (or, for a dry run or a blocked import, would do).
 *
 * @param importId id in the import history (every attempt is kept, with its システム更新結果報告書)
 * @param status   APPLIED, DRY_RUN or BLOCKED (rejected rows and no acceptValid: nothing changed)
 * @param added    subjects new to the system
 * @param changed  subjects whose data changed (the report lists the fields)
 * @param ended    subjects absent from this full file that were present in the last one (kept, marked ended)
 * @param rejected rows rejected
 * @param flagged  rows imported with characters flagged for 外字 review
 * @param problems every problem, in file order
 */
public record ImportOutcome(long importId, Status status, int added, int changed, int ended, int rejected, int flagged,
		List<ImportProblem> problems) {

	public enum Status {
		APPLIED, DRY_RUN, BLOCKED
	}
}
