package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The callback list from the stored call records of one day (Asia/Tokyo): unanswered callers by number, whether
 * they called again and were answered, "called back" marks, and the audit rows without the numbers.
 */
@SpringBootTest
@RecordApplicationEvents
class CallbackListIT {

	/** Tuesday 2026-11-17 in Tokyo: 09:00 is 00:00 UTC. */
	static final LocalDate DAY = LocalDate.of(2026, 11, 17);
	static final Instant NINE = Instant.parse("2026-11-17T00:00:00Z");

	@Autowired
	CallbackList callbacks;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void calls() {
		jdbc.sql("delete from call_record where caller_number like '0828%'").update();
		jdbc.sql("delete from callback_mark").update();
		// Gave up, then got through later that day.
		DeskTestSupport.callRecord(jdbc, "cb-1", NINE, "ABANDONED", "0828000001");
		DeskTestSupport.callRecord(jdbc, "cb-2", NINE.plusSeconds(1800), "ANSWERED", "0828000001");
		// Timed out and refused, never answered.
		DeskTestSupport.callRecord(jdbc, "cb-3", NINE.plusSeconds(600), "TIMEOUT", "0828000002");
		DeskTestSupport.callRecord(jdbc, "cb-4", NINE.plusSeconds(900), "REFUSED", "0828000002");
		// Answered only: not on the list. The day before 00:00 Tokyo: another day.
		DeskTestSupport.callRecord(jdbc, "cb-5", NINE.plusSeconds(60), "ANSWERED", "0828000003");
		DeskTestSupport.callRecord(jdbc, "cb-6", Instant.parse("2026-11-16T14:59:00Z"), "ABANDONED", "0828000004");
	}

	@Test
	void unanswered_callers_of_the_day_show_whether_they_called_again_and_were_answered() {
		List<CallbackItem> items = mine(as("agent-cb", "AGENT", () -> callbacks.day(DAY)));

		assertThat(items).extracting(CallbackItem::callerNumber).containsExactly("0828000002", "0828000001");
		CallbackItem waiting = items.get(0);
		assertThat(waiting.unanswered()).extracting(CallbackItem.Unanswered::outcome)
				.containsExactly(CallOutcome.TIMEOUT, CallOutcome.REFUSED);
		assertThat(waiting.answeredLaterAt()).isNull();
		assertThat(waiting.settled()).isFalse();
		assertThat(items.get(1).answeredLaterAt()).isEqualTo(NINE.plusSeconds(1800));
		assertThat(mine(as("agent-cb", "AGENT", () -> callbacks.day(DAY.minusDays(1)))))
				.extracting(CallbackItem::callerNumber).containsExactly("0828000004");
	}

	@Test
	void an_agent_marks_a_number_called_back_with_a_note_and_the_audit_names_no_number() {
		as("agent-cb", "AGENT", () -> callbacks.markCalledBack(DAY, "0828000002", "本人に折返し済"));

		CallbackItem item = mine(as("manager-cb", "FLOOR_MANAGER", () -> callbacks.day(DAY))).get(0);
		assertThat(item.calledBackBy()).isEqualTo("agent-cb");
		assertThat(item.callbackNote()).isEqualTo("本人に折返し済");
		assertThat(item.settled()).isTrue();

		List<String> audit = jdbc.sql("select detail from audit_event where username in ('agent-cb', 'manager-cb')")
				.query(String.class).list();
		assertThat(audit).anyMatch(d -> d.contains("折返し済み")).anyMatch(d -> d.contains("折返しリスト"))
				.noneMatch(d -> d.contains("0828000002"));
		assertThatThrownBy(() -> as("agent-cb", "AGENT", () -> callbacks.markCalledBack(DAY, " ", "")))
				.hasMessageContaining("電話番号");
	}

	@Test
	void operators_and_city_staff_do_not_see_the_callback_list() {
		assertThatThrownBy(() -> as("op", "OPERATOR", () -> callbacks.day(DAY))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("city", "CITY_STAFF", () -> callbacks.day(DAY))).isInstanceOf(AccessDeniedException.class);
	}

	/** Only this test's numbers (other tests' calls may share the database). */
	private static List<CallbackItem> mine(List<CallbackItem> items) {
		return items.stream().filter(i -> i.callerNumber().startsWith("0828")).toList();
	}
}
