package jp.ikiiki.desk.agentdesk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.agentdesk.CallbackItem.Unanswered;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;

/** Builds a day's callback list from its call records and marks. Pure. */
final class Callbacks {

	/** A "called back" mark. */
	record Mark(String by, Instant at, String note) {
	}

	private Callbacks() {
	}

	/**
	 * One item per number with at least one unanswered call (abandoned, timed out, refused); withheld numbers are
	 * left out. "Answered later" is an answered call from the number after its first unanswered one. Latest
	 * unanswered first.
	 */
	static List<CallbackItem> build(List<CallRecord> dayCalls, Map<String, Mark> marks) {
		Map<String, List<CallRecord>> byNumber = new LinkedHashMap<>();
		dayCalls.stream().filter(c -> c.callerNumber() != null && !c.callerNumber().isBlank())
				.sorted(Comparator.comparing(CallRecord::arrivedAt))
				.forEach(c -> byNumber.computeIfAbsent(c.callerNumber(), n -> new ArrayList<>()).add(c));
		List<CallbackItem> items = new ArrayList<>();
		byNumber.forEach((number, calls) -> {
			List<Unanswered> unanswered = calls.stream().filter(c -> c.outcome() != CallOutcome.ANSWERED)
					.map(c -> new Unanswered(c.linkedId(), c.arrivedAt(), c.outcome(), c.waitSeconds())).toList();
			if (unanswered.isEmpty()) {
				return;
			}
			Instant first = unanswered.get(0).at();
			Instant answeredLater = calls.stream()
					.filter(c -> c.outcome() == CallOutcome.ANSWERED && c.arrivedAt().isAfter(first))
					.map(CallRecord::arrivedAt).findFirst().orElse(null);
			Mark mark = marks.get(number);
			items.add(new CallbackItem(number, unanswered, unanswered.get(unanswered.size() - 1).at(), answeredLater,
					mark == null ? null : mark.by(), mark == null ? null : mark.by(), mark == null ? null : mark.at(),
					mark == null ? "" : mark.note()));
		});
		items.sort(Comparator.comparing(CallbackItem::lastUnansweredAt).reversed());
		return items;
	}
}
