package jp.ikiiki.desk.reports;

/**
 * Which stored reports the inbox lists, and in what order.
 *
 * @param unreadOnly true: only the versions the current user has not opened
 * @param kind       only daily or only monthly reports; null for both
 * @param sort       the column to sort by; ties are broken by period (newest first), kind and version (newest
 *                   first)
 * @param descending true for the largest (newest, unread first) first
 */
public record InboxQuery(boolean unreadOnly, ReportKind kind, Sort sort, boolean descending) {

	/** Every version, newest period first: the inbox as it opens. */
	public static final InboxQuery ALL = new InboxQuery(false, null, Sort.PERIOD, true);

	public InboxQuery {
		sort = sort == null ? Sort.PERIOD : sort;
	}

	/** What the inbox can be sorted by. */
	public enum Sort {
		/** The first day the report covers. */
		PERIOD,
		/** 日報 before 月報. */
		KIND,
		/** 第n版. */
		VERSION,
		/** When it was generated. */
		GENERATED_AT,
		/** 受電数. */
		RECEIVED,
		/** 応答数. */
		ANSWERED,
		/** 応答率 (reports without calls last). */
		ANSWER_RATE,
		/** Unread before read (descending) or read first (ascending). */
		READ,
		/** The e-mail's status. */
		MAIL
	}
}
