package jp.ikiiki.desk.agentdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.telephony.CallOutcome;
import org.junit.jupiter.api.Test;

class EarlierCallsTest {

	static final Instant T = CallbacksTest.NINE;

	static CallLogEntry logged(long id, String linkedId, int minute, boolean manual) {
		return new CallLogEntry(id, linkedId, manual, "0821111111", null, null, "agent1", T.plusSeconds(minute * 60L),
				"1000001", CallerKind.SUBJECT, new InquiryCategory(3, 1L, "手帳", "再交付", 2, true), "再交付の案内", null,
				null, Outcome.ANSWERED, T.plusSeconds(minute * 60L + 120));
	}

	@Test
	void logged_calls_keep_their_category_and_note_and_unlogged_records_show_the_telephony_outcome_newest_first() {
		List<EarlierCall> calls = EarlierCalls.merge("now",
				List.of(logged(1, "x1", 10, false), logged(2, null, 30, true)),
				List.of(CallbacksTest.call("x1", 10, CallOutcome.ANSWERED, "0821111111"),
						CallbacksTest.call("x0", 5, CallOutcome.ABANDONED, "0821111111")),
				20);

		assertThat(calls).extracting(EarlierCall::result).containsExactly("回答済（手動記録）", "回答済", "放棄");
		assertThat(calls.get(1).category()).isEqualTo("手帳 / 再交付");
		assertThat(calls.get(1).note()).isEqualTo("再交付の案内");
		assertThat(calls.get(2).logged()).isFalse();
	}

	@Test
	void the_current_call_is_left_out_and_the_list_is_capped() {
		List<EarlierCall> calls = EarlierCalls.merge("now", List.of(logged(1, "now", 50, false)),
				List.of(CallbacksTest.call("now", 50, CallOutcome.ANSWERED, "0821111111"),
						CallbacksTest.call("r1", 1, CallOutcome.TIMEOUT, "0821111111"),
						CallbacksTest.call("r2", 2, CallOutcome.REFUSED, "0821111111"),
						CallbacksTest.call("r3", 3, CallOutcome.ABANDONED, "0821111111")),
				2);

		assertThat(calls).extracting(EarlierCall::result).containsExactly("放棄", "話中（回線超過）");
	}
}
