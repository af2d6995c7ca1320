package jp.ikiiki.desk.escalations;

import java.time.Instant;

/**
 * One case with every step's who, when and text, and its age.
 *
 * @param id                 the case number
 * @param state              where it stands
 * @param callLogId          the call log entry it came from, or null when a floor manager opened it
 * @param linkedId           the AMI call (Asterisk's Linkedid), or null
 * @param subjectId          the subject (宛名番号) the agent linked, or null
 * @param callerNumber       the caller's number (personal data, never logged); filled only by
 *                           {@link Escalations#find} for the contractor's staff, null in lists and for city staff
 * @param category           the inquiry category's full name, or null
 * @param inquiry            what the caller asked
 * @param daysOpen           open days (開庁日) since it was opened, until it was closed or until today
 * @param daysWaitingForCity open days since it was reported while the city's instruction is awaited, else null
 * @param ageing             the colour of its age under the configured thresholds
 */
public record EscalationCase(long id, EscalationState state, Long callLogId, String linkedId, String subjectId,
		String callerNumber, String category, String inquiry, Step opened, Step reported, Step instructed,
		Step calledBack, Step closed, int daysOpen, Integer daysWaitingForCity, Ageing ageing) {

	/**
	 * One step: who, when, and the text written with it (the report, the instruction, the callback note).
	 *
	 * @param text null for the opening step (its text is {@link #inquiry()}) or a step taken without a note
	 */
	public record Step(String by, Instant at, String text) {
	}

	/** How a case's age is shown. */
	public enum Ageing {
		NORMAL, WARN, ALERT;

		/** True for a case that has stayed too long (the "stale" filter). */
		public boolean stale() {
			return this == ALERT;
		}
	}

	/** The step that brought the case into its state. */
	public Step lastStep() {
		return switch (state) {
			case OPEN -> opened;
			case REPORTED -> reported;
			case INSTRUCTED -> instructed;
			case CALLED_BACK -> calledBack;
			case CLOSED -> closed;
		};
	}
}
