package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Call lists carry caller numbers (personal data): agents (the desk's earlier calls and callback list), floor
 * managers and the city, and every read is audited.
 */
@Service
@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER', 'CITY_STAFF')")
class JdbcCallRecords implements CallRecords {

	private final CallQueries queries;
	private final AuditTrail audit;

	JdbcCallRecords(CallQueries queries, AuditTrail audit) {
		this.queries = queries;
		this.audit = audit;
	}

	@Override
	public List<CallRecord> between(Instant from, Instant to, String channel) {
		if (from == null || to == null) {
			throw new InvalidInputException("from", "from と to を指定してください");
		}
		if (!to.isAfter(from)) {
			throw new InvalidInputException("to", "to (" + to + ") は from (" + from + ") より後にしてください");
		}
		List<CallRecord> calls = queries.records(from, to, MAX_CALLS);
		audit.record(AuditAction.VIEW, channel, List.of(),
				"受電記録 " + from + "〜" + to + " " + calls.size() + "件（発信者番号を含む）");
		return calls;
	}

	@Override
	public List<CallRecord> fromCaller(String callerNumber, Instant before, int limit, String channel) {
		if (callerNumber == null || callerNumber.isBlank()) {
			return List.of();
		}
		if (limit < 1 || limit > 100) {
			throw new InvalidInputException("limit", "limit は 1〜100 にしてください: " + limit);
		}
		List<CallRecord> calls = queries.fromCaller(callerNumber.strip(), before, limit);
		audit.record(AuditAction.VIEW, channel, List.of(), "同一番号の受電記録 " + calls.size() + "件（発信者番号を含む）");
		return calls;
	}
}
