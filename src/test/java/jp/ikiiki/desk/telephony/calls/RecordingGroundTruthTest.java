package jp.ikiiki.desk.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

/**
 * Replays the recording of a real Asterisk 22 ({@code fixtures/ami/ami-events.log}, see its README) through the
 * recorder: the result is exactly the README's ground truth, and replaying it again changes nothing.
 */
class RecordingGroundTruthTest {

	static final List<ManagerEvent> RECORDING = AmiLog.fixture("/fixtures/ami/ami-events.log");

	/** What the database does: first write wins, a complete record replaces an incomplete one. */
	static final class MemoryStore implements CallStore {
		final Map<String, FinishedCall> calls = new LinkedHashMap<>();
		final Map<String, Boolean> inHours = new LinkedHashMap<>();

		@Override
		public synchronized boolean save(FinishedCall call, boolean open) {
			FinishedCall old = calls.get(call.linkedId());
			if (old == null || (old.incomplete() && !call.incomplete())) {
				calls.put(call.linkedId(), call);
				inHours.put(call.linkedId(), open);
			}
			return old == null;
		}

		FinishedCall get(String linkedId) {
			return calls.get(linkedId);
		}
	}

	final MemoryStore store = new MemoryStore();
	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	CallRecorder recorder(OpeningHours hours) {
		CallAssembler assembler = new CallAssembler("inquiry", Duration.ofHours(4));
		CallMetrics metrics = new CallMetrics(registry, assembler, new CallQueries(null), hours,
				new AnswerRateProperties(List.of(new AnswerRateProperties.Definition("contract", Duration.ZERO,
						Duration.ofSeconds(20)))),
				Optional.empty());
		return new CallRecorder(assembler, store, hours, metrics);
	}

	static OpeningHours always(boolean open) {
		return new OpeningHours() {
			@Override
			public boolean isOpenAt(Instant instant) {
				return open;
			}

			@Override
			public LocalTime halfDayBoundary() {
				return LocalTime.NOON;
			}
		};
	}

	static final OpeningHours CALENDAR = new CallsConfiguration()
			.openingHours(new BusinessCalendar(new CalendarProperties(LocalTime.NOON)));

	double counted(String outcome) {
		return registry.get("ikiiki.calls").tag("outcome", outcome).counter().count();
	}

	@Test
	void the_recording_gives_eleven_calls_six_answered_one_abandoned_one_timed_out_three_refused() {
		RECORDING.forEach(recorder(always(true))::onEvent);

		assertThat(store.calls).hasSize(11);
		Map<CallOutcome, Long> byOutcome = store.calls.values().stream()
				.collect(Collectors.groupingBy(FinishedCall::outcome, Collectors.counting()));
		assertThat(byOutcome).containsOnly(Map.entry(CallOutcome.ANSWERED, 6L), Map.entry(CallOutcome.ABANDONED, 1L),
				Map.entry(CallOutcome.TIMEOUT, 1L), Map.entry(CallOutcome.REFUSED, 3L));
		long answered = byOutcome.get(CallOutcome.ANSWERED);
		assertThat((double) answered / store.calls.size()).isEqualTo(6.0 / 11);
	}

