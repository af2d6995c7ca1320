package jp.ikiiki.desk.escalations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.escalations.EscalationsProperties;
import jp.ikiiki.desk.reports.ReportContribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalations section of the daily report and monthly summary (第6章1(3)(4)): the steps taken in the period,
 * the cases still open at its end, and the age of the oldest of them.
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
			throw new IllegalArgumentException("期間の指定が正しくありません: " + from + "〜" + to);
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(calendar.zone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
		var row = jdbc.sql("""
				select count(*) filter (where opened_at >= :start and opened_at < :end) as opened,
				       count(*) filter (where reported_at >= :start and reported_at < :end) as reported,
				       count(*) filter (where instructed_at >= :start and instructed_at < :end) as instructed,
				       count(*) filter (where called_back_at >= :start and called_back_at < :end) as called_back,
				       count(*) filter (where closed_at >= :start and closed_at < :end) as closed,
				       count(*) filter (where opened_at < :end and (closed_at is null or closed_at >= :end)) as still_open,
				       min(opened_at) filter (where opened_at < :end and (closed_at is null or closed_at >= :end)) as oldest
				from escalation""")
				.param("start", start).param("end", end)
				.query((rs, i) -> new long[] { rs.getLong("opened"), rs.getLong("reported"), rs.getLong("instructed"),
						rs.getLong("called_back"), rs.getLong("closed"), rs.getLong("still_open"),
						rs.getTimestamp("oldest") == null ? -1 : rs.getTimestamp("oldest").getTime() })
				.single();
		long oldestAge = row[6] < 0 ? 0 : ageing.openDaysBetween(calendar.dateOf(Instant.ofEpochMilli(row[6])), to);
		return List.of(
				new ReportLine(null, "受付", row[0]),
				new ReportLine(null, "市へ報告", row[1]),
				new ReportLine(null, "市の指示受領", row[2]),
				new ReportLine(null, "折返し連絡済", row[3]),
				new ReportLine(null, "完了", row[4]),
				new ReportLine(null, "期間末の未完了", row[5]),
				new ReportLine(null, "最も古い未完了案件の経過日数（開庁日）", oldestAge));
	}
}
