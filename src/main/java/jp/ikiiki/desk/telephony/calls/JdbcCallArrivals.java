package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.JapanTime;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.telephony.CallArrivals;
import jp.ikiiki.desk.telephony.HalfDayCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Past in-hours calls per half-day from {@code call_record}, for the line advice's forecast. Counts only, no
 * personal data.
 */
@Component
class JdbcCallArrivals implements CallArrivals {

	private final JdbcClient jdbc;
	private final OpeningHours hours;

	JdbcCallArrivals(JdbcClient jdbc, OpeningHours hours) {
		this.jdbc = jdbc;
		this.hours = hours;
	}

	@Override
	public List<HalfDayCalls> between(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select (arrived_at at time zone 'Asia/Tokyo')::date as day,
				       (arrived_at at time zone 'Asia/Tokyo')::time >= :boundary as afternoon,
				       count(*) as received,
				       count(*) filter (where outcome = 'ANSWERED') as answered,
				       coalesce(sum(talk_seconds) filter (where outcome = 'ANSWERED'), 0) as talk,
				       count(*) filter (where outcome = 'ABANDONED') as abandoned,
				       coalesce(round(sum(wait_seconds) filter (where outcome = 'ABANDONED')), 0) as abandoned_wait
				from call_record
				where in_hours and arrived_at >= :from and arrived_at < :to
				group by 1, 2 order by 1, 2""")
				.param("boundary", hours.halfDayBoundary())
				.param("from", from.atStartOfDay(JapanTime.ZONE).toOffsetDateTime())
				.param("to", to.plusDays(1).atStartOfDay(JapanTime.ZONE).toOffsetDateTime())
				.query((rs, n) -> new HalfDayCalls(
						new HalfDay(rs.getObject("day", LocalDate.class),
								rs.getBoolean("afternoon") ? HalfDay.Half.PM : HalfDay.Half.AM),
						rs.getInt("received"), rs.getInt("answered"), rs.getLong("talk"), rs.getInt("abandoned"),
						rs.getLong("abandoned_wait")))
				.list();
	}
}
