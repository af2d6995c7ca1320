package jp.ikiiki.desk.subjects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/subjects} and {@code GET /api/subjects/{addressNumber}}. The user is set per
 * request: the API chain is stateless, and {@code @WithMockUser} holds only for the first request of a test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubjectsApiIT {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void subjects() {
		SubjectLookupFixtures.insert(jdbc);
	}

	@Test
	void search_returns_the_documented_json_shape() throws Exception {
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("q", "たなか S15.3.2"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].addressNumber").value("9900000001"))
				.andExpect(jsonPath("$[0].managementNumber").value("A0000001"))
				.andExpect(jsonPath("$[0].nameKana").value("タナカ　タロウ"))
				.andExpect(jsonPath("$[0].nameKanji").value("田中　太郎"))
				.andExpect(jsonPath("$[0].birthDate").value("1940-03-02"))
				.andExpect(jsonPath("$[0].ended").value(false));
	}

	@Test
	void search_takes_explicit_parameters_combined_with_q() throws Exception {
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("kana", "ﾀﾅｶ").param("address", "己斐"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].addressNumber").value(hasItem("9900000002")))
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("q", "田中").param("birthDate", "昭和17年5月10日"))
				.andExpect(jsonPath("$[*].addressNumber").value(hasItem("9900000002")))
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("managementNumber", "*A0000003*"))
				.andExpect(jsonPath("$[0].addressNumber").value("9900000003"));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("addressNumber", "9900000004"))
				.andExpect(jsonPath("$[0].nameKanji").value("佐藤　京子"));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("kanji", "中田"))
				.andExpect(jsonPath("$[0].addressNumber").value("9900000003"));
	}

	@Test
	void search_limit_is_honoured_and_bounded() throws Exception {
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("address", "広島市").param("limit", "2"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("address", "広島市").param("limit", "201"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void search_without_criteria_or_with_a_bad_date_is_refused_with_a_japanese_reason() throws Exception {
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value("検索条件を入力してください"));
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("birthDate", "H31.5.1"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value(containsString("生年月日")))
				.andExpect(jsonPath("$.field").value("生年月日"));
	}

	@Test
	void hostile_queries_are_problems_with_a_japanese_reason_never_a_500_and_are_audited() throws Exception {
		for (String q : new String[] {"\u0000", "タナカ\u001b[2J", "x".repeat(201), "a b c d e f g h i j k"}) {
			mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("q", q))
					.andExpect(status().isUnprocessableEntity())
					.andExpect(jsonPath("$.title").value("内容を受け付けられません"))
					.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.matchesPattern(".*[ぁ-んァ-ン一-龥].*")));
		}
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("addressNumber", "12\u0000"))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("kana", "タナカ\u0007"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("氏名カナ"));
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("address", "%_\\'\"; drop table subject"))
				.andExpect(status().isOk());
		mvc.perform(get("/api/subjects/12a").with(user("hostile-subjects").roles("AGENT")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.reason").value("この宛名番号の対象者はいません"));
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("q", "タナカ").param("limit", "-1"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.reason").value(containsString("limit")));
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("q", "タナカ").param("offset", "-1"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/subjects").with(user("hostile-subjects").roles("AGENT")).param("q", "タナカ").param("limit", "x"))
				.andExpect(status().isBadRequest());

		var refused = jdbc.sql("select detail from audit_event where username = 'hostile-subjects' and action = 'SEARCH'"
				+ " and detail like 'refused:%' order by id").query(String.class).list();
		assertThat(refused).hasSizeGreaterThanOrEqualTo(5);
		assertThat(refused.get(0)).contains("制御文字（NUL）").contains("q=<NUL>");
		assertThat(jdbc.sql("select count(*) from subject").query(Integer.class).single()).isPositive();
	}

	@Test
	void detail_is_json_without_bank_details_for_an_agent() throws Exception {
		mvc.perform(get("/api/subjects/9900000001").with(user("agent").roles("AGENT")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.addressNumber").value("9900000001"))
				.andExpect(jsonPath("$.nameKanji").value("田中　太郎"))
				.andExpect(jsonPath("$.birthDate").value("1940-03-02"))
				.andExpect(jsonPath("$.wardName").value("中区"))
				.andExpect(jsonPath("$.residence.postalCode").value("7300013"))
				.andExpect(jsonPath("$.care.level").value("要介護2"))
				.andExpect(jsonPath("$.subsidy.ticketType").value("タクシー券"))
				.andExpect(jsonPath("$.booklet.status").value("交付済"))
				.andExpect(jsonPath("$.points.total").value(24))
				.andExpect(jsonPath("$.ended").value(false))
				.andExpect(jsonPath("$.bankAccount").doesNotExist());
	}

	@Test
	void detail_has_bank_details_for_an_operator() throws Exception {
		mvc.perform(get("/api/subjects/9900000001").with(user("operator").roles("OPERATOR")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.bankAccount.bankCode").value("0169"))
				.andExpect(jsonPath("$.bankAccount.holder").value("タナカ　タロウ"));
	}

	@Test
	void unknown_subject_is_404_and_still_audited() throws Exception {
		mvc.perform(get("/api/subjects/9999999999").with(user("agent").roles("AGENT"))).andExpect(status().isNotFound());
		Integer n = jdbc.sql("select count(*) from audit_event where action = 'VIEW' and channel = :c and '9999999999' = any(subject_ids)")
				.param("c", SubjectsApi.DETAIL_CHANNEL).query(Integer.class).single();
		assertThat(n).isPositive();
	}

	@Test
	void security_admin_is_forbidden() throws Exception {
		mvc.perform(get("/api/subjects").with(user("security").roles("SECURITY_ADMIN")).param("q", "タナカ")).andExpect(status().isForbidden());
		mvc.perform(get("/api/subjects/9900000001").with(user("security").roles("SECURITY_ADMIN"))).andExpect(status().isForbidden());
	}

	@Test
	void unauthenticated_is_401() throws Exception {
		mvc.perform(get("/api/subjects").param("q", "タナカ")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/subjects/9900000001")).andExpect(status().isUnauthorized());
	}

	@Test
	void api_search_is_audited_under_its_channel() throws Exception {
		mvc.perform(get("/api/subjects").with(user("agent").roles("AGENT")).param("addressNumber", "9900000004")).andExpect(status().isOk());
		Integer n = jdbc.sql("select count(*) from audit_event where action = 'SEARCH' and channel = 'GET /api/subjects'"
				+ " and username = 'agent' and '9900000004' = any(subject_ids) and detail like 'addressNumber=9900000004%'")
				.query(Integer.class).single();
		assertThat(n).isPositive();
	}
}
