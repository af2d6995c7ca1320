package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.deliverables.PlannedDispatch;
import org.junit.jupiter.api.Test;

class ContractDispatchesTest {

	final ContractDispatches dispatches = new ContractDispatches(
			new DeliverableDates(new BusinessCalendar(CalendarProperties.defaults()), 3));

	@Test
	void august_has_the_first_booklets_the_applications_and_the_decisions_late_in_the_month() {
		// 2026-08-31 is a Monday, 2026-08-20 a Thursday.
		assertThat(dispatches.plannedIn(YearMonth.of(2026, 8)))
				.extracting(PlannedDispatch::kind, PlannedDispatch::label, PlannedDispatch::due)
				.containsExactly(tuple("BOOKLET", "ポイント手帳（再交付分等）", LocalDate.of(2026, 8, 20)),
						tuple("APPLICATION", "交通費助成申請書（新たに対象となった者）", LocalDate.of(2026, 8, 31)),
						tuple("BOOKLET", "ポイント手帳（再交付分等）", LocalDate.of(2026, 8, 31)),
						tuple("BOOKLET", "ポイント手帳（初回送付）", LocalDate.of(2026, 8, 31)),
						tuple("DECISION", "交通費助成決定通知書", LocalDate.of(2026, 8, 31)));
	}

	@Test
	void may_and_july_have_only_the_reissued_booklets() {
		assertThat(dispatches.plannedIn(YearMonth.of(2027, 5))).extracting(PlannedDispatch::kind)
				.containsOnly("BOOKLET").hasSize(2);
		assertThat(dispatches.plannedIn(YearMonth.of(2027, 7))).extracting(PlannedDispatch::kind)
				.containsOnly("BOOKLET").hasSize(2);
	}

	@Test
	void june_has_the_first_applications_and_no_decisions() {
		assertThat(dispatches.plannedIn(YearMonth.of(2027, 6))).extracting(PlannedDispatch::kind,
				PlannedDispatch::label).contains(tuple("APPLICATION", "交通費助成申請書（初回送付）"))
				.doesNotContain(tuple("DECISION", "交通費助成決定通知書"));
	}

	@Test
	void a_late_december_dispatch_is_due_before_the_year_end_closing() {
		assertThat(dispatches.plannedIn(YearMonth.of(2026, 12))).filteredOn(d -> d.kind().equals("DECISION"))
				.singleElement().satisfies(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2026, 12, 28)));
	}

	@Test
	void april_has_decisions_and_october_the_movers_in() {
		assertThat(dispatches.plannedIn(YearMonth.of(2027, 4))).extracting(PlannedDispatch::kind).contains("DECISION");
		assertThat(dispatches.plannedIn(YearMonth.of(2026, 10))).extracting(PlannedDispatch::label)
				.contains("ポイント手帳（9月1日までの転入者）", "交通費助成申請書（新たに対象となった者）");
	}
}
