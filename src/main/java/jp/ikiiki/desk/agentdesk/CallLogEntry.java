package jp.ikiiki.desk.agentdesk;

import java.math.BigDecimal;
import java.time.Instant;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;

/**
 * One call as the agent logged it.
 *
 * @param id                 the entry
 * @param linkedId           the AMI call (Asterisk's Linkedid, the key of the call record), or null when manual
 * @param manual             logged without telephony (a walk-in, a call during an AMI gap)
 * @param callerNumber       the caller's number, or null (withheld, or not given); personal data
 * @param waitSeconds        seconds the caller waited in the queue, or null
 * @param memberInterface    the queue member (phone) the call was connected to, or null
 * @param agent              the agent's user name
 * @param startedAt          when the call was connected (or the manual entry opened)
 * @param subjectId          the subject linked (宛名番号), or null
 * @param callerKind         who called, or null while not chosen
 * @param category           the inquiry category, or null while not chosen
 * @param note               the agent's note; never null
 * @param manualEntryId      the answer-manual entry used, or null
 * @param manualEntryVersion its version, or null
 * @param outcome            how it was closed, or null while open
 * @param closedAt           when it was closed, or null while open
 */
public record CallLogEntry(long id, String linkedId, boolean manual, String callerNumber, BigDecimal waitSeconds,
		String memberInterface, String agent, Instant startedAt, String subjectId, CallerKind callerKind,
		InquiryCategory category, String note, Long manualEntryId, Integer manualEntryVersion, Outcome outcome,
		Instant closedAt) {

	/** Whether the entry is still open. */
	public boolean open() {
		return closedAt == null;
	}

	@Override
	public String toString() {
		return "CallLogEntry[id=" + id + ", linkedId=" + linkedId + ", manual=" + manual + ", outcome=" + outcome + "]";
	}
}
