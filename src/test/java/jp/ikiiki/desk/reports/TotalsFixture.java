package jp.ikiiki.desk.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import jp.ikiiki.desk.shared.JapanTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two months of a call centre's raw records with known figures, written straight into the tables the reports read
 * (calls, call log entries, escalation cases), and the figures computed from these lists alone — by a second,
 * independent reckoning — for the reports' totals to be compared with. The clock of the tests is Thursday
 * 2026-11-19 11:10 ({@link ReportsClock#NOW}): no record lies after it.
 */
final class TotalsFixture {

	/** A call: arrival (Tokyo), raw outcome, whether in opening hours, queue wait in seconds. */
	record Call(LocalDateTime at, String outcome, boolean inHours, double waitSeconds) {

		boolean on(LocalDate day) {
			return at.toLocalDate().equals(day);
		}

		boolean within(LocalDate from, LocalDate to) {
			return !at.toLocalDate().isBefore(from) && !at.toLocalDate().isAfter(to);
		}
	}

	/** A call log entry of the agent desk: when, its category (parent / name), manual or not, closed or open. */
	record Log(LocalDateTime at, String parent, String category, boolean manual, boolean closed) {
	}

	/** An escalation case: when each step was taken (null: not yet). */
	record Case(LocalDateTime opened, LocalDateTime reported, LocalDateTime instructed, LocalDateTime calledBack,
			LocalDateTime closed) {
	}

	static final List<Call> CALLS = List.of(
			// October: Thursday 1st, Friday 30th, and a call on Saturday 31st (closed: out of hours)
			call("2026-10-01T09:05", "ANSWERED", true, 12), call("2026-10-01T09:50", "ANSWERED", true, 25),
			call("2026-10-01T13:20", "ABANDONED", true, 40), call("2026-10-01T16:40", "ANSWERED", true, 3),
			call("2026-10-01T18:10", "ANSWERED", false, 6),
			call("2026-10-30T08:45", "REFUSED", true, 0), call("2026-10-30T10:15", "ANSWERED", true, 18),
			call("2026-10-30T15:55", "TIMEOUT", true, 60),
			call("2026-10-31T11:00", "ANSWERED", false, 5),
			// November: Monday 2nd
			call("2026-11-02T08:31", "ANSWERED", true, 1), call("2026-11-02T12:10", "ANSWERED", true, 22),
			call("2026-11-02T17:10", "ABANDONED", true, 9),
			// Tuesday 17th
			call("2026-11-17T07:50", "ABANDONED", false, 5), call("2026-11-17T09:10", "ANSWERED", true, 5),
			call("2026-11-17T09:20", "ANSWERED", true, 30), call("2026-11-17T09:40", "ABANDONED", true, 12),
			call("2026-11-17T10:05", "ANSWERED", true, 8), call("2026-11-17T10:30", "TIMEOUT", true, 30),
			call("2026-11-17T11:00", "REFUSED", true, 0), call("2026-11-17T13:00", "ANSWERED", true, 2),
			call("2026-11-17T13:30", "ANSWERED", true, 40), call("2026-11-17T14:10", "ANSWERED", true, 10),
			call("2026-11-17T16:00", "ABANDONED", true, 3), call("2026-11-17T18:00", "ANSWERED", false, 4),
			// Wednesday 18th
			call("2026-11-18T09:00", "ANSWERED", true, 4), call("2026-11-18T09:29", "ANSWERED", true, 30),
			call("2026-11-18T09:30", "ABANDONED", true, 15), call("2026-11-18T17:14", "ANSWERED", true, 2),
			call("2026-11-18T17:16", "ABANDONED", false, 1),
			// Thursday 19th, today, up to 11:10
			call("2026-11-19T07:59", "ABANDONED", false, 2), call("2026-11-19T08:30", "ANSWERED", true, 0.5),
			call("2026-11-19T10:59", "REFUSED", true, 0), call("2026-11-19T11:05", "ANSWERED", true, 21));

	static final List<Log> LOGS = List.of(
			new Log(LocalDateTime.parse("2026-10-01T09:06"), null, "その他", false, true),
			new Log(LocalDateTime.parse("2026-11-17T09:11"), "手帳", "再交付", false, true),
			new Log(LocalDateTime.parse("2026-11-17T10:06"), "手帳", "再交付", true, true),
			new Log(LocalDateTime.parse("2026-11-17T13:01"), "交通費助成", "申請", false, true),
			new Log(LocalDateTime.parse("2026-11-17T14:11"), null, "その他", false, false),
			new Log(LocalDateTime.parse("2026-11-19T08:31"), null, "ポイント集計・通知", false, true),
			new Log(LocalDateTime.parse("2026-11-19T11:06"), "手帳", "交付", true, true));

	static final List<Case> CASES = List.of(
			escalation("2026-11-16T10:00", "2026-11-16T11:00", "2026-11-17T10:00", "2026-11-17T11:00", "2026-11-17T12:00"),
			escalation("2026-11-17T09:00", "2026-11-17T09:30", null, null, null),
			escalation("2026-11-10T10:00", null, null, null, null));

	/** National holidays of the two months (文化の日, 勤労感謝の日; スポーツの日 12 October). */
	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 3),
			LocalDate.of(2026, 11, 23));

	private static final AtomicLong IDS = new AtomicLong();

	private TotalsFixture() {
	}

	/** Empties the tables the reports read and writes the fixture. */
	static void insert(JdbcClient jdbc) {
		ReportFixtures.empty(jdbc);
		jdbc.sql("delete from call_log").update();
		jdbc.sql("delete from escalation").update();
		for (Call c : CALLS) {
			jdbc.sql("""
					insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, ended_at, wait_seconds,
					    hung_up_by, caller_number)
					values (:id, 'inquiry', :outcome, :inHours, :at, :at, :wait, 'CALLER', '0820000000')""")
					.param("id", "totals-" + IDS.incrementAndGet()).param("outcome", c.outcome())
					.param("inHours", c.inHours()).param("at", ts(c.at())).param("wait", BigDecimal.valueOf(c.waitSeconds()))
					.update();
		}
		for (Log l : LOGS) {
			long category = jdbc.sql("""
					select c.id from inquiry_category c left join inquiry_category p on p.id = c.parent_id
					where c.name = :name and p.name is not distinct from :parent""")
					.param("name", l.category()).param("parent", l.parent()).query(Long.class).single();
			jdbc.sql("""
					insert into call_log (linked_id, manual, agent, started_at, caller_kind, category_id, outcome, closed_at)
					values (:linked, :manual, 'agent-totals', :at, 'SUBJECT', :category, :outcome, :closed)""")
					.param("linked", l.manual() ? null : "totals-log-" + IDS.incrementAndGet())
					.param("manual", l.manual()).param("at", ts(l.at())).param("category", category)
					.param("outcome", l.closed() ? "ANSWERED" : null).param("closed", l.closed() ? ts(l.at()) : null)
					.update();
		}
		for (Case c : CASES) {
			String state = c.closed() != null ? "CLOSED" : c.calledBack() != null ? "CALLED_BACK"
					: c.instructed() != null ? "INSTRUCTED" : c.reported() != null ? "REPORTED" : "OPEN";
			jdbc.sql("""
					insert into escalation (state, inquiry, opened_by, opened_at, reported_at, instructed_at,
					    called_back_at, closed_at)
					values (:state, 'totals', 'fm', :opened, :reported, :instructed, :calledBack, :closed)""")
					.param("state", state).param("opened", ts(c.opened())).param("reported", ts(c.reported()))
					.param("instructed", ts(c.instructed())).param("calledBack", ts(c.calledBack()))
					.param("closed", ts(c.closed())).update();
		}
		ReportFixtures.gap(jdbc, LocalDate.of(2026, 11, 17), "14:00", "14:20");
	}

	/**
	 * The figures of a set of calls under the contract's definition, reckoned from the list: received = every call
	 * in opening hours (refused and abandoned included), answered = those answered, and so on.
	 */
	record Expected(long received, long answered, long abandoned, long timedOut, long refused, long outOfHours,
			long prompt, double waitSum, long waited, Double longest) {

		static Expected of(Predicate<Call> which) {
			long received = 0, answered = 0, abandoned = 0, timedOut = 0, refused = 0, outOfHours = 0, prompt = 0,
					waited = 0;
			double waitSum = 0;
			Double longest = null;
			for (Call c : CALLS) {
				if (!which.test(c)) {
					continue;
				}
				if (!c.inHours()) {
					outOfHours++;
					continue;
				}
				received++;
				switch (c.outcome()) {
					case "ANSWERED" -> {
						answered++;
						if (c.waitSeconds() <= 20) {
							prompt++;
						}
					}
					case "ABANDONED" -> abandoned++;
					case "TIMEOUT" -> timedOut++;
					case "REFUSED" -> refused++;
					default -> throw new IllegalStateException(c.outcome());
				}
				if (!c.outcome().equals("REFUSED")) {
					waited++;
					waitSum += c.waitSeconds();
					longest = longest == null ? c.waitSeconds() : Math.max(longest, c.waitSeconds());
				}
			}
			return new Expected(received, answered, abandoned, timedOut, refused, outOfHours, prompt, waitSum, waited,
					longest);
		}

		/** 60.0%: the answer rate as the report writes it, or — without calls. */
		String rateText() {
			return percent(answered, received);
		}

		String promptText() {
			return percent(prompt, received);
		}

		/** 15.6: the mean wait with one decimal, or —. */
		String averageWaitText() {
			return waited == 0 ? "—" : BigDecimal.valueOf(waitSum).divide(BigDecimal.valueOf(waited), 1,
					RoundingMode.HALF_UP).toPlainString();
		}

		static String percent(long part, long whole) {
			return whole == 0 ? "—" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
					RoundingMode.HALF_UP).toPlainString() + "%";
		}
	}

	/** Closed call log entries started on the days; {@code manualOnly}: those logged by hand. */
	static long closedLogs(LocalDate from, LocalDate to, boolean manualOnly) {
		return LOGS.stream().filter(l -> l.closed() && (!manualOnly || l.manual()))
				.filter(l -> !l.at().toLocalDate().isBefore(from) && !l.at().toLocalDate().isAfter(to)).count();
	}

	/** Escalation steps of the period and the cases open at its end, in the section's order. */
	static List<Long> escalationCounts(LocalDate from, LocalDate to) {
		LocalDateTime start = from.atStartOfDay();
		LocalDateTime end = to.plusDays(1).atStartOfDay();
		Predicate<LocalDateTime> in = t -> t != null && !t.isBefore(start) && t.isBefore(end);
		return List.of(CASES.stream().filter(c -> in.test(c.opened())).count(),
				CASES.stream().filter(c -> in.test(c.reported())).count(),
				CASES.stream().filter(c -> in.test(c.instructed())).count(),
				CASES.stream().filter(c -> in.test(c.calledBack())).count(),
				CASES.stream().filter(c -> in.test(c.closed())).count(),
				CASES.stream().filter(c -> c.opened().isBefore(end) && (c.closed() == null || !c.closed().isBefore(end)))
						.count());
	}

	/** Open days after the oldest case open at {@code to}'s end was opened, up to {@code to}: weekdays, no holidays. */
	static long oldestOpenAge(LocalDate to) {
		LocalDateTime end = to.plusDays(1).atStartOfDay();
		LocalDate oldest = CASES.stream().filter(c -> c.opened().isBefore(end)
				&& (c.closed() == null || !c.closed().isBefore(end))).map(c -> c.opened().toLocalDate()).min(
						LocalDate::compareTo).orElse(to);
		return oldest.plusDays(1).datesUntil(to.plusDays(1)).filter(TotalsFixture::open).count();
	}

	static boolean open(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !HOLIDAYS.contains(day);
	}

	private static Call call(String at, String outcome, boolean inHours, double waitSeconds) {
		return new Call(LocalDateTime.parse(at), outcome, inHours, waitSeconds);
	}

	private static Case escalation(String opened, String reported, String instructed, String calledBack,
			String closed) {
		return new Case(time(opened), time(reported), time(instructed), time(calledBack), time(closed));
	}

	private static LocalDateTime time(String s) {
		return s == null ? null : LocalDateTime.parse(s);
	}

	private static Timestamp ts(LocalDateTime t) {
		return t == null ? null : Timestamp.from(t.atZone(JapanTime.ZONE).toInstant());
	}

	static Instant instant(LocalDateTime t) {
		return t.atZone(JapanTime.ZONE).toInstant();
	}

	static LocalTime hour(int h) {
		return LocalTime.of(h, 0);
	}
}
