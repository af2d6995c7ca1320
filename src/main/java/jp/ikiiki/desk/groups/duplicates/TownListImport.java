package jp.ikiiki.desk.groups.duplicates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a town list import read, refused and (unless a dry run or refused) did. */
final class TownListImport {

	private TownListImport() {
	}

	/**
	 * The result of one import.
	 *
	 * @param importId        the import kept, null when nothing was written (dry run or refused)
	 * @param town            the town
	 * @param dryRun          nothing was to be written
	 * @param applied         the town's list was replaced by this file
	 * @param rows            data rows read
	 * @param entries         rows accepted
	 * @param refused         rows refused (one problem or more each)
	 * @param previousEntries entries of the list this import replaces (or would replace)
	 * @param ignoredColumns  headings of the file that are none of the accepted columns
	 * @param problems        every refusal: row, column, value, reason
	 */
	record Outcome(Long importId, Town town, boolean dryRun, boolean applied, int rows, int entries, int refused,
			int previousEntries, List<String> ignoredColumns, List<Problem> problems) {

		Outcome {
			ignoredColumns = List.copyOf(ignoredColumns);
			problems = List.copyOf(problems);
		}
	}

	/**
	 * A refusal.
	 *
	 * @param row    the row of the file (the header is row 1); 0 for the file as a whole
	 * @param column the column's heading, null for the row as a whole
	 * @param value  the cell as found, control characters made visible, cut at 60 characters
	 * @param reason why, in Japanese
	 */
	record Problem(long row, String column, String value, String reason) {
	}

	/** The list a town has now: its last import. */
	record Current(Town town, Long importId, String fileName, LocalDate importedOn, String importedBy,
			Instant importedAt, int entries) {
	}
}
