package jp.ikiiki.desk.agentdesk;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The callback list (第6章1): the day's abandoned, timed-out and refused callers by number, with whether they called
 * again and were answered, and the agents' "called back" marks. Calls whose number was withheld cannot be called
 * back and are left out. Reading is audited (caller numbers), and so is every mark.
 */
@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER')")
public interface CallbackList {

	/** Channel name in the audit trail. */
	String CHANNEL = "画面:折返しリスト";

	/** The callers of {@code day} (Asia/Tokyo), the latest unanswered first. */
	List<CallbackItem> day(LocalDate day);

	/**
	 * Marks a number of {@code day} as called back, with a note (replacing an earlier mark).
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the day or the number is missing
	 */
	void markCalledBack(LocalDate day, String callerNumber, String note);
}
