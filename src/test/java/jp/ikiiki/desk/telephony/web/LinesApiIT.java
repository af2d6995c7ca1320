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
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("limit"))
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("0〜200")));
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("limit"));
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": \"many\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("リクエストが正しくありません"));
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
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.lines").value(7))
				.andExpect(jsonPath("$.from").value("2026-11-24"))
				.andExpect(jsonPath("$.to").value("2026-11-30"))
				.andExpect(jsonPath("$.days").value(5));
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
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason").value("2026/11/23 は開庁日ではありません"));
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

	@Test
	void out_of_hours_a_resize_is_refused_with_409_unless_confirmed_and_then_holds_until_the_opening()
			throws Exception {
		context.getBean(LinesTestSupport.SettableClock.class).set(LinesTestSupport.tokyo(2026, 11, 28, 1, 49));
		mvc.perform(get("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER)))
				.andExpect(jsonPath("$.open").value(false))
				.andExpect(jsonPath("$.resizeUntil").value("2026-11-29T23:30:00Z"))
				.andExpect(jsonPath("$.limitAfterResize").value(5));
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": 3}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.title").value("現在の状態では実行できません"))
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("受付時間外")))
				.andExpect(jsonPath("$.until").value("2026-11-29T23:30:00Z"));
		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": 3, \"outOfHours\": false}"))
				.andExpect(status().isConflict());
		org.assertj.core.api.Assertions.assertThat(control.current()).isZero();

		mvc.perform(put("/api/lines/now").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON).content("{\"limit\": 3, \"outOfHours\": true}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.limit").value(3))
				.andExpect(jsonPath("$.overrideUntil").value("2026-11-29T23:30:00Z"));
		org.assertj.core.api.Assertions.assertThat(control.current()).isEqualTo(3);
	}

	@Test
	void the_schedule_of_past_days_is_read_only_over_the_api() throws Exception {
		mvc.perform(put("/api/lines/schedule").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": [\"2026-11-20\"], \"lines\": 7}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("2026/11/20 午前")))
				.andExpect(jsonPath("$.halfDay").value("2026-11-20 AM"));
		mvc.perform(put("/api/lines/schedule").with(user("m").roles(Roles.FLOOR_MANAGER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"month\": \"2026-10\", \"lines\": 7}"))
				.andExpect(status().isConflict());
		mvc.perform(get("/api/lines/schedule/2026-11").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(jsonPath("$[19].am").value(5))
				.andExpect(jsonPath("$[19].amEnded").value(true))
				.andExpect(jsonPath("$[23].amEnded").value(false));
	}

	@Test
	void unreadable_months_and_years_out_of_range_are_refused_with_a_reason() throws Exception {
		mvc.perform(get("/api/lines/schedule/2026-13").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("month"));
		mvc.perform(get("/api/lines/plan/1900").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("fiscalYear"));
		mvc.perform(get("/api/lines/plan/twenty").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/lines/advice").param("days", "99").with(user("c").roles(Roles.CITY_STAFF)))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("days"));
	}
}
