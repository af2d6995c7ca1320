package jp.ikiiki.desk.telephony.calls;

import java.math.BigDecimal;
import java.time.Instant;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.HungUpBy;

/** A call whose last channel has hung up, with the raw times and Asterisk's figures: one {@code call_record} row. */
record FinishedCall(String linkedId, String queue, CallOutcome outcome, Instant arrivedAt, Instant joinedQueueAt,
		Instant leftQueueAt, Instant connectedAt, Instant endedAt, BigDecimal waitSeconds, Integer ringSeconds,
		Integer talkSeconds, Integer holdTime, String member, String callerNumber, HungUpBy hungUpBy,
		boolean callerHungUpBeforeAbandon, Integer refusedLines, Integer refusedInUse, boolean incomplete) {

	@Override
	public String toString() {
		// never the caller number: records end up in logs
		return "FinishedCall[" + linkedId + " " + outcome + " arrived " + arrivedAt + " wait " + waitSeconds + "]";
	}
}
