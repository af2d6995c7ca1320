package jp.ikiiki.desk.telephony.lines;

import static jp.ikiiki.desk.telephony.LinesTestSupport.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.calendar.HalfDay.Half;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.ScheduleEdit;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The two rules that keep the line record honest, with the clock pinned: the centre answers calls only in opening
 * hours (第6章1: 8:30–17:15 on the city's open days), so a "resize now" while it is closed needs the floor manager's
 * explicit confirmation and then ends at the next opening, where the schedule takes over; and a half-day that has
 * ended is history that no change touches.
 */
@SpringBootTest
@Import(LinesTestSupport.class)
@WithMockUser(username = "floor2", roles = "FLOOR_MANAGER")
class LineRulesIT {

	@Autowired
	ApplicationContext context;
	@Autowired
	LinePlans lines;
	@Autowired
	LineLimitScheduler scheduler;
	@Autowired
	LinesTestSupport.SettableClock clock;
	@Autowired
	LinesTestSupport.RecordingLineLimitControl control;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		LinesFixtures.reset(context);
	}

	private void at(Instant instant) {
		clock.set(instant);
		scheduler.applyNow();
	}

	private int lastApplied() {
		return control.applied.get(control.applied.size() - 1);
	}

	private long overrides() {
		return jdbc.sql("select count(*) from line_override").query(Long.class).single();
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_event where username = 'floor2' and action = 'SETTINGS'")
				.query(Long.class).single();
	}

	@Test
	void a_resize_at_1_49_on_saturday_is_refused_with_the_reason_and_changes_nothing() {
		at(tokyo(2026, 11, 28, 1, 49)); // Saturday night
		assertThat(lastApplied()).isZero();
		long auditedBefore = audited();

		assertThatThrownBy(() -> lines.resizeNow(3, false, "test"))
				.isInstanceOf(StateConflictException.class)
				.hasMessageContaining("受付時間外")
				.hasMessageContaining("2026/11/30 8:30")
				.satisfies(e -> assertThat(((StateConflictException) e).properties())
						.containsEntry("until", tokyo(2026, 11, 30, 8, 30)));

		assertThat(lastApplied()).isZero();
		assertThat(lines.now().limit()).isZero();
		assertThat(overrides()).isZero();
		assertThat(audited()).isEqualTo(auditedBefore);
	}

	@Test
	void a_confirmed_resize_on_saturday_night_holds_only_until_monday_opening_where_the_schedule_takes_over() {
		at(tokyo(2026, 11, 28, 1, 49));
		LinesNow before = lines.now();
		assertThat(before.resizeIsOutOfHours()).isTrue();
		assertThat(before.resizeUntil()).isEqualTo(tokyo(2026, 11, 30, 8, 30));
		assertThat(before.limitAfterResize()).isEqualTo(5); // a November morning

		LinesNow now = lines.resizeNow(3, true, "test");

		assertThat(now.limit()).isEqualTo(3);
		assertThat(now.open()).isFalse();
		assertThat(now.overrideUntil()).isEqualTo(tokyo(2026, 11, 30, 8, 30));
		assertThat(now.nextChange()).isEqualTo(tokyo(2026, 11, 30, 8, 30));
		assertThat(lastApplied()).isEqualTo(3);
		assertThat(jdbc.sql("select detail from audit_event where username = 'floor2' order by id desc limit 1")
				.query(String.class).single()).contains("受付時間外・確認済み").contains("0回線 → 3回線")
				.contains("2026/11/30 8:30 まで");

		clock.set(tokyo(2026, 11, 30, 8, 29));
		assertThat(scheduler.applyIfDue()).isFalse();
		assertThat(lines.now().limit()).isEqualTo(3);
		clock.set(tokyo(2026, 11, 30, 8, 30));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).as("the opening's scheduled lines, not the out-of-hours resize").isEqualTo(5);
		assertThat(lines.now().overrideUntil()).isNull();
	}

	@Test
	void a_national_holiday_is_out_of_hours_and_a_confirmed_resize_ends_at_the_next_days_opening() {
		at(tokyo(2026, 11, 23, 10, 0)); // 勤労感謝の日, a Monday
		assertThatThrownBy(() -> lines.resizeNow(2, false, "test")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("2026/11/24 8:30");

		LinesNow now = lines.resizeNow(2, true, "test");

		assertThat(now.overrideUntil()).isEqualTo(tokyo(2026, 11, 24, 8, 30));
		clock.set(tokyo(2026, 11, 24, 8, 30));
		scheduler.applyIfDue();
		assertThat(lastApplied()).isEqualTo(5);
	}

	@Test
	void on_new_years_eve_a_confirmed_resize_ends_at_the_first_opening_of_january() {
		at(tokyo(2026, 12, 31, 10, 0)); // a Thursday inside the 12/29–1/3 closure
		assertThatThrownBy(() -> lines.resizeNow(2, false, "test")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("2027/1/4 8:30");

		LinesNow now = lines.resizeNow(2, true, "test");

		assertThat(now.overrideUntil()).isEqualTo(tokyo(2027, 1, 4, 8, 30));
		clock.set(tokyo(2027, 1, 2, 12, 0));
		assertThat(scheduler.applyIfDue()).isFalse();
		assertThat(lines.now().limit()).isEqualTo(2);
		clock.set(tokyo(2027, 1, 4, 8, 30));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lines.now().overrideUntil()).isNull();
		assertThat(lines.now().scheduled()).isEqualTo(2); // January's plan: 38 line-days, 2 lines a day
	}

	@Test
	void exactly_at_8_30_the_centre_is_open_and_a_resize_needs_no_confirmation_a_second_before_it_does() {
		at(tokyo(2026, 11, 24, 8, 30).minusSeconds(1));
		assertThatThrownBy(() -> lines.resizeNow(7, false, "test")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("2026/11/24 8:30");

		at(tokyo(2026, 11, 24, 8, 30));
		LinesNow now = lines.resizeNow(7, false, "test");

		assertThat(now.open()).isTrue();
		assertThat(now.limit()).isEqualTo(7);
		assertThat(now.overrideUntil()).isEqualTo(tokyo(2026, 11, 24, 12, 0));
	}

	@Test
	void at_the_half_day_boundary_a_resize_holds_until_the_closing_and_then_the_out_of_hours_limit_applies() {
		at(tokyo(2026, 11, 24, 12, 0));
		assertThat(lines.now().halfDay()).isEqualTo(new HalfDay(LocalDate.of(2026, 11, 24), Half.PM));
		assertThat(lines.now().limitAfterResize()).isZero();

		LinesNow now = lines.resizeNow(6, false, "test");

		assertThat(now.overrideUntil()).isEqualTo(tokyo(2026, 11, 24, 17, 15));
		clock.set(tokyo(2026, 11, 24, 17, 15));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).isZero();
	}

	@Test
	void at_17_15_the_centre_is_closed_so_a_resize_needs_confirmation_and_ends_at_the_next_morning() {
		at(tokyo(2026, 11, 24, 17, 14));
		assertThat(lines.resizeNow(3, false, "test").overrideUntil()).isEqualTo(tokyo(2026, 11, 24, 17, 15));

		at(tokyo(2026, 11, 24, 17, 15));
		assertThat(lines.now().limit()).isZero();
		assertThatThrownBy(() -> lines.resizeNow(3, false, "test")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("2026/11/25 8:30");
		assertThat(lines.resizeNow(3, true, "test").overrideUntil()).isEqualTo(tokyo(2026, 11, 25, 8, 30));
	}

	@Test
	void closing_the_lines_again_out_of_hours_needs_no_confirmation() {
		at(tokyo(2026, 11, 28, 1, 49));
		lines.resizeNow(3, true, "test");

		LinesNow now = lines.resizeNow(0, false, "test");

		assertThat(now.limit()).isZero();
		assertThat(lastApplied()).isZero();
	}

	@Test
	void more_days_than_a_year_in_one_change_are_refused_and_nothing_is_written() {
		List<LocalDate> many = java.util.stream.Stream.iterate(LocalDate.of(2027, 1, 4), d -> d.plusDays(1)).limit(401)
				.toList();
		assertThatThrownBy(() -> lines.setLines(many, EnumSet.of(Half.AM), 3, "test"))
				.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class).hasMessageContaining("400 日まで");
		assertThat(lines.schedule(YearMonth.of(2027, 1)).get(3).am()).isEqualTo(2);
	}

	@Test
	void a_past_day_cannot_be_changed_and_nothing_of_a_refused_change_is_written() {
		at(tokyo(2026, 11, 24, 10, 0));
		assertThatThrownBy(() -> lines.setLines(List.of(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25)),
				EnumSet.of(Half.AM), 9, "test")).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("2026/11/20 午前").hasMessageContaining("終了した時間帯");

		List<ScheduledDay> days = lines.schedule(YearMonth.of(2026, 11));
		assertThat(days.get(19).am()).isEqualTo(5);
		assertThat(days.get(24).am()).as("the valid day of a refused change is not written either").isEqualTo(5);
		assertThat(days.get(19).amEnded()).isTrue();
		assertThat(days.get(19).editable()).isFalse();
		assertThat(days.get(23).amEnded()).isFalse();
		assertThat(days.get(23).editable()).isTrue();
	}

	@Test
	void after_noon_the_morning_is_history_but_the_afternoon_can_still_change() {
		at(tokyo(2026, 11, 24, 12, 30));
		LocalDate today = LocalDate.of(2026, 11, 24);
		assertThatThrownBy(() -> lines.setLines(List.of(today), EnumSet.allOf(Half.class), 4, "test"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("2026/11/24 午前");

		ScheduleEdit edit = lines.setLines(List.of(today), EnumSet.of(Half.PM), 4, "test");

		assertThat(edit.halfDays()).containsExactly(new HalfDay(today, Half.PM));
		assertThat(lastApplied()).isEqualTo(4);
		ScheduledDay day = lines.schedule(YearMonth.of(2026, 11)).get(23);
		assertThat(day.am()).isEqualTo(5);
		assertThat(day.pm()).isEqualTo(4);
		assertThat(day.amEnded()).isTrue();
		assertThat(day.pmEnded()).isFalse();
	}

	@Test
	void a_whole_month_change_keeps_the_days_already_past_and_a_past_month_is_refused() {
		at(tokyo(2026, 11, 24, 10, 0));

		ScheduleEdit edit = lines.setMonth(YearMonth.of(2026, 11), EnumSet.of(Half.AM), 7, "test");

		assertThat(edit.first()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(edit.last()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(edit.days()).isEqualTo(5); // 24, 25, 26, 27 and 30 November
		List<ScheduledDay> days = lines.schedule(YearMonth.of(2026, 11));
		assertThat(days.get(19).am()).isEqualTo(5);
		assertThat(days.get(23).am()).isEqualTo(7);
		assertThat(days.get(29).am()).isEqualTo(7);
		assertThatThrownBy(() -> lines.setMonth(YearMonth.of(2026, 10), EnumSet.allOf(Half.class), 7, "test"))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("令和8年10月");
	}
}
