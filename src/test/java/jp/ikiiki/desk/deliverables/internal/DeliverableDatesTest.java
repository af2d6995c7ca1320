package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import org.junit.jupiter.api.Test;

class DeliverableDatesTest {

	final DeliverableDates dates = new DeliverableDates(new BusinessCalendar(CalendarProperties.defaults()), 3);

	@Test
	void mid_month_is_due_on_the_twentieth_when_it_is_an_open_day() {
		assertThat(dates.fixed(DeliverableSchedule.MID_MONTH, YearMonth.of(2026, 11)))
				.singleElement().satisfies(d -> {
					assertThat(d.period()).isEqualTo("2026-11");
					assertThat(d.due()).isEqualTo(LocalDate.of(2026, 11, 20));
				});
	}

	@Test
	void a_due_day_on_a_sunday_moves_back_to_the_friday_before() {
		// 2026-12-20 is a Sunday.
		assertThat(dates.mid(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2026, 12, 18));
	}

	@Test
	void late_month_in_december_is_due_before_the_year_end_closing() {
		// The city is closed 12/29–1/3: the last open day of December 2026 is Monday the 28th.
		assertThat(dates.late(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2026, 12, 28));
	}

	@Test
	void twice_monthly_owes_a_mid_and_a_late_period() {
		assertThat(dates.fixed(DeliverableSchedule.TWICE_MONTHLY, YearMonth.of(2026, 11)))
				.extracting(DeliverableDates.Due::period, DeliverableDates.Due::due)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-M", LocalDate.of(2026, 11, 20)),
						org.assertj.core.groups.Tuple.tuple("2026-11-L", LocalDate.of(2026, 11, 30)));
	}

	@Test
	void the_work_report_is_the_previous_month_due_by_the_tenth() {
		// 2027-01-10 is a Sunday and 1/11 成人の日: due Friday 1/8.
		assertThat(dates.fixed(DeliverableSchedule.EARLY_MONTH, YearMonth.of(2027, 1))).singleElement()
				.satisfies(d -> {
					assertThat(d.period()).isEqualTo("2026-12");
					assertThat(d.due()).isEqualTo(LocalDate.of(2027, 1, 8));
				});
		assertThat(dates.dueOf(DeliverableSchedule.EARLY_MONTH, "2026-12")).isEqualTo(LocalDate.of(2027, 1, 8));
	}

	@Test
	void an_occurrence_is_due_three_open_days_later_skipping_the_weekend() {
		// Thursday 2026-11-19 → Fri 20, (Sat, Sun), Mon 23 is 勤労感謝の日, Tue 24, Wed 25.
		assertThat(dates.dueOf(new DeliverableKind.Occurrence("import-1", "取込", LocalDate.of(2026, 11, 19))))
				.isEqualTo(LocalDate.of(2026, 11, 25));
	}

	@Test
	void a_key_that_is_no_period_of_the_schedule_has_no_due_date() {
		assertThat(dates.dueOf(DeliverableSchedule.MID_MONTH, "2026-11-M")).isNull();
		assertThat(dates.dueOf(DeliverableSchedule.TWICE_MONTHLY, "2026-11-X")).isNull();
		assertThat(dates.dueOf(DeliverableSchedule.MID_MONTH, "nonsense")).isNull();
	}
}