	@Test
	void each_call_of_the_recording_has_the_readme_outcome_and_times() {
		RECORDING.forEach(recorder(always(false))::onEvent);

		for (String id : List.of("01", "02", "03", "04", "08", "09")) {
			FinishedCall call = store.get("call" + id + "-caller");
			assertThat(call.outcome()).as(id).isEqualTo(CallOutcome.ANSWERED);
			assertThat(call.member()).as(id).startsWith("Agent ");
			assertThat(call.talkSeconds()).as(id).isBetween(4, 8);
			assertThat(call.hungUpBy()).as(id).isEqualTo(HungUpBy.AGENT);
			assertThat(call.callerNumber()).as(id).isEqualTo("55501" + id);
			assertThat(call.incomplete()).as(id).isFalse();
		}
		assertThat(store.get("call04-caller").waitSeconds().doubleValue()).isCloseTo(10, within(0.5));
		assertThat(store.get("call04-caller").member()).isEqualTo("Agent 2");
		assertThat(store.get("call01-caller").ringSeconds()).isEqualTo(3);

		FinishedCall abandoned = store.get("call05-caller");
		assertThat(abandoned.outcome()).isEqualTo(CallOutcome.ABANDONED);
		assertThat(abandoned.waitSeconds().doubleValue()).isCloseTo(4, within(1.0));
		assertThat(abandoned.hungUpBy()).isEqualTo(HungUpBy.CALLER);

		for (String id : List.of("06", "07", "10")) {
			FinishedCall refused = store.get("call" + id + "-caller");
			assertThat(refused.outcome()).as(id).isEqualTo(CallOutcome.REFUSED);
			assertThat(refused.queue()).as(id).isNull();
		}
		assertThat(store.get("call06-caller").refusedLines()).isEqualTo(5);
		assertThat(store.get("call10-caller").refusedLines()).isEqualTo(2);

		FinishedCall timeout = store.get("call11-caller");
		assertThat(timeout.outcome()).isEqualTo(CallOutcome.TIMEOUT);
		assertThat(timeout.waitSeconds().doubleValue()).isCloseTo(30, within(0.5));
		assertThat(timeout.hungUpBy()).isEqualTo(HungUpBy.SYSTEM);
	}

	@Test
	void in_hours_calls_are_counted_in_the_metric_and_out_of_hours_ones_are_not() {
		RECORDING.forEach(recorder(always(true))::onEvent);
		assertThat(counted("answered")).isEqualTo(6);
		assertThat(counted("abandoned")).isEqualTo(1);
		assertThat(counted("timeout")).isEqualTo(1);
		assertThat(counted("refused")).isEqualTo(3);
	}

	@Test
	void replaying_the_recording_again_changes_nothing_and_counts_nothing_twice() {
		CallRecorder recorder = recorder(always(true));
		RECORDING.forEach(recorder::onEvent);
		Map<String, FinishedCall> first = new LinkedHashMap<>(store.calls);

		RECORDING.forEach(recorder::onEvent);
		// and through a fresh recorder (an application restart) against the same store
		RECORDING.forEach(recorder(always(true))::onEvent);

		assertThat(store.calls).isEqualTo(first);
		assertThat(counted("answered") + counted("abandoned") + counted("timeout") + counted("refused")).isEqualTo(11);
	}

	@Test
	void nothing_is_left_open_or_waiting_after_the_recording() {
		CallAssembler assembler = new CallAssembler("inquiry", Duration.ofHours(4));
		RECORDING.forEach(assembler::accept);
		assertThat(assembler.openCalls()).isZero();
		assertThat(assembler.callersWaiting()).isZero();
		assertThat(assembler.linesInUse()).isZero();
	}

	@Test
	void the_recording_was_made_on_a_sunday_evening_so_the_calendar_puts_every_call_out_of_hours() {
		// 2026-11-22 08:39 UTC = Sunday 17:39 in Tokyo
		RECORDING.forEach(recorder(CALENDAR)::onEvent);

		assertThat(store.calls).hasSize(11);
		assertThat(store.inHours.values()).containsOnly(false);
		assertThat(counted("answered") + counted("abandoned") + counted("timeout") + counted("refused")).isZero();
	}

	@Test
	void the_same_calls_on_a_tuesday_morning_are_in_hours_per_the_calendar_and_counted() {
		// moved to Tuesday 2026-11-24 10:00 Tokyo, an open day
		List<ManagerEvent> moved = AmiLog.fixture("/fixtures/ami/ami-events.log");
		double shift = Instant.parse("2026-11-24T01:00:00Z").getEpochSecond() - 1795336740.0;
		moved.stream().filter(e -> e.getTimestamp() != null).forEach(e -> e.setTimestamp(e.getTimestamp() + shift));

		moved.forEach(recorder(CALENDAR)::onEvent);

		assertThat(store.inHours).hasSize(11);
		assertThat(store.inHours.values()).containsOnly(true);
		assertThat(counted("answered")).isEqualTo(6);
		assertThat(counted("abandoned")).isEqualTo(1);
		assertThat(counted("timeout")).isEqualTo(1);
		assertThat(counted("refused")).isEqualTo(3);
	}
}
