package jp.ikiiki.desk.agentdesk;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.ikiiki.desk.mailings.SubjectMailings;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.subjects.SubjectDetail;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The agent's desk (第6章1): the agent binds to a queue member (their phone) for the length of their console
 * session; when a queue call connects to that member, a call log entry is opened for the agent and every page the
 * agent has open is told; the agent links the subject (or says who called), picks the inquiry category, notes what
 * was said and which answer-manual entry was used (with what was mailed to the subject at hand) — each change kept as a draft of the entry — and closes the entry
 * with an outcome, which publishes {@link InquiryClosed}. Every method acts for the signed-in user; every read of a
 * caller's data and every change of the call log is audited. Refusals are {@link jp.ikiiki.desk.shared.DomainException}s
 * with the reason in Japanese.
 */
@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER')")
public interface AgentDesk {

	/** Channel name of the desk in the audit trail. */
	String CHANNEL = "画面:受付デスク";

	/** The most subjects one search of the desk lists. */
	int SUBJECT_RESULTS = 20;

	/** The queue members (phones) known from the telephony, with the agent bound to each. */
	List<DeskMember> members();

	/** The signed-in user's binding, if any. */
	Optional<DeskBinding> binding();

	/**
	 * Binds the signed-in user to a member for as long as the console session {@code sessionId} lasts, replacing
	 * the user's earlier binding. The binding ends when the user releases it or signs out, when the session times
	 * out, and when the application stops.
	 *
	 * @param sessionId the id of the user's HTTP session (kept only as a hash)
	 * @throws jp.ikiiki.desk.shared.NotFoundException      if the member is unknown to the telephony
	 * @throws jp.ikiiki.desk.shared.StateConflictException if another agent is bound to it
	 */
	DeskBinding bind(String queue, String memberInterface, String sessionId);

	/** Releases the signed-in user's binding (nothing if none). */
	void release();

	/**
	 * Registers one of the signed-in user's pages for pops: {@code onPop} gets each call connected to the user's
	 * member, with the entry opened for it, on the telephony's thread (hand it to the UI). Returns the handle that
	 * unregisters it. Entries opened while no page is registered wait in {@link #openEntries()}.
	 */
	Runnable subscribe(Consumer<IncomingCall> onPop);

	/**
	 * One entry as the desk shows it: the call, its draft, the earlier calls from its number (call log and call
	 * records) and the subjects linked on earlier calls from the number. Audited as VIEW with the subjects shown.
	 * Remembered as the entry the agent worked on last (see {@link #resume()}).
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException if there is no such entry or it is another agent's (floor
	 *                                                 managers see all)
	 */
	ScreenPop pop(long callLogId);

	/**
	 * The open entry to show when the agent comes (back) to the desk: the one they worked on last, or a call that
	 * connected after that; empty when the agent has no open entry.
	 */
	Optional<Long> resume();

	/** The signed-in user's open entries, newest first. */
	List<CallLogEntry> openEntries();

	/**
	 * Opens a manual entry (no telephony: a walk-in, a call while the telephony data had a gap).
	 *
	 * @param callerNumber the number the caller gave, or blank
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the number is not digits
	 */
	CallLogEntry startManual(String callerNumber);

	/**
	 * The subject look-up (see {@link jp.ikiiki.desk.subjects.SubjectLookup#search}): the single search box (kana,
	 * numbers, birth date, name or address), at most {@link #SUBJECT_RESULTS} results and whether there are more.
	 * Audited by the look-up.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the text has no criterion or cannot be read
	 */
	SubjectResults findSubjects(String text);

	/**
	 * What the desk shows of a linked subject (the look-up's detail, without bank details). Audited as VIEW.
	 *
	 * @return empty if there is no subject with this 宛名番号
	 */
	Optional<SubjectDetail> subject(String addressNumber);

	/**
	 * What was mailed to a subject — booklets, notices, forms: being prepared, sent (発送日, the 引受番号 of registered
	 * mail, which reissue) or pulled out — and the reissue count, for a caller who asks when something was sent.
	 * Audited as VIEW (by the mailings module, with the desk's channel).
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the text is not a 宛名番号
	 */
	SubjectMailings mailings(String addressNumber);

	/** Current answer-manual entries for the text, at most 20. */
	List<ManualEntry> searchManual(String text);

	/**
	 * Keeps what the agent has filled in as the entry's draft (every change on the desk), so that switching to
	 * another entry or page, a reload or a new browser tab loses nothing. Not audited: the entry is written, and
	 * audited, when it is closed.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      if there is no such entry or it is another agent's
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the entry is closed
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  if a value cannot be kept (a note too long, a
	 *                                                      宛名番号 that is not digits, an unknown category)
	 */
	void saveDraft(long callLogId, CallLogDraft draft);

	/**
	 * Writes the draft into the entry and closes it with the draft's outcome, drops the draft and publishes
	 * {@link InquiryClosed}. A category, an outcome and a subject or who called are required, and a call needing
	 * the city's instruction needs a note. Audited as UPDATE.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming everything missing; nothing changes
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the entry was closed meanwhile
	 */
	CallLogEntry close(long callLogId, CallLogDraft draft);
}
