package jp.ikiiki.desk.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The daily reports and monthly summaries to the city (第6章1(4)): generated after closing on every open day (the
 * monthly summary on the first open day of the next month) and on demand, kept in every version, listed in the
 * city staff's inbox and e-mailed when SMTP is configured. Floor managers and city staff read them; only floor
 * managers make a new version (the city receives, it does not author, 第6章1(4)). Every generation and download is
 * audited.
 *
 * <p>Refusals are {@link jp.ikiiki.desk.shared.DomainException domain exceptions}: a day or month in the future is
 * an {@link jp.ikiiki.desk.shared.InvalidInputException}, a report id nobody generated a
 * {@link jp.ikiiki.desk.shared.NotFoundException}.
 */
public interface CityReports {

	/**
	 * The content of a day's report as it would be generated now, not stored. Today's report is incomplete
	 * ({@link Report#complete()}): it covers the day up to now.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a missing day or a day in the future
	 */
	Report preview(LocalDate day);

	/**
	 * The content of a month's summary as it would be generated now, not stored; for the current month, the days
	 * up to today.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a missing month or a month in the future
	 */
	Report previewMonth(YearMonth month);

	/**
	 * Generates and stores a new version of a day's report (a regeneration keeps the older versions), queues its
	 * e-mail when mail is configured, and audits the act. Floor managers only.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a missing day or a day in the future
	 */
	StoredReport generateDaily(LocalDate day);

	/**
	 * Like {@link #generateDaily} for a month (not after the current month).
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a missing month or a month in the future
	 */
	StoredReport generateMonthly(YearMonth month);

	/**
	 * A page of the inbox: every stored version that matches, in the query's order; {@code read} is the current
	 * user's.
	 *
	 * @param offset rows to skip, 0 or more
	 * @param limit  rows at most, 1..500
	 */
	List<StoredReport> inbox(InboxQuery query, int offset, int limit);

	/** How many stored versions match the query. */
	int count(InboxQuery query);

	/** Reports the current user has not opened. */
	int unread();

	/**
	 * The file of a stored report, exactly as generated; marks it read for the current user and audits the
	 * download.
	 *
	 * @param channel the screen or API asking, for the audit trail
	 * @throws jp.ikiiki.desk.shared.NotFoundException when no report has that id
	 */
	ReportFile download(long reportId, ReportFormat format, String channel);

	/**
	 * The latest stored version of a day's report in a format, or, when none has been stored, the report generated
	 * now without storing it. Audited as a download.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a day in the future
	 */
	ReportFile latestDaily(LocalDate day, ReportFormat format, String channel);

	/**
	 * Like {@link #latestDaily} for a month's summary.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a month in the future
	 */
	ReportFile latestMonthly(YearMonth month, ReportFormat format, String channel);

	/**
	 * Sends a report's e-mail again, deliberately: for a mail whose delivery is unknown (送信不明, its sending node
	 * stopped before recording the outcome — check with the city first) or given up. The mail goes out at the
	 * leader's next check with a new Message-ID; audited. Floor managers only.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException when no report has that id
	 * @throws jp.ikiiki.desk.shared.StateConflictException when its mail is neither 送信不明 nor given up
	 */
	StoredReport resendMail(long reportId, String channel);

	/** Whether reports are e-mailed: SMTP configured ({@code spring.mail.host}) and addresses given. */
	boolean mailConfigured();
}
