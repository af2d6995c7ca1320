package jp.ikiiki.desk.agentdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.agentdesk.CallbackItem;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.junit.jupiter.api.Test;

class CallbacksTest {

	static final Instant NINE = Instant.parse("2026-11-17T00:00:00Z");

	static CallRecord call(String id, int minute, CallOutcome outcome, String number) {
		Instant at = NINE.plusSeconds(minute * 60L);
		return new CallRecord(id, at, outcome, true, BigDecimal.TEN, null, null, null, number,
				outcome == CallOutcome.ANSWERED ? HungUpBy.AGENT : HungUpBy.CALLER, at.plusSeconds(30), false);
	}

	@Test
	void a_caller_who_gave_up_and_later_got_through_is_listed_as_answered_later() {
		List<CallbackItem> items = Callbacks.build(List.of(
				call("a1", 0, CallOutcome.ABANDONED, "0821111111"),
				call("a2", 5, CallOutcome.TIMEOUT, "0821111111"),
				call("a3", 9, CallOutcome.ANSWERED, "0821111111")), Map.of());

		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.callerNumber()).isEqualTo("0821111111");
			assertThat(i.unanswered()).extracting(CallbackItem.Unanswered::linkedId).containsExactly("a1", "a2");
			assertThat(i.answeredLaterAt()).isEqualTo(NINE.plusSeconds(9 * 60));
			assertThat(i.settled()).isTrue();
		});
	}

	@Test
	void an_answered_call_before_the_first_unanswered_one_does_not_count_as_answered_later() {
		List<CallbackItem> items = Callbacks.build(List.of(
				call("b1", 0, CallOutcome.ANSWERED, "0822222222"),
				call("b2", 5, CallOutcome.REFUSED, "0822222222")), Map.of());

		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.answeredLaterAt()).isNull();
			assertThat(i.settled()).isFalse();
		});
	}

	@Test
	void callers_only_answered_and_withheld_numbers_are_not_listed_and_the_latest_comes_first() {
		List<CallbackItem> items = Callbacks.build(List.of(
				call("c1", 0, CallOutcome.ANSWERED, "0823333333"),
				call("c2", 1, CallOutcome.ABANDONED, null),
				call("c3", 2, CallOutcome.ABANDONED, "0824444444"),
				call("c4", 3, CallOutcome.REFUSED, "0825555555")), Map.of());

		assertThat(items).extracting(CallbackItem::callerNumber).containsExactly("0825555555", "0824444444");
	}

	@Test
	void a_called_back_mark_settles_the_number() {
		Instant at = NINE.plusSeconds(3600);
		List<CallbackItem> items = Callbacks.build(List.of(call("d1", 0, CallOutcome.TIMEOUT, "0826666666")),
				Map.of("0826666666", new Callbacks.Mark("agent1", at, "留守電に伝言")));

		assertThat(items).singleElement().satisfies(i -> {
			assertThat(i.calledBackBy()).isEqualTo("agent1");
			assertThat(i.calledBackAt()).isEqualTo(at);
			assertThat(i.callbackNote()).isEqualTo("留守電に伝言");
			assertThat(i.settled()).isTrue();
		});
	}
}
