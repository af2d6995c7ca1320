package jp.ikiiki.desk.escalations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.escalations.EscalationsProperties;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.reports.ReportContribution.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalations section of the daily report and monthly summary (第6章1(3)(4)): the steps taken in the period,
 * the cases still open at its end (counts on their own, never totalled), and the age of the oldest of them in open
 * days (a measure).
 */
@Component
class EscalationsReport implements ReportContribution {

	private final JdbcClient jdbc;
	private final BusinessCalendar calendar;
	private final AgeingRules ageing;

	EscalationsReport(JdbcClient jdbc, BusinessCalendar calendar, EscalationsProperties properties) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.ageing = new AgeingRules(calendar, properties);
	}

	@Override
	public String key() {
		return "escalations";
	}

	@Override
	public String title() {
		return "エスカレーション";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<ReportLine> lines(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("empty period " + from + ".." + to);
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
		Steps steps = jdbc.sql("""
				select count(*) filter (where opened_at >= :start and opened_at < :end) as opened,
				       count(*) filter (where reported_at >= :start and reported_at < :end) as reported,
				       count(*) filter (where instructed_at >= :start and instructed_at < :end) as instructed,
				       count(*) filter (where called_back_at >= :start and called_back_at < :end) as called_back,
				       count(*) filter (where closed_at >= :start and closed_at < :end) as closed,
				       count(*) filter (where opened_at < :end and (closed_at is null or closed_at >= :end)) as still_open,
				       min(opened_at) filter (where opened_at < :end and (closed_at is null or closed_at >= :end)) as oldest
				from escalation""")
				.param("start", start).param("end", end)
				.query((rs, i) -> new Steps(rs.getLong("opened"), rs.getLong("reported"), rs.getLong("instructed"),
						rs.getLong("called_back"), rs.getLong("closed"), rs.getLong("still_open"),
						rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
				.single();
		long oldestAge = steps.oldestOpen() == null ? 0
				: ageing.openDaysBetween(calendar.dateOf(steps.oldestOpen()), to);
		// One case can take several steps in a period, so the steps are counts on their own: they add up to nothing.
		return List.of(
				ReportLine.count("受付", steps.opened()),
				ReportLine.count("市へ報告", steps.reported()),
				ReportLine.count("市の指示受領", steps.instructed()),
				ReportLine.count("折返し連絡済", steps.calledBack()),
				ReportLine.count("完了", steps.closed()),
				ReportLine.count("期間末の未完了", steps.stillOpen()),
				ReportLine.measure("最も古い未完了案件の経過日数", oldestAge, Unit.OPEN_DAYS));
	}

	/** The steps taken in a period, the cases open at its end and when the oldest of them was opened (or null). */
	record Steps(long opened, long reported, long instructed, long calledBack, long closed, long stillOpen,
			Instant oldestOpen) {
	}
}
