package jp.ikiiki.desk.agentdesk;

import java.util.List;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * The subjects the desk's search found.
 *
 * @param subjects at most {@code limit}, in the look-up's order
 * @param more     true when more subjects match than are listed: the agent should narrow the search
 * @param limit    how many the desk lists at most
 */
public record SubjectResults(List<SubjectSummary> subjects, boolean more, int limit) {

	public SubjectResults {
		subjects = List.copyOf(subjects);
	}
}
