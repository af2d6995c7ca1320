package jp.ikiiki.desk.telephony;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One call as recorded from the AMI events, counted once.
 *
 * @param linkedId     Asterisk's Linkedid, the key
 * @param arrivedAt    the call's first event (UTC instant)
 * @param outcome      what happened to it
 * @param inHours      true if it arrived on an open day between opening and closing (Asia/Tokyo)
 * @param waitSeconds  seconds in the queue until answered, abandoned or timed out; 0 for a refused call;
 *                     null if unknown
 * @param ringSeconds  seconds the answering member's phone rang; null unless answered
 * @param talkSeconds  seconds of conversation; null unless answered
 * @param member       the queue member who answered; null unless answered
 * @param callerNumber the caller's number (personal data: never log it); null if withheld
 * @param hungUpBy     which side ended the call
 * @param endedAt      the call's last hang-up
 * @param incomplete   true if some of its events were missed (the AMI connection was lost during the call)
 */
public record CallRecord(String linkedId, Instant arrivedAt, CallOutcome outcome, boolean inHours,
		BigDecimal waitSeconds, Integer ringSeconds, Integer talkSeconds, String member, String callerNumber,
		HungUpBy hungUpBy, Instant endedAt, boolean incomplete) {
}
