package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.InquiryClosed;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases from the agent desk's event and by hand, every step with who and when, refusals of wrong-order steps and
 * the audit trail (the report section: {@code EscalationsReportIT}).
 */
@SpringBootTest
class EscalationsIT {

	static final String CHANNEL = "test:escalations";

	@Autowired
	Escalations escalations;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BusinessCalendar calendar;

	@BeforeEach
	void empty() {
		jdbc.sql("delete from escalation").update();
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	static void as(String user, String role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}

	void publish(InquiryClosed event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	Optional<Long> caseOf(long callLogId) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			Optional<Long> id = jdbc.sql("select id from escalation where call_log_id = :c").param("c", callLogId)
					.query(Long.class).optional();
			if (id.isPresent()) {
				return id;
			}
			Thread.sleep(50);
		}
		return Optional.empty();
	}

	@Test
	void a_call_closed_as_needing_the_citys_instruction_opens_one_case_with_the_callers_number() throws Exception {
		Instant closed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var event = new InquiryClosed(501, "1700000000.42", "9900000001", "0822223333", "ポイント手帳 / 再交付",
				"本人死亡後の手帳の扱いを知りたい", InquiryClosed.Outcome.NEEDS_INSTRUCTION, "agent1", closed);
		publish(event);
		long id = caseOf(501).orElseThrow();
		publish(event); // redelivered: no second case
		publish(new InquiryClosed(502, null, null, null, "その他", "答えた", InquiryClosed.Outcome.ANSWERED, "agent1", closed));
		Thread.sleep(300);
		assertThat(jdbc.sql("select count(*) from escalation").query(Long.class).single()).isEqualTo(1);

		as("fm1", "FLOOR_MANAGER");
		EscalationCase c = escalations.find(id, CHANNEL).orElseThrow();
		assertThat(c.state()).isEqualTo(EscalationState.OPEN);
		assertThat(c.callLogId()).isEqualTo(501);
		assertThat(c.linkedId()).isEqualTo("1700000000.42");
		assertThat(c.subjectId()).isEqualTo("9900000001");
		assertThat(c.category()).isEqualTo("ポイント手帳 / 再交付");
		assertThat(c.inquiry()).isEqualTo("本人死亡後の手帳の扱いを知りたい");
		assertThat(c.opened().by()).isEqualTo("agent1");
		assertThat(c.opened().at()).isEqualTo(closed);
		assertThat(c.callerNumber()).isEqualTo("0822223333");

		as("city1", "CITY_STAFF");
		assertThat(escalations.find(id, CHANNEL).orElseThrow().callerNumber()).isNull();
		assertThat(escalations.list(null, false, CHANNEL)).singleElement()
				.satisfies(l -> assertThat(l.callerNumber()).isNull());
	}

	@Test
	void every_step_records_who_when_and_its_text() {
		as("fm1", "FLOOR_MANAGER");
		Instant before = Instant.now().minusSeconds(1);
		long id = escalations.open(new Escalations.NewCase("9900000002", "08200000000", "その他", "窓口で聞かれた"), CHANNEL).id();
		as("agent1", "AGENT");
		escalations.report(id, "市へ電話で報告", CHANNEL);
		as("city1", "CITY_STAFF");
		escalations.instruct(id, "手帳は返送不要と伝えてください", CHANNEL);
		as("agent2", "AGENT");
		escalations.calledBack(id, "本人の長男に伝えた", CHANNEL);
		as("fm2", "FLOOR_MANAGER");
		EscalationCase c = escalations.close(id, null, CHANNEL);
		Instant after = Instant.now().plusSeconds(1);

		assertThat(c.state()).isEqualTo(EscalationState.CLOSED);
		assertThat(List.of(c.opened(), c.reported(), c.instructed(), c.calledBack(), c.closed()))
				.extracting(EscalationCase.Step::by).containsExactly("fm1", "agent1", "city1", "agent2", "fm2");
		assertThat(List.of(c.opened(), c.reported(), c.instructed(), c.calledBack(), c.closed()))
				.allSatisfy(s -> assertThat(s.at()).isBetween(before, after));
		assertThat(c.reported().text()).isEqualTo("市へ電話で報告");
		assertThat(c.instructed().text()).isEqualTo("手帳は返送不要と伝えてください");
		assertThat(c.calledBack().text()).isEqualTo("本人の長男に伝えた");
		assertThat(c.closed().text()).isNull();
		assertThat(c.ageing()).isEqualTo(EscalationCase.Ageing.NORMAL);
	}

