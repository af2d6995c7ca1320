package jp.ikiiki.desk.agentdesk;

import java.util.List;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.subjects.SubjectSummary;

/**
 * What the desk shows for one entry: the call (caller number, wait), what the agent has filled in so far (the
 * draft, or the entry's own values once closed), the earlier calls from the same number, newest first, and the
 * subjects agents linked on earlier calls from that number (the caller's number matched against the subjects
 * through the call log: the city's files carry no telephone numbers).
 *
 * @param manualEntry the answer-manual entry (and version) the draft names, or null
 */
public record ScreenPop(CallLogEntry entry, CallLogDraft draft, ManualEntry manualEntry, List<EarlierCall> earlierCalls,
		List<SubjectSummary> knownSubjects) {

	public ScreenPop {
		earlierCalls = List.copyOf(earlierCalls);
		knownSubjects = List.copyOf(knownSubjects);
	}
}
