package jp.ikiiki.desk.reports;

import jp.ikiiki.desk.shared.JapanTime;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Call records and telephony gaps written straight into the tables, for reports with known figures. */
public final class ReportFixtures {

	/** Tuesday 2026-11-17, an open day. */
	public static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
	private static final AtomicLong IDS = new AtomicLong();

	private ReportFixtures() {
	}

	public static void empty(JdbcClient jdbc) {
		jdbc.sql("delete from report_mail").update();
		jdbc.sql("delete from report_read").update();
		jdbc.sql("delete from report").update();
		jdbc.sql("delete from call_record").update();
		jdbc.sql("delete from telephony_gap").update();
	}

	/** One call arriving at {@code time} (Tokyo) on {@code day}. */
	public static void call(JdbcClient jdbc, LocalDate day, String time, String outcome, boolean inHours, double wait) {
		Timestamp arrived = Timestamp.from(day.atTime(LocalTime.parse(time)).atZone(JapanTime.ZONE).toInstant());
		jdbc.sql("""
				insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, ended_at, wait_seconds,
				    hung_up_by, caller_number)
				values (:id, 'inquiry', :outcome, :inHours, :at, :at, :wait, 'CALLER', '0820000000')""")
				.param("id", "report-fixture-" + IDS.incrementAndGet()).param("outcome", outcome)
				.param("inHours", inHours).param("at", arrived).param("wait", java.math.BigDecimal.valueOf(wait))
				.update();
	}

	/**
	 * The Tuesday of the tests: 10 calls received in hours (6 answered, 4 of them within 20 s; 2 abandoned, one of
	 * them after 3 s; 1 timed out; 1 refused), 2 out of hours; 6 received in the morning (3 answered), 4 in the
	 * afternoon (3 answered); 3 received at 9時台.
	 */
	public static void tuesday(JdbcClient jdbc) {
		call(jdbc, TUESDAY, "07:50", "ABANDONED", false, 5);
		call(jdbc, TUESDAY, "09:10", "ANSWERED", true, 5);
		call(jdbc, TUESDAY, "09:20", "ANSWERED", true, 30);
		call(jdbc, TUESDAY, "09:40", "ABANDONED", true, 12);
		call(jdbc, TUESDAY, "10:05", "ANSWERED", true, 8);
		call(jdbc, TUESDAY, "10:30", "TIMEOUT", true, 30);
		call(jdbc, TUESDAY, "11:00", "REFUSED", true, 0);
		call(jdbc, TUESDAY, "13:00", "ANSWERED", true, 2);
		call(jdbc, TUESDAY, "13:30", "ANSWERED", true, 40);
		call(jdbc, TUESDAY, "14:10", "ANSWERED", true, 10);
		call(jdbc, TUESDAY, "16:00", "ABANDONED", true, 3);
		call(jdbc, TUESDAY, "18:00", "ANSWERED", false, 4);
	}

	/** A gap in the telephony data on {@code day} from {@code from} to {@code to} (Tokyo). */
	public static void gap(JdbcClient jdbc, LocalDate day, String from, String to) {
		jdbc.sql("insert into telephony_gap (lost_at, restored_at, reason) values (:a, :b, 'connection lost')")
				.param("a", Timestamp.from(day.atTime(LocalTime.parse(from)).atZone(JapanTime.ZONE).toInstant()))
				.param("b", Timestamp.from(day.atTime(LocalTime.parse(to)).atZone(JapanTime.ZONE).toInstant())).update();
	}
}
