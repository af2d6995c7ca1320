package jp.ikiiki.desk.telephony.lines;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The tables of V12: plan, schedule and overrides. */
@Repository
class LineSchedules {

	/** One month of the plan as stored. */
	record PlanRow(YearMonth month, BigDecimal plannedLineDays, Integer contractDays, int defaultAm, int defaultPm) {
	}

	/** A "resize now" in force. */
	record Override(int lines, Instant setAt, Instant until) {
	}

	private final JdbcClient jdbc;

	LineSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PlanRow> plans(int fiscalYear) {
		return jdbc.sql("""
				select month, planned_line_days, contract_days, default_am, default_pm
				from line_plan where fiscal_year = ? order by month""")
				.param(fiscalYear)
				.query((rs, i) -> new PlanRow(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getBigDecimal(2),
						(Integer) rs.getObject(3), rs.getInt(4), rs.getInt(5)))
				.list();
	}

	List<PlanRow> allPlans() {
		return jdbc.sql("select month, planned_line_days, contract_days, default_am, default_pm from line_plan order by month")
				.query((rs, i) -> new PlanRow(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getBigDecimal(2),
						(Integer) rs.getObject(3), rs.getInt(4), rs.getInt(5)))
				.list();
	}

	/** Lines per day and half from {@code from} to {@code to}, both inclusive. */
	Map<LocalDate, Map<HalfDay.Half, Integer>> lines(LocalDate from, LocalDate to) {
		Map<LocalDate, Map<HalfDay.Half, Integer>> result = new HashMap<>();
		jdbc.sql("select day, half, lines from line_schedule where day between ? and ?")
				.params(from, to)
				.query(rs -> {
					result.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new EnumMap<>(HalfDay.Half.class))
							.put(HalfDay.Half.valueOf(rs.getString(2)), rs.getInt(3));
				});
		return result;
	}

	Optional<Integer> linesAt(HalfDay halfDay) {
		return jdbc.sql("select lines from line_schedule where day = ? and half = ?")
				.params(halfDay.date(), halfDay.half().name())
				.query(Integer.class)
				.optional();
	}

	boolean hasSchedule(YearMonth month) {
		return jdbc.sql("select exists (select 1 from line_schedule where day between ? and ?)")
				.params(month.atDay(1), month.atEndOfMonth())
				.query(Boolean.class)
				.single();
	}

	@Transactional
	public void setLines(Collection<LocalDate> days, Set<HalfDay.Half> halves, int lines, String by) {
		List<HalfDay> halfDays = new java.util.ArrayList<>();
		for (LocalDate day : days) {
			for (HalfDay.Half half : halves) {
				halfDays.add(new HalfDay(day, half));
			}
		}
		setLines(halfDays, lines, by);
	}

	@Transactional
	public void setLines(Collection<HalfDay> halfDays, int lines, String by) {
		for (HalfDay halfDay : halfDays) {
			jdbc.sql("""
					insert into line_schedule (day, half, lines, updated_by) values (?, ?, ?, ?)
					on conflict (day, half) do update
					set lines = excluded.lines, updated_at = now(), updated_by = excluded.updated_by""")
					.params(halfDay.date(), halfDay.half().name(), lines, by)
					.update();
		}
	}

	/** The newest "resize now" whose period covers the instant. */
	Optional<Override> overrideAt(Instant t) {
		Timestamp ts = Timestamp.from(t);
		return jdbc.sql("""
				select lines, set_at, until_at from line_override
				where set_at <= ? and until_at > ? order by set_at desc, id desc limit 1""")
				.params(ts, ts)
				.query((rs, i) -> new Override(rs.getInt(1), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3).toInstant()))
				.optional();
	}

	void addOverride(int lines, Instant setAt, Instant until, String by) {
		jdbc.sql("insert into line_override (lines, set_at, until_at, set_by) values (?, ?, ?, ?)")
				.params(lines, Timestamp.from(setAt), Timestamp.from(until), by)
				.update();
	}

	/** Ends every "resize now" in force at the instant (a later schedule change of the current half-day wins). */
	void endOverrides(Instant t) {
		Timestamp ts = Timestamp.from(t);
		jdbc.sql("update line_override set until_at = ? where set_at <= ? and until_at > ?")
				.params(ts, ts, ts)
				.update();
	}
}
