package jp.ikiiki.desk.telephony.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.lines.LinesFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/lines/**} with each role; the clock stands at Tuesday 2026-11-24 10:00 Tokyo. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(LinesTestSupport.class)
class LinesApiIT {

	@Autowired
	MockMvc mvc;
	@Autowired
	ApplicationContext context;
	@Autowired
	LinesTestSupport.RecordingLineLimitControl control;

	@BeforeEach
	void reset() {
		LinesFixtures.reset(context);
	}

	@Test
	void the_limit_now_is_the_schedule_of_the_current_half_day() throws Exception {
		context.getBean(LinesTestSupport.SettableLinesInUse.class).value = 4;
		mvc.perform(get("/api/lines/now").with(user("a").roles(Roles.AGENT)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.limit").value(5))
				.andExpect(jsonPath("$.inUse").value(4))
				.andExpect(jsonPath("$.open").value(true))
				.andExpect(jsonPath("$.nextChange").value("2026-11-24T03:00:00Z"));
	}

	@Test
	void a_floor_manager_resizes_the_pool_until_the_next_boundary() throws Exception {
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": 8}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.limit").value(8))
				.andExpect(jsonPath("$.overrideUntil").value("2026-11-24T03:00:00Z"));
		org.assertj.core.api.Assertions.assertThat(control.current()).isEqualTo(8);
	}

	@Test
	void others_may_not_resize_and_bad_values_are_refused() throws Exception {
		for (String role : new String[] { Roles.CITY_STAFF, Roles.AGENT, Roles.OPERATOR, Roles.SECURITY_ADMIN }) {
			mvc.perform(put("/api/lines/now").with(user("x").roles(role))
					.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": 8}"))
					.andExpect(status().isForbidden());
		}
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": -1}"))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/lines/now")).andExpect(status().isUnauthorized());
		org.assertj.core.api.Assertions.assertThat(control.current()).isEqualTo(5);
	}

	@Test
	void the_plan_lists_fiscal_2026_from_april_to_march_with_both_day_counts() throws Exception {
		mvc.perform(get("/api/lines/plan/2026").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(12))
				.andExpect(jsonPath("$[0].month").value("2026-04"))
				.andExpect(jsonPath("$[0].plannedLineDays").value(42.0))
				.andExpect(jsonPath("$[7].month").value("2026-11"))
				.andExpect(jsonPath("$[7].plannedLineDays").value(67.0))
				.andExpect(jsonPath("$[7].scheduledLineDays").value(67.0))
				.andExpect(jsonPath("$[7].openDays").value(19))
				.andExpect(jsonPath("$[7].contractDays").value(19))
				.andExpect(jsonPath("$[8].month").value("2026-12"))
				.andExpect(jsonPath("$[8].openDays").value(20))
				.andExpect(jsonPath("$[8].contractDays").value(19))
				.andExpect(jsonPath("$[11].month").value("2027-03"));
		mvc.perform(get("/api/lines/plan/2026").with(user("a").roles(Roles.AGENT))).andExpect(status().isForbidden());
	}

	@Test
	void a_floor_manager_sets_the_mornings_of_a_month_through_the_api() throws Exception {
		mvc.perform(put("/api/lines/schedule").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"month\": \"2026-11\", \"halves\": [\"AM\"], \"lines\": 7}"))
				.andExpect(status().isOk());
		org.assertj.core.api.Assertions.assertThat(control.current()).isEqualTo(7);
		mvc.perform(get("/api/lines/schedule/2026-11").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[23].date").value("2026-11-24"))
				.andExpect(jsonPath("$[23].am").value(7))
				.andExpect(jsonPath("$[23].pm").value(2))
				.andExpect(jsonPath("$[22].open").value(false))
				.andExpect(jsonPath("$[22].holiday").value("勤労感謝の日"));
		mvc.perform(put("/api/lines/schedule").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": [\"2026-11-23\"], \"lines\": 7}"))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/lines/schedule").with(user("c").roles(Roles.CITY_STAFF))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": [\"2026-11-25\"], \"lines\": 7}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void advice_lists_both_halves_of_the_next_open_days_for_floor_managers_and_city_staff() throws Exception {
		var history = context.getBean(LinesTestSupport.ListedCallArrivals.class);
		history.calls.add(new jp.ikiiki.desk.telephony.HalfDayCalls(new jp.ikiiki.desk.calendar.HalfDay(
				java.time.LocalDate.of(2026, 11, 20), jp.ikiiki.desk.calendar.HalfDay.Half.AM), 70, 70, 70 * 180, 0, 0));
		mvc.perform(get("/api/lines/advice").param("days", "2").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(4))
				.andExpect(jsonPath("$[0].halfDay.date").value("2026-11-24"))
				.andExpect(jsonPath("$[0].halfDay.half").value("AM"))
				.andExpect(jsonPath("$[0].received").value(70))
				.andExpect(jsonPath("$[0].callsPerHour").value(1.0))
				.andExpect(jsonPath("$[0].lines").exists())
				.andExpect(jsonPath("$[1].received").value(0));
		mvc.perform(get("/api/lines/advice").with(user("a").roles(Roles.AGENT))).andExpect(status().isForbidden());
	}
}
