package jp.ikiiki.desk.telephony.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code call_record} and {@code telephony_gap}. */
@Repository
class CallQueries {

	private final JdbcClient jdbc;

	CallQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CallRecord> records(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				select linked_id, arrived_at, outcome, in_hours, wait_seconds, ring_seconds, talk_seconds, member,
				       caller_number, hung_up_by, ended_at, incomplete
				from call_record where arrived_at >= :from and arrived_at < :to
				order by arrived_at, linked_id limit :limit
				""")
				.param("from", utc(from)).param("to", utc(to)).param("limit", limit)
				.query(CallQueries::record).list();
	}

	/** The latest calls from one number before {@code before}, newest first. */
	List<CallRecord> fromCaller(String callerNumber, Instant before, int limit) {
		return jdbc.sql("""
				select linked_id, arrived_at, outcome, in_hours, wait_seconds, ring_seconds, talk_seconds, member,
				       caller_number, hung_up_by, ended_at, incomplete
				from call_record where caller_number = :number and arrived_at < :before
				order by arrived_at desc, linked_id limit :limit
				""")
				.param("number", callerNumber).param("before", utc(before)).param("limit", limit)
				.query(CallQueries::record).list();
	}

	private static CallRecord record(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CallRecord(rs.getString("linked_id"), rs.getObject("arrived_at", OffsetDateTime.class).toInstant(),
				CallOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("in_hours"), rs.getBigDecimal("wait_seconds"),
				(Integer) rs.getObject("ring_seconds"), (Integer) rs.getObject("talk_seconds"), rs.getString("member"),
				rs.getString("caller_number"), HungUpBy.valueOf(rs.getString("hung_up_by")),
				rs.getObject("ended_at", OffsetDateTime.class).toInstant(), rs.getBoolean("incomplete"));
	}

	List<StatsCalculator.Row> rows(Instant from, Instant to) {
		return jdbc.sql("""
				select arrived_at, outcome, in_hours, wait_seconds from call_record
				where arrived_at >= :from and arrived_at < :to
				""")
				.param("from", utc(from)).param("to", utc(to))
				.query((rs, n) -> new StatsCalculator.Row(rs.getObject("arrived_at", OffsetDateTime.class).toInstant(),
						CallOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("in_hours"),
						(BigDecimal) rs.getBigDecimal("wait_seconds")))
				.list();
	}

	List<StatsCalculator.Gap> gaps(Instant from, Instant to) {
		return jdbc.sql("""
				select lost_at, restored_at from telephony_gap
				where lost_at < :to and coalesce(restored_at, now()) > :from
				""")
				.param("from", utc(from)).param("to", utc(to))
				.query((rs, n) -> {
					OffsetDateTime restored = rs.getObject("restored_at", OffsetDateTime.class);
					return new StatsCalculator.Gap(rs.getObject("lost_at", OffsetDateTime.class).toInstant(),
							restored == null ? null : restored.toInstant());
				})
				.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
