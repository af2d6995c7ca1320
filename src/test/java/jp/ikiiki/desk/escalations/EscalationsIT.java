package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Cases opened by hand, every step with who and when, refusals (wrong-order steps, unknown cases, a 宛名番号 nobody
 * has), counts and the stale filter, the report section and the audit trail. Each test works on the cases it opens
 * (counts are compared before and after). The event flow from the agent desk is {@link InquiryClosedFlowIT}.
 */
@SpringBootTest
class EscalationsIT {

	static final String CHANNEL = "test:escalations";

	@Autowired
	Escalations escalations;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BusinessCalendar calendar;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	static void as(String user, String role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}

	@BeforeEach
	void subjects() {
		SubjectLookupFixtures.insert(jdbc);
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
				.isInstanceOf(StateConflictException.class)
				.hasMessage("案件 " + id + " は「受付」です。「市の指示受領」にできるのは「市へ報告」の案件だけです");
		as("agent1", "AGENT");
		assertThatThrownBy(() -> escalations.close(id, null, CHANNEL)).isInstanceOf(EscalationStateException.class);
		assertThatThrownBy(() -> escalations.report(id, " ", CHANNEL)).isInstanceOf(InvalidInputException.class)
				.hasMessage("市への報告内容を入力してください");
		assertThatThrownBy(() -> escalations.report(999_999_999, "x", CHANNEL)).isInstanceOf(NotFoundException.class)
				.hasMessage("案件 999999999 はありません");
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
	void a_case_opened_by_hand_for_an_address_number_nobody_has_is_refused_with_the_reason() {
		as("fm1", "FLOOR_MANAGER");
		long before = jdbc.sql("select count(*) from escalation").query(Long.class).single();
		assertThatThrownBy(() -> escalations.open(new Escalations.NewCase("9999", null, null, "存在しない宛名番号"), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("宛名番号 9999 の対象者はいません")
				.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("宛名番号"));
		assertThatThrownBy(() -> escalations.open(new Escalations.NewCase("99-00", null, null, "数字でない"), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("数字");
		assertThat(jdbc.sql("select count(*) from escalation").query(Long.class).single()).isEqualTo(before);
		// Full-width digits are the same 宛名番号.
		EscalationCase c = escalations.open(new Escalations.NewCase("９９０００００００１", null, null, "全角で入力"), CHANNEL);
		assertThat(c.subjectId()).isEqualTo("9900000001");
	}

	@Test
	void counts_and_the_stale_filter_follow_the_age_in_open_days() {
		as("fm1", "FLOOR_MANAGER");
		var countsBefore = escalations.counts();
		long fresh = escalations.open(new Escalations.NewCase(null, null, null, "新しい"), CHANNEL).id();
		long old = escalations.open(new Escalations.NewCase(null, null, null, "古い"), CHANNEL).id();
		escalations.report(old, "報告", CHANNEL);
		// Reported three weeks ago: far past the alert threshold in open days.
		jdbc.sql("update escalation set opened_at = now() - interval '22 days', reported_at = now() - interval '21 days'"
				+ " where id = :id").param("id", old).update();

		var counts = escalations.counts();
		assertThat(counts.byState().get(EscalationState.OPEN)).isEqualTo(countsBefore.byState().get(EscalationState.OPEN) + 1);
		assertThat(counts.byState().get(EscalationState.REPORTED))
				.isEqualTo(countsBefore.byState().get(EscalationState.REPORTED) + 1);
		assertThat(counts.stale()).isEqualTo(countsBefore.stale() + 1);
		assertThat(escalations.list(null, true, CHANNEL)).extracting(EscalationCase::id).contains(old).doesNotContain(fresh);
		assertThat(escalations.list(EscalationState.OPEN, false, CHANNEL)).extracting(EscalationCase::id).contains(fresh)
				.doesNotContain(old);
		EscalationCase c = escalations.find(old, CHANNEL).orElseThrow();
		assertThat(c.daysWaitingForCity()).isGreaterThanOrEqualTo(10);
		assertThat(c.ageing()).isEqualTo(EscalationCase.Ageing.ALERT);
	}

	@Test
	void every_step_and_every_read_is_audited_without_the_callers_number() {
		as("fm1", "FLOOR_MANAGER");
		String channel = "画面:監査テスト-" + java.util.UUID.randomUUID();
		long id = escalations.open(new Escalations.NewCase("9900000003", "0829998888", null, "x"), channel).id();
		escalations.report(id, "r", channel);
		escalations.find(id, channel);
		List<EscalationCase> listed = escalations.list(null, false, channel);
		List<String> rows = jdbc.sql("select action || ' ' || username || ' ' || detail"
						+ " from audit_event where channel = :c and (detail like :d or detail like 'エスカレーション一覧%')"
						+ " order by id")
				.param("c", channel).param("d", "エスカレーション " + id + "%").query(String.class).list();
		assertThat(rows).containsExactly(
				"CREATE fm1 エスカレーション " + id + " 受付（手動）",
				"UPDATE fm1 エスカレーション " + id + " 受付 → 市へ報告",
				"VIEW fm1 エスカレーション " + id + "（発信者番号を含む）",
				"VIEW fm1 エスカレーション一覧 " + listed.size() + "件");
		// The four above, and the look-up that checked the 宛名番号 when the case was opened.
		assertThat(jdbc.sql("select count(*) from audit_event where channel = :c and '9900000003' = any(subject_ids)")
				.param("c", channel).query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from audit_event where detail like '%0829998888%'").query(Long.class).single())
				.isZero();
	}
}
