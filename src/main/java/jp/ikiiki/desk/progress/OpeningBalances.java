package jp.ikiiki.desk.progress;

import java.io.InputStream;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The one-off load of the predecessor's 別紙3 data for one business year (第9章1(1)): the 84 columns as the city's
 * progress file, of which columns 49–84 are taken for the year. Validated like any import: every refusal names the row,
 * the column and the reason; a row is refused when the person is not a subject, a cell does not fit its column, the
 * figures do not add up, or this system already produced the year for the person (a booklet received or verified by
 * the tally). A dry run writes nothing; every run is audited and kept in the history.
 */
public interface OpeningBalances {

	/**
	 * Reads and (unless {@code dryRun}) loads the file.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException   the year is not open, the header is not 別紙3, or the file
	 *                                                       cannot be read (nothing is loaded)
	 * @throws jp.ikiiki.desk.shared.StateConflictException  another opening import is running
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Outcome load(int businessYear, String fileName, InputStream content, boolean dryRun, String channel);

	/**
	 * What a load did or (dry run) would do.
	 *
	 * @param importId  the history entry
	 * @param dryRun    nothing was written
	 * @param rows      data rows read
	 * @param inserted  years recorded for the first time
	 * @param updated   years whose earlier opening or migrated values were replaced
	 * @param unchanged rows equal to what is recorded
	 * @param refused   rows refused
	 * @param problems  every refusal, by row
	 */
	record Outcome(long importId, boolean dryRun, int rows, int inserted, int updated, int unchanged, int refused,
			List<Problem> problems) {

		public Outcome {
			problems = List.copyOf(problems);
		}
	}

	/**
	 * A row refused.
	 *
	 * @param row    line in the file (header = 1)
	 * @param column the column's 別紙3 header; null for the row as a whole
	 * @param value  the cell as found (control characters made visible); empty if none
	 * @param reason why, in Japanese
	 */
	record Problem(long row, String column, String value, String reason) {
	}
}
