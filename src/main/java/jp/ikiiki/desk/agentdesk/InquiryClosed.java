package jp.ikiiki.desk.agentdesk;

import java.time.Instant;

/**
 * Published when an agent closes a call log entry. The escalations module opens a case for every entry closed
 * with {@link Outcome#NEEDS_INSTRUCTION}.
 *
 * @param callLogId   the call log entry
 * @param linkedId    the AMI call it logs (Asterisk's Linkedid), or null for a manual entry
 * @param subjectId   the subject the agent linked (宛名番号), or null when the caller is not a subject
 * @param callerNumber the number to call back (personal data: never logged, left out of {@link #toString()}),
 *                    or null when withheld or not given
 * @param category    the inquiry category's full name, e.g. {@code 手帳 / 再交付}
 * @param note        the agent's note
 * @param outcome     how the agent closed it
 * @param agent       the agent's user name
 * @param closedAt    when
 */
public record InquiryClosed(long callLogId, String linkedId, String subjectId, String callerNumber, String category,
		String note, Outcome outcome, String agent, Instant closedAt) {

	/** Without the personal data (subject, caller number, note), so that the event can be logged. */
	@Override
	public String toString() {
		return "InquiryClosed[callLogId=" + callLogId + ", linkedId=" + linkedId + ", outcome=" + outcome + ", agent="
				+ agent + ", closedAt=" + closedAt + "]";
	}

	/** How an agent closes a call. */
	public enum Outcome {
		/** Answered on the call. */
		ANSWERED("回答済"),
		/** The agent calls the caller back. */
		CALL_BACK("折返し"),
		/** The agent cannot answer: the city's instruction is needed (第6章1(3)). */
		NEEDS_INSTRUCTION("市の指示待ち");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		/** The Japanese label. */
		public String label() {
			return label;
		}
	}
}
