package jp.ikiiki.desk.subjects;

/**
 * How an import runs.
 *
 * @param dryRun      validate and compute the outcome, change nothing (the import is still kept in the history)
 * @param acceptValid import the valid rows even if other rows were rejected (the rejected ones are only reported);
 *                    without it, any rejected row blocks the whole import. A file with no valid row is never applied
 */
public record ImportOptions(boolean dryRun, boolean acceptValid) {
	public static final ImportOptions APPLY = new ImportOptions(false, false);
}