	@Test
	void wrong_order_steps_are_refused_and_change_nothing() {
		as("fm1", "FLOOR_MANAGER");
		long id = escalations.open(new Escalations.NewCase(null, null, null, "問合せ"), CHANNEL).id();
		as("city1", "CITY_STAFF");
		assertThatThrownBy(() -> escalations.instruct(id, "指示", CHANNEL)).isInstanceOf(EscalationStateException.class)
				.hasMessage("案件 " + id + " は「受付」です。「市の指示受領」にできるのは「市へ報告」の案件だけです");
		as("agent1", "AGENT");
		assertThatThrownBy(() -> escalations.close(id, null, CHANNEL)).isInstanceOf(EscalationStateException.class);
		assertThatThrownBy(() -> escalations.report(id, " ", CHANNEL)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("市への報告内容を入力してください");
		assertThatThrownBy(() -> escalations.report(999_999, "x", CHANNEL)).hasMessage("案件 999999 はありません");
		escalations.report(id, "報告", CHANNEL);
		assertThatThrownBy(() -> escalations.report(id, "二度目", CHANNEL)).isInstanceOf(EscalationStateException.class);
		// Agents do not enter the city's instruction; city staff do not report or close.
		assertThatThrownBy(() -> escalations.instruct(id, "指示", CHANNEL)).isInstanceOf(AccessDeniedException.class);
		as("city1", "CITY_STAFF");
		assertThatThrownBy(() -> escalations.open(new Escalations.NewCase(null, null, null, "x"), CHANNEL))
				.isInstanceOf(AccessDeniedException.class);
		EscalationCase c = escalations.find(id, CHANNEL).orElseThrow();
		assertThat(c.state()).isEqualTo(EscalationState.REPORTED);
		assertThat(c.reported().text()).isEqualTo("報告");
		assertThat(c.instructed()).isNull();
	}

	@Test
	void counts_and_the_stale_filter_follow_the_age_in_open_days() {
		as("fm1", "FLOOR_MANAGER");
		long fresh = escalations.open(new Escalations.NewCase(null, null, null, "新しい"), CHANNEL).id();
		long old = escalations.open(new Escalations.NewCase(null, null, null, "古い"), CHANNEL).id();
		escalations.report(old, "報告", CHANNEL);
		// Reported three weeks ago: far past the alert threshold in open days.
		jdbc.sql("update escalation set opened_at = now() - interval '22 days', reported_at = now() - interval '21 days'"
				+ " where id = :id").param("id", old).update();

		var counts = escalations.counts();
		assertThat(counts.byState()).containsEntry(EscalationState.OPEN, 1L).containsEntry(EscalationState.REPORTED, 1L)
				.containsEntry(EscalationState.CLOSED, 0L);
		assertThat(counts.stale()).isEqualTo(1);
		assertThat(escalations.list(null, true, CHANNEL)).extracting(EscalationCase::id).containsExactly(old);
		assertThat(escalations.list(EscalationState.OPEN, false, CHANNEL)).extracting(EscalationCase::id).containsExactly(fresh);
		EscalationCase c = escalations.find(old, CHANNEL).orElseThrow();
		assertThat(c.daysWaitingForCity()).isGreaterThanOrEqualTo(10);
		assertThat(c.ageing()).isEqualTo(EscalationCase.Ageing.ALERT);
	}

	@Test
	void every_step_and_every_read_is_audited_without_the_callers_number() {
		as("fm1", "FLOOR_MANAGER");
		long id = escalations.open(new Escalations.NewCase("9900000003", "0829998888", null, "x"), "画面:監査テスト").id();
		escalations.report(id, "r", "画面:監査テスト");
		escalations.find(id, "画面:監査テスト");
		escalations.list(null, false, "画面:監査テスト");
		List<String> rows = jdbc.sql("select action || ' ' || username || ' ' || array_to_string(subject_ids, ',') || ' ' || detail"
						+ " from audit_event where channel = '画面:監査テスト' and (detail like :d or detail like 'エスカレーション一覧%')"
						+ " order by id")
				.param("d", "エスカレーション " + id + "%").query(String.class).list();
		assertThat(rows).containsExactly(
				"CREATE fm1 9900000003 エスカレーション " + id + " 受付（手動）",
				"UPDATE fm1 9900000003 エスカレーション " + id + " 受付 → 市へ報告",
				"VIEW fm1 9900000003 エスカレーション " + id + "（発信者番号を含む）",
				"VIEW fm1 9900000003 エスカレーション一覧 1件");
		assertThat(jdbc.sql("select count(*) from audit_event where detail like '%0829998888%'").query(Long.class).single())
				.isZero();
	}
}
