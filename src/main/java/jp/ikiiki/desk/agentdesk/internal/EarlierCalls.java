package jp.ikiiki.desk.agentdesk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;

/** Merges a number's earlier call log entries and call records into the pop's list. Pure. */
final class EarlierCalls {

	private EarlierCalls() {
	}

	/**
	 * The logged entries, and the recorded calls nobody logged (unanswered ones, mostly), newest first, at most
	 * {@code limit}; the current call ({@code currentLinkedId}) is left out.
	 */
	static List<EarlierCall> merge(String currentLinkedId, List<CallLogEntry> logged, List<CallRecord> recorded,
			int limit) {
		List<EarlierCall> all = new ArrayList<>();
		Set<String> loggedCalls = new HashSet<>();
		for (CallLogEntry e : logged) {
			if (e.linkedId() != null) {
				loggedCalls.add(e.linkedId());
			}
			if (e.linkedId() != null && e.linkedId().equals(currentLinkedId)) {
				continue;
			}
			String result = e.outcome() == null ? "対応中" : e.outcome().label();
			all.add(new EarlierCall(e.startedAt(), true, e.manual() ? result + "（手動記録）" : result,
					e.category() == null ? null : e.category().fullName(), e.note() == null ? "" : e.note(), e.agent(),
					e.subjectId()));
		}
		for (CallRecord r : recorded) {
			if (r.linkedId().equals(currentLinkedId) || loggedCalls.contains(r.linkedId())) {
				continue;
			}
			all.add(new EarlierCall(r.arrivedAt(), false, label(r.outcome()), null, "", r.member(), null));
		}
		all.sort(Comparator.comparing(EarlierCall::at).reversed());
		return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
	}

	static String label(CallOutcome outcome) {
		return switch (outcome) {
			case ANSWERED -> "応答（記録なし）";
			case ABANDONED -> "放棄";
			case TIMEOUT -> "タイムアウト";
			case REFUSED -> "話中（回線超過）";
		};
	}
}
