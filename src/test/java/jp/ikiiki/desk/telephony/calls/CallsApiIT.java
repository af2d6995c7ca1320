package jp.ikiiki.desk.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.HungUpBy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/calls} and {@code GET /api/calls/stats}. The user is set per request: the API chain is
 * stateless.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CallsApiIT {

	/** Tuesday 2026-09-15 09:30 Tokyo. */
	static final Instant T = Instant.parse("2026-09-15T00:30:00Z");

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcCallStore store;
	@Autowired
	JdbcClient jdbc;

	/** The test's own calls on its own days (15 and 16 September 2026, which no other test uses); saving them again changes nothing. */
	@BeforeEach
	void calls() {
		store.save(new FinishedCall("api-1", "inquiry", CallOutcome.ANSWERED, T, T.plusSeconds(1), T.plusSeconds(13),
				T.plusSeconds(13), T.plusSeconds(200), new BigDecimal("12.000"), 3, 187, 12, "Agent 1", "0821112222",
				HungUpBy.CALLER, false, null, null, false), true);
		store.save(new FinishedCall("api-2", null, CallOutcome.REFUSED, T.plusSeconds(60), null, null, null,
				T.plusSeconds(61), BigDecimal.ZERO.setScale(3), null, null, null, null, "0823334444", HungUpBy.SYSTEM,
				false, 5, 6, false), true);
		// 20:00 Tokyo: out of hours
		Instant evening = Instant.parse("2026-09-15T11:00:00Z");
		store.save(new FinishedCall("api-3", "inquiry", CallOutcome.ABANDONED, evening, evening, evening.plusSeconds(9),
				null, evening.plusSeconds(9), new BigDecimal("9.000"), null, null, 9, null, null, HungUpBy.CALLER, true,
				null, null, false), false);
	}

	@Test
	void calls_return_the_documented_json_shape_and_the_access_is_audited() throws Exception {
		int before = audited();
		mvc.perform(get("/api/calls").with(user("manager").roles("FLOOR_MANAGER"))
				.param("from", "2026-09-15").param("to", "2026-09-15"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(3))
				.andExpect(jsonPath("$[0].linkedId").value("api-1"))
				.andExpect(jsonPath("$[0].arrivedAt").value("2026-09-15T00:30:00Z"))
				.andExpect(jsonPath("$[0].outcome").value("ANSWERED"))
				.andExpect(jsonPath("$[0].inHours").value(true))
				.andExpect(jsonPath("$[0].waitSeconds").value(12.0))
				.andExpect(jsonPath("$[0].talkSeconds").value(187))
				.andExpect(jsonPath("$[0].member").value("Agent 1"))
				.andExpect(jsonPath("$[0].callerNumber").value("0821112222"))
				.andExpect(jsonPath("$[1].outcome").value("REFUSED"))
				.andExpect(jsonPath("$[2].inHours").value(false));
		assertThat(audited()).isEqualTo(before + 1);
	}

	@Test
	void calls_take_instants_with_an_offset_and_exclude_the_end() throws Exception {
		mvc.perform(get("/api/calls").with(user("city").roles("CITY_STAFF"))
				.param("from", "2026-09-15T09:30:00+09:00").param("to", "2026-09-15T09:31:00+09:00"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].linkedId").value("api-1"));
	}

	@Test
	void agents_and_operators_may_not_list_calls_with_caller_numbers() throws Exception {
		mvc.perform(get("/api/calls").with(user("agent").roles("AGENT")).param("from", "2026-09-15").param("to",
				"2026-09-15")).andExpect(status().isForbidden());
		mvc.perform(get("/api/calls").with(user("op").roles("OPERATOR")).param("from", "2026-09-15").param("to",
				"2026-09-15")).andExpect(status().isForbidden());
	}

	@Test
	void bad_call_parameters_are_refused_with_the_parameter_and_a_reason() throws Exception {
		mvc.perform(get("/api/calls").with(user("manager").roles("FLOOR_MANAGER")).param("from", "2026-09-15"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"))
				.andExpect(jsonPath("$.detail", containsString("to")));
		mvc.perform(get("/api/calls").with(user("manager").roles("FLOOR_MANAGER")).param("from", "24/11/2026")
				.param("to", "2026-09-15")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("from"))
				.andExpect(jsonPath("$.detail", containsString("24/11/2026")));
		mvc.perform(get("/api/calls").with(user("manager").roles("FLOOR_MANAGER")).param("from", "2026-09-16")
				.param("to", "2026-09-14")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("to"));
	}

	@Test
	void stats_return_the_documented_json_shape_and_agents_may_see_them() throws Exception {
		mvc.perform(get("/api/calls/stats").with(user("agent").roles("AGENT"))
				.param("from", "2026-09-15").param("to", "2026-09-15").param("by", "day"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].period").value("2026-09-15"))
				.andExpect(jsonPath("$[0].received").value(2))
				.andExpect(jsonPath("$[0].answered").value(1))
				.andExpect(jsonPath("$[0].abandoned").value(0))
				.andExpect(jsonPath("$[0].timedOut").value(0))
				.andExpect(jsonPath("$[0].refused").value(1))
				.andExpect(jsonPath("$[0].outOfHours").value(1))
				.andExpect(jsonPath("$[0].answerRate").value(0.5))
				.andExpect(jsonPath("$[0].definition").value("contract"))
				.andExpect(jsonPath("$[0].gap").value(false));
		mvc.perform(get("/api/calls/stats").with(user("manager").roles("FLOOR_MANAGER"))
				.param("from", "2026-09-15").param("to", "2026-09-16").param("by", "halfday"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(4))
				.andExpect(jsonPath("$[0].period").value("2026-09-15 AM"))
				.andExpect(jsonPath("$[2].answerRate").value(org.hamcrest.Matchers.nullValue()));
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF"))
				.param("from", "2026-09-15").param("to", "2026-09-15").param("by", "hour")
				.param("definition", "excluding-short-abandons"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(24))
				.andExpect(jsonPath("$[9].period").value("2026-09-15T09"))
				.andExpect(jsonPath("$[9].received").value(2))
				.andExpect(jsonPath("$[9].definition").value("excluding-short-abandons"));
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF"))
				.param("from", "2026-09-15").param("to", "2026-09-15").param("by", "halfhour"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(48))
				.andExpect(jsonPath("$[19].period").value("2026-09-15T09:30"))
				.andExpect(jsonPath("$[19].received").value(2))
				.andExpect(jsonPath("$[19].answerRate").value(0.5))
				.andExpect(jsonPath("$[40].outOfHours").value(1));
	}

	@Test
	void stats_flag_a_period_that_overlaps_a_gap() throws Exception {
		jdbc.sql("insert into telephony_gap (lost_at, restored_at, reason) values "
				+ "('2026-09-16 10:00+09', '2026-09-16 10:05+09', 'connection lost')").update();
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF"))
				.param("from", "2026-09-15").param("to", "2026-09-16"))
				.andExpect(jsonPath("$[0].gap").value(false))
				.andExpect(jsonPath("$[1].gap").value(true));
	}

	@Test
	void bad_stats_parameters_are_refused_with_a_reason_and_operators_are_refused() throws Exception {
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF")).param("from", "2026-09-15")
				.param("to", "2026-09-15").param("by", "week")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("by"))
				.andExpect(jsonPath("$.detail", containsString("week")));
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF")).param("from", "2026-09-15")
				.param("to", "2026-09-15").param("definition", "nonsense")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("definition"))
				.andExpect(jsonPath("$.detail", containsString("nonsense")));
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF")).param("from", "2025-01-01")
				.param("to", "2026-09-15")).andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF")).param("from", "2026-09-15")
				.param("to", "2026/11/17")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("to"));
		mvc.perform(get("/api/calls/stats").with(user("city").roles("CITY_STAFF")).param("to", "2026-09-15"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/calls/stats").with(user("op").roles("OPERATOR")).param("from", "2026-09-15")
				.param("to", "2026-09-15")).andExpect(status().isForbidden());
	}

	int audited() {
		return jdbc.sql("select count(*) from audit_event where action = 'VIEW' and channel = 'GET /api/calls'")
				.query(Integer.class).single();
	}
}
