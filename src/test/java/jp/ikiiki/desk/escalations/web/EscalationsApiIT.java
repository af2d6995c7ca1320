package jp.ikiiki.desk.escalations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/escalations} and {@code POST /api/escalations/{id}/instruction}. */
@SpringBootTest
@AutoConfigureMockMvc
class EscalationsApiIT {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	long open;
	long reported;

	@BeforeEach
	void cases() {
		jdbc.sql("delete from escalation").update();
		open = jdbc.sql("""
				insert into escalation (state, subject_id, caller_number, category, inquiry, opened_by, opened_at)
				values ('OPEN', '9900000001', '0821112222', 'その他', '受付のみ', 'agent1', now()) returning id""")
				.query(Long.class).single();
		reported = jdbc.sql("""
				insert into escalation (state, subject_id, caller_number, category, inquiry, opened_by, opened_at,
				    reported_by, reported_at, report_text)
				values ('REPORTED', '9900000002', '0823334444', 'ポイント手帳 / 再交付', '死亡後の手帳', 'agent1', now(),
				    'fm1', now(), '市へ報告しました') returning id""")
				.query(Long.class).single();
	}

	@Test
	void floor_managers_and_city_staff_list_cases_filtered_by_state_without_caller_numbers() throws Exception {
		mvc.perform(get("/api/escalations").with(user("fm1").roles("FLOOR_MANAGER")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].id").value(open))
				.andExpect(jsonPath("$[0].callerNumber").doesNotExist());
		mvc.perform(get("/api/escalations").with(user("city1").roles("CITY_STAFF")).param("state", "REPORTED"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].id").value(reported))
				.andExpect(jsonPath("$[0].state").value("REPORTED"))
				.andExpect(jsonPath("$[0].stateLabel").value("市へ報告"))
				.andExpect(jsonPath("$[0].subjectId").value("9900000002"))
				.andExpect(jsonPath("$[0].report").value("市へ報告しました"))
				.andExpect(jsonPath("$[0].daysWaitingForCity").value(0))
				.andExpect(jsonPath("$[0].stale").value(false));
		mvc.perform(get("/api/escalations").with(user("city1").roles("CITY_STAFF")).param("state", "WAITING"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value(containsString("REPORTED")))
				.andExpect(jsonPath("$.field").value("state"));
	}

	@Test
	void city_staff_post_the_instruction_of_a_reported_case() throws Exception {
		mvc.perform(post("/api/escalations/{id}/instruction", reported).with(user("city1").roles("CITY_STAFF"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"返送不要と伝えてください\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("INSTRUCTED"))
				.andExpect(jsonPath("$.instructedBy").value("city1"))
				.andExpect(jsonPath("$.instruction").value("返送不要と伝えてください"))
				.andExpect(jsonPath("$.instructedAt").isNotEmpty());
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'city1' and action = 'UPDATE'"
						+ " and channel = 'POST /api/escalations/{id}/instruction' and detail like :d")
				.param("d", "エスカレーション " + reported + " 市へ報告 → 市の指示受領").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void an_instruction_out_of_order_or_blank_is_refused() throws Exception {
		mvc.perform(post("/api/escalations/{id}/instruction", open).with(user("city1").roles("CITY_STAFF"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"指示\"}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("「市へ報告」の案件だけです")));
		mvc.perform(post("/api/escalations/{id}/instruction", reported).with(user("city1").roles("CITY_STAFF"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"  \"}"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value("市の指示内容を入力してください"))
				.andExpect(jsonPath("$.field").value("市の指示内容"));
		assertThat(jdbc.sql("select state from escalation where id = :id").param("id", reported).query(String.class).single())
				.isEqualTo("REPORTED");
	}

	@Test
	void an_instruction_for_a_case_nobody_opened_answers_404() throws Exception {
		mvc.perform(post("/api/escalations/{id}/instruction", 987_654_321L).with(user("city1").roles("CITY_STAFF"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"指示\"}"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("案件 987654321 はありません"));
	}

	@Test
	void agents_and_floor_managers_may_not_post_instructions_and_agents_may_not_list() throws Exception {
		mvc.perform(post("/api/escalations/{id}/instruction", reported).with(user("fm1").roles("FLOOR_MANAGER"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"x\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/escalations").with(user("agent1").roles("AGENT"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/escalations")).andExpect(status().isUnauthorized());
	}
}
