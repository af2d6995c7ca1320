package jp.ikiiki.desk.telephony;

import java.util.List;

/**
 * The dispatches the line advice takes into account for a stretch of open days (第6章2 ※1), and the rule it applies
 * to each kind.
 *
 * @param dispatches made and planned dispatches whose surge reaches into the stretch, or that fall in it, in date
 *                   order (those past their due date and not made are flagged overdue)
 * @param rules      the rule per kind of those dispatches, and the rule of every kind together
 *                   ({@link SurgeRule#ALL_KINDS})
 * @param surgeDays  open days after a dispatch the rules raise the forecast for
 * @param available  false when no module provides the dispatch schedule (the advice then raises nothing)
 */
public record DispatchOutlook(List<PlannedDispatches.Dispatch> dispatches, List<SurgeRule> rules, int surgeDays,
		boolean available) {

	public DispatchOutlook {
		dispatches = List.copyOf(dispatches);
		rules = List.copyOf(rules);
	}
}
