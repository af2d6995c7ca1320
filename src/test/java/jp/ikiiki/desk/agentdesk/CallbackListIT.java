package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueLinkedId;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.telephony.CallOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The callback list from the stored call records of one day (Asia/Tokyo): unanswered callers by number, whether
 * they called again and were answered, "called back" marks, and the audit rows without the numbers. Each test
 * makes its own numbers and looks only at them.
 */
@SpringBootTest
class CallbackListIT {

	/** Tuesday 2026-11-17 in Tokyo: 09:00 is 00:00 UTC. */
	static final LocalDate DAY = LocalDate.of(2026, 11, 17);
	static final Instant NINE = Instant.parse("2026-11-17T00:00:00Z");

	@Autowired
	CallbackList callbacks;
	@Autowired
	JdbcClient jdbc;

	final String gaveUpThenAnswered = uniqueNumber();
	final String neverAnswered = uniqueNumber();
	final String answeredOnly = uniqueNumber();
	final String dayBefore = uniqueNumber();
	final String agent = uniqueUser("agent-cb");

	@BeforeEach
	void calls() {
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), NINE, "ABANDONED", gaveUpThenAnswered);
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), NINE.plusSeconds(1800), "ANSWERED", gaveUpThenAnswered);
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), NINE.plusSeconds(600), "TIMEOUT", neverAnswered);
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), NINE.plusSeconds(900), "REFUSED", neverAnswered);
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), NINE.plusSeconds(60), "ANSWERED", answeredOnly);
		// 23:59 Tokyo the day before: another day.
		DeskTestSupport.callRecord(jdbc, uniqueLinkedId(), Instant.parse("2026-11-16T14:59:00Z"), "ABANDONED", dayBefore);
	}

	@Test
	void unanswered_callers_of_the_day_show_whether_they_called_again_and_were_answered() {
		List<CallbackItem> items = mine(as(agent, "AGENT", () -> callbacks.day(DAY)));

		assertThat(items).extracting(CallbackItem::callerNumber).containsExactly(neverAnswered, gaveUpThenAnswered);
		CallbackItem waiting = items.get(0);
		assertThat(waiting.unanswered()).extracting(CallbackItem.Unanswered::outcome)
				.containsExactly(CallOutcome.TIMEOUT, CallOutcome.REFUSED);
		assertThat(waiting.answeredLaterAt()).isNull();
		assertThat(waiting.settled()).isFalse();
		assertThat(items.get(1).answeredLaterAt()).isEqualTo(NINE.plusSeconds(1800));
		assertThat(mine(as(agent, "AGENT", () -> callbacks.day(DAY.minusDays(1)))))
				.extracting(CallbackItem::callerNumber).containsExactly(dayBefore);
	}

	@Test
	void an_agent_marks_a_number_called_back_with_a_note_and_the_audit_names_no_number() {
		String manager = uniqueUser("manager-cb");
		as(agent, "AGENT", () -> callbacks.markCalledBack(DAY, neverAnswered, "本人に折返し済"));

		CallbackItem item = mine(as(manager, "FLOOR_MANAGER", () -> callbacks.day(DAY))).get(0);
		assertThat(item.calledBackBy()).isEqualTo(agent);
		assertThat(item.callbackNote()).isEqualTo("本人に折返し済");
		assertThat(item.settled()).isTrue();

		List<String> audit = jdbc.sql("select detail from audit_event where username in (:u)")
				.param("u", List.of(agent, manager)).query(String.class).list();
		assertThat(audit).anyMatch(d -> d.contains("折返し済み")).anyMatch(d -> d.contains("折返しリスト"))
				.noneMatch(d -> d.contains(neverAnswered));
		assertThatThrownBy(() -> as(agent, "AGENT", () -> callbacks.markCalledBack(DAY, " ", "")))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("電話番号");
	}

	@Test
	void operators_and_city_staff_do_not_see_the_callback_list() {
		assertThatThrownBy(() -> as("op", "OPERATOR", () -> callbacks.day(DAY))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("city", "CITY_STAFF", () -> callbacks.day(DAY))).isInstanceOf(AccessDeniedException.class);
	}

	/** Only this test's numbers (other tests' calls share the database). */
	private List<CallbackItem> mine(List<CallbackItem> items) {
		List<String> own = List.of(gaveUpThenAnswered, neverAnswered, answeredOnly, dayBefore);
		return items.stream().filter(i -> own.contains(i.callerNumber())).toList();
	}
}
