package jp.ikiiki.desk.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The daily reports and monthly summaries to the city (第6章1(4)): generated after closing on every open day (the
 * monthly summary on the first open day of the next month) and on demand, kept in every version, listed in the
 * city staff's inbox and e-mailed when SMTP is configured. Floor managers and city staff only; every generation
 * and download is audited.
 */
public interface CityReports {

	/**
	 * The content of a day's report as it would be generated now, not stored.
	 *
	 * @throws IllegalArgumentException for a day in the future
	 */
	Report preview(LocalDate day);

	/** The content of a month's summary as it would be generated now, not stored. */
	Report previewMonth(YearMonth month);

	/**
	 * Generates and stores a new version of a day's report (a regeneration keeps the older versions), queues its
	 * e-mail when mail is configured, and audits the act.
	 *
	 * @throws IllegalArgumentException for a day in the future
	 */
	StoredReport generateDaily(LocalDate day);

	/** Like {@link #generateDaily} for a month (not after the current month). */
	StoredReport generateMonthly(YearMonth month);

	/** The inbox, newest period first, every version; {@code read} is the current user's. */
	List<StoredReport> inbox(int offset, int limit);

	/** Reports the current user has not opened. */
	int unread();

	/**
	 * The file of a stored report, exactly as generated; marks it read for the current user and audits the
	 * download.
	 *
	 * @param channel the screen or API asking, for the audit trail
	 */
	Optional<ReportFile> download(long reportId, ReportFormat format, String channel);

	/**
	 * The latest stored version of a period's report in a format, or, when none has been stored, the report
	 * generated now without storing it. Audited as a download.
	 *
	 * @param period {@code 2026-11-24} for {@link ReportKind#DAILY}, {@code 2026-11} for monthly
	 */
	ReportFile latest(ReportKind kind, String period, ReportFormat format, String channel);

	/** Whether reports are e-mailed: SMTP configured ({@code spring.mail.host}) and addresses given. */
	boolean mailConfigured();
}
