package jp.ikiiki.desk.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.YearStanding;
import org.junit.jupiter.api.Test;

class PaymentDeadlinesTest {

	static final BusinessYear Y2025 = new BusinessYear(2025, YearStanding.OLD, LocalDate.of(2025, 9, 1),
			LocalDate.of(2026, 8, 31), LocalDate.of(2027, 3, 31), YearMonth.of(2026, 2),
			List.of(YearMonth.of(2026, 5), YearMonth.of(2027, 5)));
	static final BusinessYear Y2024 = new BusinessYear(2024, YearStanding.OLDEST, LocalDate.of(2024, 9, 1),
			LocalDate.of(2025, 8, 31), LocalDate.of(2026, 3, 31), YearMonth.of(2025, 2),
			List.of(YearMonth.of(2025, 5), YearMonth.of(2026, 5)));

	@Test
	void with_an_account_before_the_booklet_the_deadline_is_the_end_of_the_month_after_the_booklet() {
		assertThat(PaymentDeadlines.deadline(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 1, 5), Y2025))
				.isEqualTo(LocalDate.of(2026, 7, 31));
	}

	@Test
	void with_the_account_after_the_booklet_the_deadline_runs_from_the_valid_form() {
		assertThat(PaymentDeadlines.deadline(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 8, 3), Y2025))
				.isEqualTo(LocalDate.of(2026, 9, 30));
	}

	@Test
	void the_oldest_year_is_due_by_the_end_of_may_whatever_the_receipt() {
		assertThat(PaymentDeadlines.deadline(LocalDate.of(2026, 5, 20), null, Y2024))
				.isEqualTo(LocalDate.of(2026, 5, 31));
	}

	@Test
	void late_and_at_risk_are_judged_against_the_transfer_date() {
		LocalDate deadline = LocalDate.of(2026, 7, 31);
		assertThat(PaymentDeadlines.late(deadline, LocalDate.of(2026, 8, 14))).isTrue();
		assertThat(PaymentDeadlines.late(deadline, LocalDate.of(2026, 7, 15))).isFalse();
		assertThat(PaymentDeadlines.atRiskIfLeft(deadline, LocalDate.of(2026, 7, 15))).isTrue();
		assertThat(PaymentDeadlines.atRiskIfLeft(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 7, 15))).isFalse();
	}
}
