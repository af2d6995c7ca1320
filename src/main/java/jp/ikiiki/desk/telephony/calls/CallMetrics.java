package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.JapanTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.springframework.stereotype.Component;

/**
 * The call centre's live metrics; the names are a contract with the dashboards and alert rules:
 * {@code ikiiki_calls_total{outcome}} (calls received in opening hours, counted once when recorded),
 * {@code ikiiki_answer_rate{period="today|halfday"}} (default definition, NaN when nothing was received),
 * {@code ikiiki_lines_in_use}, {@code ikiiki_callers_waiting}, {@code ikiiki_longest_wait_seconds}.
 */
@Component
class CallMetrics {

	/** The answer rate is read from the records at most this often. */
	private static final Duration RATE_CACHE = Duration.ofSeconds(1);

	private final Map<CallOutcome, Counter> calls = new EnumMap<>(CallOutcome.class);
	private final CallQueries queries;
	private final OpeningHours hours;
	private final AnswerRateProperties definitions;
	private final Clock clock;
	private Instant rateReadAt = Instant.EPOCH;
	private double today = Double.NaN;
	private double halfDay = Double.NaN;

	CallMetrics(MeterRegistry registry, CallAssembler assembler, CallQueries queries, OpeningHours hours,
			AnswerRateProperties definitions, java.util.Optional<Clock> clock) {
		this.queries = queries;
		this.hours = hours;
		this.definitions = definitions;
		this.clock = clock.orElse(Clock.systemUTC());
		for (CallOutcome outcome : CallOutcome.values()) {
			calls.put(outcome, Counter.builder("ikiiki.calls").tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.description("Calls received in opening hours, by outcome").register(registry));
		}
		Gauge.builder("ikiiki.answer.rate", this, m -> m.rate(true)).tag("period", "today")
				.description("Answered / received today (default definition); NaN when nothing was received")
				.register(registry);
		Gauge.builder("ikiiki.answer.rate", this, m -> m.rate(false)).tag("period", "halfday")
				.description("Answered / received this half-day (default definition); NaN when nothing was received")
				.register(registry);
		Gauge.builder("ikiiki.lines.in.use", assembler, CallAssembler::linesInUse)
				.description("Calls in progress holding a line").register(registry);
		Gauge.builder("ikiiki.callers.waiting", assembler, CallAssembler::callersWaiting)
				.description("Callers waiting in the queue").register(registry);
		Gauge.builder("ikiiki.longest.wait.seconds", assembler, a -> a.longestWaitSeconds(this.clock.instant()))
				.description("How long the longest-waiting caller has waited").register(registry);
	}

	void counted(CallOutcome outcome) {
		calls.get(outcome).increment();
		synchronized (this) {
			rateReadAt = Instant.EPOCH;
		}
	}

	private synchronized double rate(boolean wholeDay) {
		Instant now = clock.instant();
		if (Duration.between(rateReadAt, now).compareTo(RATE_CACHE) >= 0) {
			LocalDate date = LocalDate.ofInstant(now, JapanTime.ZONE);
			LocalTime boundary = hours.halfDayBoundary();
			List<StatsCalculator.Period> halves = StatsCalculator.periods(date, date, StatsPeriod.HALF_DAY, boundary);
			StatsCalculator.Period day = StatsCalculator.periods(date, date, StatsPeriod.DAY, boundary).get(0);
			StatsCalculator.Period half = halves.get(0).contains(now) ? halves.get(0) : halves.get(1);
			List<StatsCalculator.Row> rows = queries.rows(day.start(), day.end());
			AnswerRateProperties.Definition definition = definitions.find(null);
			today = value(StatsCalculator.compute(day, rows, definition, false));
			halfDay = value(StatsCalculator.compute(half,
					rows.stream().filter(r -> half.contains(r.arrivedAt())).toList(), definition, false));
			rateReadAt = now;
		}
		return wholeDay ? today : halfDay;
	}

	private static double value(CallStats stats) {
		return stats.answerRate() == null ? Double.NaN : stats.answerRate();
	}
}
