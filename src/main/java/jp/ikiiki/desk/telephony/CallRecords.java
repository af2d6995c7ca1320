package jp.ikiiki.desk.telephony;

import java.time.Instant;
import java.util.List;

/**
 * The recorded calls. Caller numbers are personal data: every read is written to the audit trail. Agents may read
 * them for the agent desk (earlier calls of a number, the callback list), floor managers and the city for
 * statistics; the call list over HTTP stays with floor managers and the city.
 */
public interface CallRecords {

	/** Most calls one request returns. */
	int MAX_CALLS = 10_000;

	/**
	 * Calls that arrived from {@code from} (included) to {@code to} (excluded), oldest first, at most {@link #MAX_CALLS}.
	 *
	 * @param channel the screen or API call asking, for the audit trail, e.g. {@code GET /api/calls}
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if {@code to} is not after {@code from}
	 */
	List<CallRecord> between(Instant from, Instant to, String channel);

	/**
	 * The latest calls from one number that arrived before {@code before}, newest first, at most {@code limit}
	 * (1 to 100): what an agent needs to see while the number calls again. Audited as VIEW.
	 *
	 * @param callerNumber the number; blank gives no calls
	 * @param channel      the screen asking, for the audit trail
	 */
	List<CallRecord> fromCaller(String callerNumber, Instant before, int limit, String channel);
}
