package jp.ikiiki.desk.telephony.lines;

import static jp.ikiiki.desk.telephony.LinesTestSupport.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.HalfDay.Half;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.telephony.LinePlanMonth;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.LinesTestSupport;
import jp.ikiiki.desk.telephony.ScheduledDay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Plan, schedule, "resize now" and the scheduler's boundaries against the embedded PostgreSQL (第6章2). */
@SpringBootTest
@Import(LinesTestSupport.class)
@WithMockUser(username = "floor1", roles = "FLOOR_MANAGER")
class LinePlansIT {

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

	private LinePlanMonth month(List<LinePlanMonth> plan, int year, int month) {
		return plan.stream().filter(m -> m.month().equals(YearMonth.of(year, month))).findFirst().orElseThrow();
	}

	private int lastApplied() {
		return control.applied.get(control.applied.size() - 1);
	}

	@Test
	void the_limit_is_applied_at_start_up() {
		// The first value ever applied came from start-up at 2026-11-24 10:00 (a November morning: 5 lines).
		assertThat(control.applied.get(0)).isEqualTo(5);
	}

	@Test
	void contract_example_five_lines_in_the_morning_and_two_in_the_afternoon_of_november_make_67_line_days() {
		lines.setMonth(YearMonth.of(2026, 11), EnumSet.of(Half.AM), 5, "test");
		lines.setMonth(YearMonth.of(2026, 11), EnumSet.of(Half.PM), 2, "test");
		LinePlanMonth november = month(lines.plan(2026), 2026, 11);
		// 19 days × 0.5 × 5 + 19 days × 0.5 × 2 = 67 (第6章2 ※2): 47.5 + 19 = 66.5, which the contract states as 67.
		assertThat(november.openDays()).isEqualTo(19);
		assertThat(november.amLineDays()).isEqualByComparingTo("47.5");
		assertThat(november.pmLineDays()).isEqualByComparingTo("19");
		assertThat(november.scheduledLineDays()).isEqualByComparingTo("67");
		assertThat(november.plannedLineDays()).isEqualByComparingTo("67");
		assertThat(november.difference()).isEqualByComparingTo("0");
	}

