package jp.ikiiki.desk.escalations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Escalated cases (第6章1(3)). A case is opened for every call log entry closed with "needs the city's instruction"
 * ({@code agentdesk.InquiryClosed}) or by a floor manager, then moves OPEN → REPORTED → INSTRUCTED → CALLED_BACK →
 * CLOSED one step at a time; each step records who, when and its text, and is written to the audit trail, as is
 * every read (cases name subjects; the caller's number is personal data). Refusals are
 * {@link jp.ikiiki.desk.shared.DomainException}s with the reason in Japanese: an unknown case is a
 * {@link jp.ikiiki.desk.shared.NotFoundException}, a step out of order an {@link EscalationStateException}, bad
 * input an {@link jp.ikiiki.desk.shared.InvalidInputException}.
 */
public interface Escalations {

	/**
	 * Cases, oldest first, without caller numbers.
	 *
	 * @param state     only cases in this state, or null for all
	 * @param staleOnly only cases whose age is at the alert threshold
	 * @param channel   the screen or API call, for the audit trail
	 */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	List<EscalationCase> list(EscalationState state, boolean staleOnly, String channel);

	/** Cases per state (every state present, zero included) and the number of stale cases. */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	Counts counts();

	/**
	 * One case; with the caller's number for agents and floor managers (city staff do not call back).
	 *
	 * @param channel the screen or API call, for the audit trail
	 */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER','CITY_STAFF')")
	Optional<EscalationCase> find(long id, String channel);

	/**
	 * Opens a case by hand (a question that reached the centre other than through a logged call). A 宛名番号, when
	 * given, must be a subject's (looked up, and audited, as any look-up).
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException on a blank inquiry, a field too long, or a 宛名番号 that is
	 *                                                     not digits or names no subject
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	EscalationCase open(NewCase newCase, String channel);

	/**
	 * OPEN → REPORTED: what was reported to the city.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException     on an unknown case
	 * @throws jp.ikiiki.desk.shared.InvalidInputException on a blank or too long text
	 * @throws EscalationStateException                    if the case is not OPEN
	 */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER')")
	EscalationCase report(long id, String report, String channel);

	/**
	 * REPORTED → INSTRUCTED: the city's instruction, entered by city staff in their console (or by a floor manager
	 * when the city gave it by telephone).
	 *
	 * @throws EscalationStateException if the case is not REPORTED
	 */
	@PreAuthorize("hasAnyRole('CITY_STAFF','FLOOR_MANAGER')")
	EscalationCase instruct(long id, String instruction, String channel);

	/**
	 * INSTRUCTED → CALLED_BACK: the caller was told the answer.
	 *
	 * @throws EscalationStateException if the case is not INSTRUCTED
	 */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER')")
	EscalationCase calledBack(long id, String note, String channel);

	/**
	 * CALLED_BACK → CLOSED.
	 *
	 * @param note anything to add, or null
	 * @throws EscalationStateException if the case is not CALLED_BACK
	 */
	@PreAuthorize("hasAnyRole('AGENT','FLOOR_MANAGER')")
	EscalationCase close(long id, String note, String channel);

	/**
	 * A case opened by hand.
	 *
	 * @param subjectId    宛名番号, or null
	 * @param callerNumber the number to call back, or null
	 * @param category     the inquiry category, or null
	 * @param inquiry      what was asked; not blank
	 */
	record NewCase(String subjectId, String callerNumber, String category, String inquiry) {
	}

	/** Cases per state and the stale ones. */
	record Counts(Map<EscalationState, Long> byState, long stale) {
	}
}
