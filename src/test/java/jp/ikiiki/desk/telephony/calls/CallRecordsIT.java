package jp.ikiiki.desk.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.HungUpBy;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Call records in PostgreSQL: the recording (moved to an open morning) through the application's recorder, stored
 * once however often it is replayed, and the statistics computed from the stored rows. Each test feeds the
 * recording as calls of its own (Linkedids prefixed) on days of its own, and reads back only those: nothing is
 * deleted, so other tests' calls in the same database neither disturb nor get disturbed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CallRecordsIT {

	/** Tuesday 2026-10-06 10:00 Tokyo, an open day: the replay test's. */
	static final Instant REPLAY_DAY_10 = Instant.parse("2026-10-06T01:00:00Z");
	/** Wednesday 2026-10-07, an open day: the statistics test's. */
	static final LocalDate STATS_DAY = LocalDate.of(2026, 10, 7);
	/** Tuesday 2026-10-13, an open day (the day after スポーツの日): the arrivals test's, alone in its week. */
	static final LocalDate ARRIVALS_DAY = LocalDate.of(2026, 10, 13);

	@Autowired
	CallQueries queries;
	@Autowired
	AnswerRateProperties definitions;
	@Autowired
	JdbcCallStore store;
	@Autowired
	CallMetrics metrics;
	@Autowired
	OpeningHours hours;
	@Autowired
	CallStatistics statistics;
	@Autowired
	JdbcClient jdbc;

	static Instant tokyo(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).toInstant();
	}

	/** A recorder with nothing in memory, as after a restart, writing to the application's database. */
	CallRecorder freshRecorder() {
		return new CallRecorder(new CallAssembler("inquiry", CallsConfiguration.STALE_AFTER), store,
				hours, metrics);
	}

	static double counted(MeterRegistry registry) {
		return registry.find("ikiiki.calls").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	Map<String, Object> table(String prefix) {
		return jdbc.sql("select string_agg(t::text, '|' order by linked_id) as rows from call_record t where linked_id like :p")
				.param("p", prefix + "%")
				.query()
				.singleRow();
	}

	@Test
	void the_recording_is_stored_as_eleven_rows_and_replays_change_nothing() {
		// own metrics: with the AMI simulator running, the application's counters also count its calls
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		CallMetrics own = new CallMetrics(registry, new CallAssembler("inquiry", CallsConfiguration.STALE_AFTER),
				queries, hours, definitions, Optional.empty());
		CallRecorder recorder = new CallRecorder(new CallAssembler("inquiry", CallsConfiguration.STALE_AFTER), store,
				hours, own);
		copy("replay-", REPLAY_DAY_10).forEach(recorder::onEvent);

		assertThat(jdbc.sql("select outcome, count(*) from call_record where linked_id like 'replay-%' group by outcome")
				.query().listOfRows()).extracting(r -> r.get("outcome") + "=" + r.get("count"))
				.containsExactlyInAnyOrder("ANSWERED=6", "ABANDONED=1", "TIMEOUT=1", "REFUSED=3");
		assertThat(jdbc.sql("select count(*) from call_record where linked_id like 'replay-%' and in_hours")
				.query(Integer.class).single()).isEqualTo(11);
		assertThat(counted(registry)).isEqualTo(11);
		Map<String, Object> stored = table("replay-");

		// the same recorder again, and a fresh one (a restart) writing to the same database
		copy("replay-", REPLAY_DAY_10).forEach(recorder::onEvent);
		CallRecorder restarted = new CallRecorder(new CallAssembler("inquiry", CallsConfiguration.STALE_AFTER), store,
				hours, own);
		copy("replay-", REPLAY_DAY_10).forEach(restarted::onEvent);

		assertThat(table("replay-")).isEqualTo(stored);
		assertThat(counted(registry)).isEqualTo(11);
	}

	@Test
	void a_complete_record_replaces_an_incomplete_one_without_counting_the_call_again() {
		Instant t = REPLAY_DAY_10.plusSeconds(7 * 86_400);
		FinishedCall partial = new FinishedCall("partial-1", "inquiry", CallOutcome.ABANDONED, t.plusSeconds(20), null,
				t.plusSeconds(25), null, t.plusSeconds(25), null, null, null, null, null, null, HungUpBy.CALLER, false,
				null, null, true);
		FinishedCall whole = new FinishedCall("partial-1", "inquiry", CallOutcome.ANSWERED, t, t.plusSeconds(1),
				t.plusSeconds(9), t.plusSeconds(9), t.plusSeconds(60), new BigDecimal("8.000"), 2, 51, 8, "Agent 1",
				"0820000000", HungUpBy.AGENT, false, null, null, false);

		assertThat(store.save(partial, true)).isTrue();
		assertThat(store.save(whole, true)).isFalse();
		assertThat(store.save(partial, true)).isFalse();

		Map<String, Object> row = jdbc.sql("select outcome, incomplete, wait_seconds from call_record where linked_id = 'partial-1'")
				.query().singleRow();
		assertThat(row.get("outcome")).isEqualTo("ANSWERED");
		assertThat(row.get("incomplete")).isEqualTo(false);
		assertThat((BigDecimal) row.get("wait_seconds")).isEqualByComparingTo("8");
		assertThat(jdbc.sql("select arrived_at from call_record where linked_id = 'partial-1'").query(OffsetDateTime.class).single().toInstant())
				.isEqualTo(t);
	}

	@Test
	@WithMockUser(roles = "CITY_STAFF")
	void statistics_come_from_the_stored_rows_under_each_definition_and_flag_a_gap() {
		copy("stats-", tokyo(STATS_DAY, 10)).forEach(freshRecorder()::onEvent);
		// a call on Sunday evening: out of hours
		LocalDate sunday = LocalDate.of(2026, 10, 11);
		Instant sundayEvening = tokyo(sunday, 17).plusSeconds(39 * 60);
		store.save(new FinishedCall("stats-sunday-1", "inquiry", CallOutcome.ANSWERED, sundayEvening, sundayEvening,
				sundayEvening.plusSeconds(2), sundayEvening.plusSeconds(2), sundayEvening.plusSeconds(30),
				new BigDecimal("2.000"), 1, 28, 2, "Agent 1", null, HungUpBy.AGENT, false, null, null, false),
				hours.isOpenAt(sundayEvening));

		CallStats day = statistics.stats(STATS_DAY, STATS_DAY, StatsPeriod.DAY, null).get(0);
		assertThat(day.definition()).isEqualTo("contract");
		assertThat(day.received()).isEqualTo(11);
		assertThat(day.answered()).isEqualTo(6);
		assertThat(day.abandoned()).isEqualTo(1);
		assertThat(day.timedOut()).isEqualTo(1);
		assertThat(day.refused()).isEqualTo(3);
		assertThat(day.answerRate()).isEqualTo(6.0 / 11);
		assertThat(day.meetsTarget()).isFalse();
		assertThat(day.gap()).isFalse();

		// call 05 gave up after 3.5 s: not received under the definition that leaves out abandons under 5 s
		CallStats strict = statistics.stats(STATS_DAY, STATS_DAY, StatsPeriod.DAY, "excluding-short-abandons").get(0);
		assertThat(strict.definition()).isEqualTo("excluding-short-abandons");
		assertThat(strict.received()).isEqualTo(10);
		assertThat(strict.excluded()).isEqualTo(1);
		assertThat(strict.answerRate()).isEqualTo(6.0 / 10);

		CallStats sundayStats = statistics.stats(sunday, sunday, StatsPeriod.DAY, null).get(0);
		assertThat(sundayStats.received()).isZero();
		assertThat(sundayStats.outOfHours()).isEqualTo(1);
		assertThat(sundayStats.answerRate()).isNull();

		jdbc.sql("insert into telephony_gap (lost_at, restored_at, reason) values (:lost, :back, 'connection lost')")
				.param("lost", tokyo(STATS_DAY, 13).atOffset(ZoneOffset.UTC))
				.param("back", tokyo(STATS_DAY, 13).plusSeconds(90).atOffset(ZoneOffset.UTC)).update();
		List<CallStats> halves = statistics.stats(STATS_DAY, STATS_DAY, StatsPeriod.HALF_DAY, null);
		assertThat(halves).extracting(CallStats::period, CallStats::gap).containsExactly(
				org.assertj.core.groups.Tuple.tuple("2026-10-07 AM", false),
				org.assertj.core.groups.Tuple.tuple("2026-10-07 PM", true));
		assertThat(halves.get(0).received()).isEqualTo(11);

		// the same day in one read, with its half-hours for the wallboard's charts
		jp.ikiiki.desk.telephony.DailyCallStats daily = statistics.day(STATS_DAY, null);
		assertThat(daily.day()).isEqualTo(statistics.stats(STATS_DAY, STATS_DAY, StatsPeriod.DAY, null).get(0));
		assertThat(daily.day().gap()).isTrue();
		assertThat(daily.halfDays()).isEqualTo(halves);
		assertThat(daily.halfHours()).hasSize(48);
		assertThat(daily.halfHours().get(20).period()).isEqualTo("2026-10-07T10:00");
		assertThat(daily.halfHours().stream().mapToLong(CallStats::received).sum()).isEqualTo(11);
		assertThat(daily.halfHours().get(20).received()).isEqualTo(11); // the recording lasts under 30 minutes
	}

	@Autowired
	jp.ikiiki.desk.telephony.CallArrivals arrivals;

	@Test
	void arrivals_per_half_day_feed_the_line_advice_with_in_hours_calls_only() {
		copy("arrivals-am-", tokyo(ARRIVALS_DAY, 10)).forEach(freshRecorder()::onEvent); // 11 calls in the morning
		copy("arrivals-pm-", tokyo(ARRIVALS_DAY, 14)).forEach(freshRecorder()::onEvent); // and 11 more at 14:00
		// Sunday evening, out of hours: not an arrival to plan lines for
		copy("arrivals-sun-", tokyo(ARRIVALS_DAY.plusDays(5), 17)).forEach(freshRecorder()::onEvent);
		assertThat(jdbc.sql("select count(*) from call_record where linked_id like 'arrivals-%'").query(Integer.class)
				.single()).isEqualTo(33);

		List<jp.ikiiki.desk.telephony.HalfDayCalls> halves = arrivals.between(ARRIVALS_DAY, ARRIVALS_DAY.plusDays(6));
		assertThat(halves).extracting(h -> h.halfDay().toString()).hasSize(2);
		assertThat(halves.get(0).halfDay().half()).isEqualTo(jp.ikiiki.desk.calendar.HalfDay.Half.AM);
		assertThat(halves.get(1).halfDay().half()).isEqualTo(jp.ikiiki.desk.calendar.HalfDay.Half.PM);
		for (var h : halves) {
			assertThat(h.halfDay().date()).isEqualTo(ARRIVALS_DAY);
			assertThat(h.received()).isEqualTo(11);
			assertThat(h.answered()).isEqualTo(6);
			assertThat(h.abandoned()).isEqualTo(1);
			assertThat(h.talkSeconds()).isPositive();
			assertThat(h.abandonedWaitSeconds()).isBetween(3L, 5L); // call 05 gave up after about 4 s
		}
		assertThat(arrivals.between(ARRIVALS_DAY.plusDays(1), ARRIVALS_DAY.plusDays(6))).isEmpty();
	}

	/** The recording as other calls (Linkedids and Uniqueids prefixed), starting at {@code start}. */
	private static List<ManagerEvent> copy(String prefix, Instant start) {
		return new AmiLog().copy(AmiLog.resource("/fixtures/ami/ami-events.log"), prefix,
				start.getEpochSecond() - 1795336740.0);
	}
}
