package jp.ikiiki.desk.escalations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.escalations.EscalationCase.Ageing;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.escalations.EscalationsProperties;
import org.junit.jupiter.api.Test;

class AgeingRulesTest {

	private final AgeingRules rules = new AgeingRules(new BusinessCalendar(CalendarProperties.defaults()),
			new EscalationsProperties(1, 3, 5));

	@Test
	void age_counts_open_days_so_a_weekend_does_not_age_a_case() {
		// Friday 2026-11-20 → Monday 2026-11-23 is 勤労感謝の日 (a holiday) → Tuesday 24th is the first open day.
		assertThat(rules.openDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23))).isZero();
		assertThat(rules.openDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 24))).isEqualTo(1);
		assertThat(rules.openDaysBetween(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24))).isZero();
		assertThat(rules.openDaysBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 4))).isEqualTo(2);
	}

	@Test
	void waiting_for_the_city_turns_amber_then_red() {
		assertThat(rules.ageing(EscalationState.REPORTED, 0, 0)).isEqualTo(Ageing.NORMAL);
		assertThat(rules.ageing(EscalationState.REPORTED, 1, 1)).isEqualTo(Ageing.WARN);
		assertThat(rules.ageing(EscalationState.REPORTED, 3, 3)).isEqualTo(Ageing.ALERT);
	}

	@Test
	void any_case_open_too_long_is_stale_but_a_closed_one_never() {
		assertThat(rules.ageing(EscalationState.OPEN, 4, null)).isEqualTo(Ageing.NORMAL);
		assertThat(rules.ageing(EscalationState.INSTRUCTED, 5, null).stale()).isTrue();
		assertThat(rules.ageing(EscalationState.CLOSED, 30, null)).isEqualTo(Ageing.NORMAL);
	}
}
