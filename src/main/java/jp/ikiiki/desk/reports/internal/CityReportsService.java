package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.reports.CityReports;
import jp.ikiiki.desk.reports.InboxQuery;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportFile;
import jp.ikiiki.desk.reports.ReportFormat;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.reports.StoredReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
@PreAuthorize("hasAnyRole('FLOOR_MANAGER', 'CITY_STAFF')")
class CityReportsService implements CityReports {

	/**
	 * The first day a report can cover: the calls this application records begin long after it, and the calendar
	 * and the era dates the reports print are not meant for the distant past (a typo such as 0026-11-17).
	 */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final ReportBuilder builder;
	private final ReportGenerator generator;
	private final ReportStore store;
	private final ReportMailer mailer;
	private final ReportScheduler scheduler;
	private final AuditTrail audit;
	private final BusinessCalendar calendar;
	private final Clock clock;

	CityReportsService(ReportBuilder builder, ReportGenerator generator, ReportStore store, ReportMailer mailer,
			ReportScheduler scheduler, AuditTrail audit, BusinessCalendar calendar, ObjectProvider<Clock> clock) {
		this.builder = builder;
		this.generator = generator;
		this.store = store;
		this.mailer = mailer;
		this.scheduler = scheduler;
		this.audit = audit;
		this.calendar = calendar;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Report preview(LocalDate day) {
		return builder.daily(notFuture(day));
	}

	@Override
	public Report previewMonth(YearMonth month) {
		return builder.monthly(notFuture(month));
	}

	@Override
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	public StoredReport generateDaily(LocalDate day) {
		long id = generator.daily(notFuture(day), false, "画面:報告書");
		scheduler.sendMailSoon();
		return store.find(id, CurrentUser.name()).orElseThrow();
	}

	@Override
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	public StoredReport generateMonthly(YearMonth month) {
		long id = generator.monthly(notFuture(month), false, "画面:報告書");
		scheduler.sendMailSoon();
		return store.find(id, CurrentUser.name()).orElseThrow();
	}

	@Override
	public List<StoredReport> inbox(InboxQuery query, int offset, int limit) {
		return store.inbox(CurrentUser.name(), query == null ? InboxQuery.ALL : query, Math.max(0, offset),
				Math.min(Math.max(limit, 1), 500));
	}

	@Override
	public int count(InboxQuery query) {
		return store.count(CurrentUser.name(), query == null ? InboxQuery.ALL : query);
	}

	@Override
	public int unread() {
		return store.unread(CurrentUser.name());
	}

	@Override
	public ReportFile download(long reportId, ReportFormat format, String channel) {
		ReportStore.StoredFile f = store.file(reportId, format)
				.orElseThrow(() -> new NotFoundException("報告書 " + reportId + " はありません").with("reportId", reportId));
		String name = ReportGenerator.fileName(f.kind(), f.period(), f.version(), format);
		store.markRead(reportId, CurrentUser.name());
		audit.recordFile(AuditAction.DOWNLOAD, channel, name, "報告書ID " + reportId);
		return new ReportFile(name, format.contentType(), f.content());
	}

	@Override
	public ReportFile latestDaily(LocalDate day, ReportFormat format, String channel) {
		notFuture(day);
		return latest(ReportKind.DAILY, day.toString(), () -> builder.daily(day), format, channel);
	}

	@Override
	public ReportFile latestMonthly(YearMonth month, ReportFormat format, String channel) {
		notFuture(month);
		return latest(ReportKind.MONTHLY, month.toString(), () -> builder.monthly(month), format, channel);
	}

	private ReportFile latest(ReportKind kind, String period, Supplier<Report> now, ReportFormat format,
			String channel) {
		Optional<Long> stored = store.latest(kind, period);
		if (stored.isPresent()) {
			return download(stored.get(), format, channel);
		}
		String name = ReportGenerator.fileName(kind, period, null, format);
		byte[] bytes = generator.render(now.get(), format);
		audit.recordFile(AuditAction.DOWNLOAD, channel, name, kind.title() + " " + period + "（未保存、その場で作成）");
		return new ReportFile(name, format.contentType(), bytes);
	}

	@Override
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	public StoredReport resendMail(long reportId, String channel) {
		StoredReport report = store.find(reportId, CurrentUser.name())
				.orElseThrow(() -> new NotFoundException("報告書 " + reportId + " はありません").with("reportId", reportId));
		if (!report.mail().resendable() || !mailer.resend(reportId, CurrentUser.name())) {
			throw new StateConflictException(report.name() + " のメールは「" + report.mail().status().label()
					+ "」です。再送できるのは送信不明または送信失敗（再試行上限）のメールだけです")
					.with("reportId", reportId).with("mailStatus", report.mail().status().name());
		}
		audit.recordFile(AuditAction.SEND, channel, "report-" + reportId, "報告書ID " + reportId
				+ " のメール再送を指示（" + report.mail().status().label() + " から）");
		scheduler.sendMailSoon();
		return store.find(reportId, CurrentUser.name()).orElseThrow();
	}

	@Override
	public boolean mailConfigured() {
		return mailer.configured();
	}

	private LocalDate notFuture(LocalDate day) {
		if (day == null) {
			throw new InvalidInputException("day", "日付を指定してください");
		}
		if (day.isAfter(calendar.dateOf(clock.instant()))) {
			throw new InvalidInputException("day", "未来の日付の報告書は作成できません: " + day);
		}
		if (day.isBefore(EARLIEST)) {
			throw new InvalidInputException("day", "報告書は " + EARLIEST + " 以降の日について作成できます: " + day);
		}
		return day;
	}

	private YearMonth notFuture(YearMonth month) {
		if (month == null) {
			throw new InvalidInputException("month", "年月を指定してください");
		}
		if (month.isAfter(YearMonth.from(calendar.dateOf(clock.instant())))) {
			throw new InvalidInputException("month", "未来の月の報告書は作成できません: " + month);
		}
		if (month.isBefore(YearMonth.from(EARLIEST))) {
			throw new InvalidInputException("month", "報告書は " + YearMonth.from(EARLIEST) + " 以降の月について作成できます: "
					+ month);
		}
		return month;
	}
}
