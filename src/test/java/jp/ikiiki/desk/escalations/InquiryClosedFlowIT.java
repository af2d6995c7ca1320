package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import jp.ikiiki.desk.agentdesk.InquiryClosed;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The event flow from the agent desk to the escalations module, with the escalations module alone (plus the
 * platform's database, the audit trail and the calendar): an {@link InquiryClosed} needing the city's instruction
 * opens one case, after the publishing transaction commits, through the event publication registry. A redelivered
 * event opens no second case — checked once the registry has finished both deliveries, so that a slow listener
 * cannot make the test pass — and other outcomes open none. Each test uses its own call log ids.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "audit", "calendar" })
class InquiryClosedFlowIT {

	@MockitoBean
	SubjectLookup subjects;
	@Autowired
	Escalations escalations;
	@Autowired
	JdbcClient jdbc;

	final long callLogId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
	final Instant closedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	InquiryClosed closed(Outcome outcome) {
		return new InquiryClosed(callLogId, "1700000000." + callLogId, "9900000001", "0822223333", "ポイント手帳 / 再交付",
				"本人死亡後の手帳の扱いを知りたい", outcome, "agent1", closedAt);
	}

	@Test
	void a_call_closed_as_needing_the_citys_instruction_opens_a_case_with_the_number_to_call_back(Scenario scenario) {
		scenario.publish(closed(Outcome.NEEDS_INSTRUCTION))
				.andWaitForStateChange(() -> caseOf(callLogId))
				.andVerify(id -> {
					as("fm1", "FLOOR_MANAGER");
					EscalationCase c = escalations.find(id.orElseThrow(), "test").orElseThrow();
					assertThat(c.state()).isEqualTo(EscalationState.OPEN);
					assertThat(c.callLogId()).isEqualTo(callLogId);
					assertThat(c.linkedId()).isEqualTo("1700000000." + callLogId);
					assertThat(c.subjectId()).isEqualTo("9900000001");
					assertThat(c.category()).isEqualTo("ポイント手帳 / 再交付");
					assertThat(c.inquiry()).isEqualTo("本人死亡後の手帳の扱いを知りたい");
					assertThat(c.opened().by()).isEqualTo("agent1");
					assertThat(c.opened().at()).isEqualTo(closedAt);
					assertThat(c.callerNumber()).isEqualTo("0822223333");
					// City staff never see the number: calling back is the contractor's work.
					as("city1", "CITY_STAFF");
					assertThat(escalations.find(id.orElseThrow(), "test").orElseThrow().callerNumber()).isNull();
				});
	}

	@Test
	void a_redelivered_event_opens_no_second_case(Scenario scenario) {
		InquiryClosed event = closed(Outcome.NEEDS_INSTRUCTION);
		scenario.publish(event).andWaitForStateChange(() -> caseOf(callLogId)).andVerify(id -> assertThat(id).isPresent());

		scenario.publish(event)
				.andWaitForStateChange(() -> pendingDeliveries(callLogId), pending -> pending == 0)
				.andVerify(pending -> assertThat(casesOf(callLogId)).isOne());
	}

	@Test
	void a_call_closed_answered_or_for_a_callback_opens_no_case(Scenario scenario) {
		scenario.publish(closed(Outcome.ANSWERED))
				.andWaitForStateChange(() -> pendingDeliveries(callLogId), pending -> pending == 0)
				.andVerify(pending -> assertThat(casesOf(callLogId)).isZero());
		scenario.publish(closed(Outcome.CALL_BACK))
				.andWaitForStateChange(() -> pendingDeliveries(callLogId), pending -> pending == 0)
				.andVerify(pending -> assertThat(casesOf(callLogId)).isZero());
	}

	private Optional<Long> caseOf(long callLog) {
		return jdbc.sql("select id from escalation where call_log_id = :c").param("c", callLog).query(Long.class)
				.optional();
	}

	private long casesOf(long callLog) {
		return jdbc.sql("select count(*) from escalation where call_log_id = :c").param("c", callLog).query(Long.class)
				.single();
	}

	/** Deliveries of this entry's event the registry has not completed (a completed one is deleted). */
	private long pendingDeliveries(long callLog) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%InquiryClosed' and completion_date is null and serialized_event like :id
				""").param("id", "%\"callLogId\":" + callLog + ",%").query(Long.class).single();
	}

	private static void as(String user, String role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}
}
