package jp.ikiiki.desk.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.security.Roles;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/calendar/{yyyy-MM}} and the {@code ikiiki_city_open} gauge. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiIT {

	@Autowired
	MockMvc mvc;
	@Autowired
	MeterRegistry registry;
	@Autowired
	BusinessCalendar calendar;

	@Test
	void every_signed_in_role_gets_the_open_days_and_holidays_of_a_month() throws Exception {
		for (String role : Roles.ALL) {
			mvc.perform(get("/api/calendar/2026-11").with(user("u").roles(role)))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.openDays").value(19))
					.andExpect(jsonPath("$.days.length()").value(30))
					.andExpect(jsonPath("$.days[0].date").value("2026-11-01"))
					.andExpect(jsonPath("$.days[0].open").value(false))
					.andExpect(jsonPath("$.days[0].holiday").value(Matchers.nullValue()))
					.andExpect(jsonPath("$.days[2].date").value("2026-11-03"))
					.andExpect(jsonPath("$.days[2].holiday").value("文化の日"))
					.andExpect(jsonPath("$.days[23].open").value(true));
		}
	}

	@Test
	void the_year_end_closure_is_closed_without_being_a_holiday() throws Exception {
		mvc.perform(get("/api/calendar/2026-12").with(user("u").roles(Roles.CITY_STAFF)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.openDays").value(20))
				.andExpect(jsonPath("$.days[28].open").value(false))
				.andExpect(jsonPath("$.days[28].holiday").value(Matchers.nullValue()));
	}

	@Test
	void anonymous_callers_are_refused_unreadable_months_are_a_bad_request_and_years_out_of_range_refused()
			throws Exception {
		mvc.perform(get("/api/calendar/2026-11")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/calendar/2026-13").with(user("u").roles(Roles.AGENT)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("month"))
				.andExpect(jsonPath("$.reason", Matchers.containsString("yyyy-MM")));
		// 2100-05-01 is a Saturday: the range is checked whatever the month's weekdays
		for (String month : new String[] { "2100-01", "2100-05", "1979-12" }) {
			mvc.perform(get("/api/calendar/" + month).with(user("u").roles(Roles.AGENT)))
					.andExpect(status().isUnprocessableEntity())
					.andExpect(jsonPath("$.reason", Matchers.containsString("1980年〜2099年")));
		}
	}

	@Test
	void city_open_gauge_follows_the_calendar() {
		double value = registry.get("ikiiki.city.open").gauge().value();
		boolean open = calendar.isOpenAt(Instant.now());
		// The gauge reads the clock itself; avoid a flake at the very instant of opening or closing.
		if (open == calendar.isOpenAt(Instant.now())) {
			assertThat(value).isEqualTo(open ? 1.0 : 0.0);
		}
		assertThat(value).isIn(0.0, 1.0);
	}
}
