package jp.ikiiki.desk.platform.ui;

import java.util.List;

/**
 * What a module has for the signed-in person to do now, for the home page and the menu's counts: open call logs
 * and callbacks for an agent, waiting cases for a floor manager, unread reports for the city, imports and batches
 * in progress for an operator. One bean per module that has such work; each decides by the person's roles
 * ({@link jp.ikiiki.desk.shared.CurrentUser}) what to show and returns nothing for a role the work is not for.
 * Must be cheap (a count query or two): the home page and the menu ask every provider on every visit.
 */
public interface WorkItems {

	/** The items for the signed-in person, in the order to show them; empty when there is nothing for them. */
	List<WorkItem> forCurrentUser();

	/**
	 * One thing to do.
	 *
	 * @param title   what it is, in Japanese (「未完了の通話記録」)
	 * @param count   how many (0 is shown as "none", not hidden, when the item is part of the person's day)
	 * @param route   the console route that deals with it (also where the menu shows the count), e.g. {@code desk}
	 * @param urgency how it is shown
	 * @param detail  one sentence more (oldest waiting since …), or null
	 */
	record WorkItem(String title, long count, String route, Urgency urgency, String detail) {
	}

	/** How a work item is shown. */
	enum Urgency {
		/** Part of the day, nothing late. */
		NORMAL,
		/** Needs attention soon (ageing, close to a deadline). */
		ATTENTION,
		/** Late or failing: shown first, in red. */
		OVERDUE
	}
}
