package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.DailyCallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Statistics hold no personal data: agents see them too (the wallboard), besides floor managers and the city. */
@Service
@PreAuthorize("hasAnyRole('FLOOR_MANAGER', 'CITY_STAFF', 'AGENT')")
class JdbcCallStatistics implements CallStatistics {

	private final CallQueries queries;
	private final OpeningHours hours;
	private final AnswerRateProperties definitions;

	JdbcCallStatistics(CallQueries queries, OpeningHours hours, AnswerRateProperties definitions) {
		this.queries = queries;
		this.hours = hours;
		this.definitions = definitions;
	}

	@Override
	public List<CallStats> stats(LocalDate from, LocalDate to, StatsPeriod by, String definition) {
		if (from == null || to == null || by == null) {
			throw new InvalidInputException("from", "from, to と by を指定してください");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "to (" + to + ") が from (" + from + ") より前です");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidInputException("to", "期間は " + MAX_DAYS + " 日以内で指定してください");
		}
		AnswerRateProperties.Definition chosen = definitions.find(definition);
		List<StatsCalculator.Period> periods = StatsCalculator.periods(from, to, by, hours.halfDayBoundary());
		Instant start = periods.get(0).start();
		Instant end = periods.get(periods.size() - 1).end();
		return StatsCalculator.compute(periods, queries.rows(start, end), chosen, queries.gaps(start, end),
				Instant.now());
	}

	@Override
	public DailyCallStats day(LocalDate day, String definition) {
		if (day == null) {
			throw new InvalidInputException("day", "日を指定してください");
		}
		AnswerRateProperties.Definition chosen = definitions.find(definition);
		List<StatsCalculator.Period> whole = StatsCalculator.periods(day, day, StatsPeriod.DAY, hours.halfDayBoundary());
		Instant start = whole.get(0).start();
		Instant end = whole.get(0).end();
		List<StatsCalculator.Row> rows = queries.rows(start, end);
		List<StatsCalculator.Gap> gaps = queries.gaps(start, end);
		Instant now = Instant.now();
		return new DailyCallStats(StatsCalculator.compute(whole, rows, chosen, gaps, now).get(0),
				StatsCalculator.compute(
						StatsCalculator.periods(day, day, StatsPeriod.HALF_DAY, hours.halfDayBoundary()), rows, chosen,
						gaps, now),
				StatsCalculator.compute(
						StatsCalculator.periods(day, day, StatsPeriod.HALF_HOUR, hours.halfDayBoundary()), rows,
						chosen, gaps, now));
	}

	@Override
	public List<String> definitions() {
		return definitions.definitions().stream().map(AnswerRateProperties.Definition::name).toList();
	}
}