	@Test
	void the_plan_of_fiscal_2026_is_the_contract_table_and_the_seeded_schedule_follows_it() {
		List<LinePlanMonth> plan = lines.plan(2026);
		assertThat(plan).extracting(m -> m.month().toString()).containsExactly("2026-04", "2026-05", "2026-06",
				"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03");
		assertThat(plan).extracting(m -> m.plannedLineDays().intValueExact())
				.containsExactly(42, 36, 44, 242, 180, 171, 84, 67, 38, 38, 36, 44);
		assertThat(plan).extracting(LinePlanMonth::contractDays)
				.containsExactly(21, 18, 22, 22, 20, 19, 21, 19, 19, 19, 18, 22);
		assertThat(plan.stream().map(LinePlanMonth::plannedLineDays).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo("1022");
		assertThat(plan.stream().mapToInt(m -> m.contractDays()).sum()).isEqualTo(240);
		// December: the calendar has 20 open days where the contract counts 19, so 2 lines a day schedule 40.
		LinePlanMonth december = month(plan, 2026, 12);
		assertThat(december.openDays()).isEqualTo(20);
		assertThat(december.contractDaysDiffer()).isTrue();
		assertThat(december.scheduledLineDays()).isEqualByComparingTo("40");
		assertThat(december.difference()).isEqualByComparingTo("2");
		assertThat(plan.stream().filter(m -> m.difference().signum() != 0).map(LinePlanMonth::month))
				.containsExactly(YearMonth.of(2026, 12));
		assertThat(plan.stream().map(LinePlanMonth::scheduledLineDays).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo("1024");
	}

	@Test
	void a_fiscal_year_without_a_plan_lists_its_months_with_no_planned_line_days() {
		List<LinePlanMonth> plan = lines.plan(2027);
		assertThat(plan).hasSize(12);
		assertThat(plan).allMatch(m -> m.plannedLineDays() == null && m.contractDays() == null);
		assertThat(plan).allMatch(m -> m.scheduledLineDays().signum() == 0);
	}

	@Test
	void single_days_and_one_half_change_only_those_half_days() {
		lines.setLines(List.of(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26)), EnumSet.of(Half.AM), 8, "test");
		List<ScheduledDay> days = lines.schedule(YearMonth.of(2026, 11));
		ScheduledDay wednesday = days.get(24);
		assertThat(wednesday.date()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(wednesday.am()).isEqualTo(8);
		assertThat(wednesday.pm()).isEqualTo(2);
		assertThat(days.get(26).am()).isEqualTo(5);
		// mornings (17 × 5 + 2 × 8) × 0.5 = 50.5, afternoons 19: 69.5, rounded up to 70
		assertThat(month(lines.plan(2026), 2026, 11).amLineDays()).isEqualByComparingTo("50.5");
		assertThat(month(lines.plan(2026), 2026, 11).scheduledLineDays()).isEqualByComparingTo("70");
		ScheduledDay holiday = days.get(22);
		assertThat(holiday.open()).isFalse();
		assertThat(holiday.holiday()).isEqualTo("勤労感謝の日");
		assertThat(holiday.am()).isNull();
	}

	@Test
	void closed_days_and_lines_out_of_range_are_refused() {
		assertThatThrownBy(() -> lines.setLines(List.of(LocalDate.of(2026, 11, 23)), EnumSet.of(Half.AM), 3, "test"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("2026/11/23 は開庁日ではありません");
		assertThatThrownBy(() -> lines.setLines(List.of(LocalDate.of(2026, 11, 24)), EnumSet.of(Half.AM), -1, "test"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("0〜200");
		assertThatThrownBy(() -> lines.setLines(List.of(LocalDate.of(2026, 11, 24)), Set.of(), 3, "test"))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> lines.resizeNow(201, false, "test")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> lines.plan(2099)).isInstanceOf(InvalidInputException.class);
		assertThat(lines.schedule(YearMonth.of(2026, 11)).get(23).am()).isEqualTo(5);
	}

	@Test
	void a_change_of_the_current_half_day_reaches_asterisk_at_once_and_is_audited() {
		int before = control.applied.size();
		lines.setLines(List.of(LocalDate.of(2026, 11, 24)), EnumSet.of(Half.AM), 7, "画面:回線数");
		assertThat(control.applied.size()).isGreaterThan(before);
		assertThat(lastApplied()).isEqualTo(7);
		var row = jdbc.sql("select username, action, channel, detail from audit_event order by id desc limit 1")
				.query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.single();
		assertThat(row.subList(0, 3)).containsExactly("floor1", "SETTINGS", "画面:回線数");
		assertThat(row.get(3)).contains("回線数予定変更").contains("2026/11/24").contains("午前").contains("7回線");
		// A change of another day does not alter the limit now.
		lines.setLines(List.of(LocalDate.of(2026, 11, 25)), EnumSet.allOf(Half.class), 9, "test");
		assertThat(lastApplied()).isEqualTo(7);
	}

	@Test
	void resize_now_holds_until_the_next_half_day_boundary_then_the_schedule_takes_over() {
		LinesNow now = lines.resizeNow(9, false, "test");
		assertThat(now.limit()).isEqualTo(9);
		assertThat(lastApplied()).isEqualTo(9);
		assertThat(now.overrideUntil()).isEqualTo(tokyo(2026, 11, 24, 12, 0));
		assertThat(now.scheduled()).isEqualTo(5);
		assertThat(jdbc.sql("select detail from audit_event order by id desc limit 1").query(String.class).single())
				.contains("回線数即時変更").contains("5回線 → 9回線");

		clock.set(tokyo(2026, 11, 24, 11, 59));
		assertThat(scheduler.applyIfDue()).isFalse();
		assertThat(lines.now().limit()).isEqualTo(9);

		clock.set(tokyo(2026, 11, 24, 12, 0));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).isEqualTo(2);
		assertThat(lines.now().overrideUntil()).isNull();
	}

	@Test
	void a_schedule_change_of_the_current_half_day_ends_a_resize_now() {
		lines.resizeNow(9, false, "test");
		lines.setLines(List.of(LocalDate.of(2026, 11, 24)), EnumSet.of(Half.AM), 6, "test");
		assertThat(lastApplied()).isEqualTo(6);
		assertThat(lines.now().overrideUntil()).isNull();
	}

	@Test
	void the_scheduler_follows_opening_half_day_boundary_and_closing_across_a_holiday_weekend() {
		clock.set(tokyo(2026, 11, 20, 11, 0)); // Friday morning
		assertThat(scheduler.applyNow().limit()).isEqualTo(5);
		assertThat(scheduler.applied().nextChange()).isEqualTo(tokyo(2026, 11, 20, 12, 0));
		clock.set(tokyo(2026, 11, 20, 12, 0));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).isEqualTo(2);
		assertThat(scheduler.applied().nextChange()).isEqualTo(tokyo(2026, 11, 20, 17, 15));
		clock.set(tokyo(2026, 11, 20, 17, 15));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).isEqualTo(0); // closed: out-of-hours limit
		// Saturday, Sunday and 勤労感謝の日 (Monday 23rd) are closed: the next change is Tuesday's opening.
		assertThat(scheduler.applied().nextChange()).isEqualTo(tokyo(2026, 11, 24, 8, 30));
		clock.set(tokyo(2026, 11, 23, 10, 0));
		assertThat(scheduler.applyIfDue()).isFalse();
		clock.set(tokyo(2026, 11, 24, 8, 30));
		assertThat(scheduler.applyIfDue()).isTrue();
		assertThat(lastApplied()).isEqualTo(5);
	}

	@Test
	void lines_in_use_come_from_the_calls_in_progress() {
		context.getBean(LinesTestSupport.SettableLinesInUse.class).value = 3;
		assertThat(lines.now().inUse()).isEqualTo(3);
	}

	@Test
	@WithMockUser(username = "city1", roles = "CITY_STAFF")
	void city_staff_read_the_plan_but_change_nothing() {
		assertThat(lines.plan(2026)).hasSize(12);
		assertThatThrownBy(() -> lines.resizeNow(3, false, "test")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> lines.setMonth(YearMonth.of(2026, 11), EnumSet.of(Half.AM), 3, "test"))
				.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithMockUser(username = "agent1", roles = "AGENT")
	void agents_see_the_limit_now_but_not_the_plan() {
		assertThat(lines.now().limit()).isEqualTo(5);
		assertThatThrownBy(() -> lines.plan(2026)).isInstanceOf(AccessDeniedException.class);
	}
}
