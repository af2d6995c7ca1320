package jp.ikiiki.desk.agentdesk;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.subjects.SubjectSummary;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The agent's desk (issue 4 point 1, 第6章1): the agent binds to a queue member; when a queue call connects to that
 * member, a call log entry is opened for the agent and the desk pops; the agent links the subject (or says who
 * called), picks the inquiry category, notes what was said and which answer-manual entry was used, and closes the
 * entry with an outcome, which publishes {@link InquiryClosed}. Every method acts for the signed-in user; every
 * read of a caller's data and every change is audited.
 */
@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER')")
public interface AgentDesk {

	/** Channel name of the desk in the audit trail. */
	String CHANNEL = "画面:受付デスク";

	/** The queue members (phones) known from the telephony, with the agent bound to each. */
	List<DeskMember> members();

	/** The signed-in user's binding, if any. */
	Optional<DeskBinding> binding();

	/**
	 * Binds the signed-in user to a member, replacing the user's earlier binding. Kept until released.
	 *
	 * @throws IllegalArgumentException if the member is unknown to the telephony or bound to another agent
	 */
	DeskBinding bind(String queue, String memberInterface);

	/** Releases the signed-in user's binding (nothing if none). */
	void release();

	/**
	 * Registers the signed-in user's desk for pops: {@code onPop} gets the id of the call log entry opened for
	 * each call connected to the user's member, on the telephony's thread (hand it to the UI). Returns the handle
	 * that unregisters it.
	 */
	Runnable subscribe(LongConsumer onPop);

	/**
	 * The pop of one entry: the call and the earlier calls from its number (call log and call records). Audited as
	 * VIEW with the subjects the earlier calls name.
	 *
	 * @throws IllegalArgumentException if there is no such entry or it is another agent's (floor managers see all)
	 */
	ScreenPop pop(long callLogId);

	/** The signed-in user's open entries, newest first. */
	List<CallLogEntry> openEntries();

	/**
	 * Opens a manual entry (no telephony: a walk-in, a call while the telephony data had a gap).
	 *
	 * @param callerNumber the number the caller gave, or blank
	 */
	CallLogEntry startManual(String callerNumber);

	/**
	 * The subject look-up (see {@link jp.ikiiki.desk.subjects.SubjectLookup#search}): the single search box (kana,
	 * numbers, birth date, name or address), at most 20 results. Audited by the look-up.
	 *
	 * @throws IllegalArgumentException with a Japanese message if the text has no criterion
	 */
	List<SubjectSummary> findSubjects(String text);

	/** Current answer-manual entries for the text, at most 20. */
	List<ManualEntry> searchManual(String text);

	/**
	 * Saves what the agent filled in, leaving the entry open. Audited as UPDATE.
	 *
	 * @throws IllegalArgumentException with a Japanese message (unknown category or manual entry, entry closed,
	 *                                  another agent's entry)
	 */
	CallLogEntry save(long callLogId, CallLogDraft draft);

	/**
	 * Saves and closes the entry with an outcome, and publishes {@link InquiryClosed}. A category is required, a
	 * subject or who called is required, and a call needing the city's instruction needs a note. Audited as UPDATE.
	 *
	 * @throws IllegalArgumentException with a Japanese message naming what is missing; nothing changes
	 */
	CallLogEntry close(long callLogId, CallLogDraft draft, Outcome outcome);
}
