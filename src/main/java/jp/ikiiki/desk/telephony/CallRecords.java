package jp.ikiiki.desk.telephony;

import java.time.Instant;
import java.util.List;

/** The recorded calls. Caller numbers are personal data: every read is written to the audit trail. */
public interface CallRecords {

	/** Most calls one request returns. */
	int MAX_CALLS = 10_000;

	/**
	 * Calls that arrived in {@code [from, to)}, oldest first, at most {@link #MAX_CALLS}.
	 *
	 * @param channel the screen or API call asking, for the audit trail, e.g. {@code GET /api/calls}
	 * @throws IllegalArgumentException if {@code to} is not after {@code from}
	 */
	List<CallRecord> between(Instant from, Instant to, String channel);
}
