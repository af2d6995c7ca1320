package jp.ikiiki.desk.telephony.calls;

import static jp.ikiiki.desk.telephony.calls.Ami.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.telephony.CallOutcome;
import org.junit.jupiter.api.Test;

/** The metric names are a contract with the dashboards and alert rules: check them as Prometheus sees them. */
class CallMetricsTest {

	final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
	final CallAssembler assembler = new CallAssembler("inquiry", Duration.ofHours(4));
	final List<StatsCalculator.Row> rows = new ArrayList<>();
	// Tuesday 2026-11-24 14:00 Tokyo
	final Instant now = Instant.parse("2026-11-24T05:00:00Z");

	CallMetrics metrics() {
		CallQueries queries = new CallQueries(null) {
			@Override
			List<StatsCalculator.Row> rows(Instant from, Instant to) {
				return rows.stream().filter(r -> !r.arrivedAt().isBefore(from) && r.arrivedAt().isBefore(to)).toList();
			}
		};
		OpeningHours hours = new OpeningHours() {
			@Override
			public boolean isOpenAt(Instant instant) {
				return true;
			}

			@Override
			public LocalTime halfDayBoundary() {
				return LocalTime.NOON;
			}
		};
		return new CallMetrics(registry, assembler, queries, hours,
				new AnswerRateProperties(List.of(new AnswerRateProperties.Definition("contract", Duration.ZERO,
						Duration.ofSeconds(20)))),
				Optional.of(Clock.fixed(now, ZoneOffset.UTC)));
	}

	@Test
	void the_answer_rate_is_nan_before_any_call_and_follows_the_records_of_today_and_this_half_day() {
		CallMetrics metrics = metrics();
		assertThat(registry.scrape()).contains("ikiiki_answer_rate{period=\"today\"} NaN")
				.contains("ikiiki_answer_rate{period=\"halfday\"} NaN");

		rows.add(new StatsCalculator.Row(now.minusSeconds(4 * 3600), CallOutcome.ANSWERED, true, BigDecimal.ONE));
		rows.add(new StatsCalculator.Row(now.minusSeconds(60), CallOutcome.ANSWERED, true, BigDecimal.ONE));
		rows.add(new StatsCalculator.Row(now.minusSeconds(30), CallOutcome.REFUSED, true, BigDecimal.ZERO));
		metrics.counted(CallOutcome.ANSWERED);

		String scrape = registry.scrape();
		assertThat(scrape).contains("ikiiki_answer_rate{period=\"today\"} 0.666")
				.contains("ikiiki_answer_rate{period=\"halfday\"} 0.5")
				.contains("ikiiki_calls_total{outcome=\"answered\"} 1.0")
				.contains("ikiiki_calls_total{outcome=\"refused\"} 0.0")
				.contains("ikiiki_calls_total{outcome=\"abandoned\"} 0.0")
				.contains("ikiiki_calls_total{outcome=\"timeout\"} 0.0");
	}

	@Test
	void live_gauges_show_lines_in_use_callers_waiting_and_the_longest_wait() {
		metrics();
		double t = now.getEpochSecond();
		List.of(event("Newchannel", t - 45, "Uniqueid", "g1", "Linkedid", "g1"),
				event("QueueCallerJoin", t - 45, "Uniqueid", "g1", "Linkedid", "g1", "Queue", "inquiry"),
				event("Newchannel", t - 5, "Uniqueid", "g2", "Linkedid", "g2"),
				event("QueueCallerJoin", t - 5, "Uniqueid", "g2", "Linkedid", "g2", "Queue", "inquiry"))
				.forEach(assembler::accept);

		assertThat(registry.scrape()).contains("ikiiki_lines_in_use 2.0").contains("ikiiki_callers_waiting 2.0")
				.contains("ikiiki_longest_wait_seconds 45.0");
	}
}
