package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ReportDatesTest {

	@Test
	void a_day_is_named_in_the_era_with_its_weekday() {
		assertThat(ReportDates.day(LocalDate.of(2026, 11, 24))).isEqualTo("令和8年11月24日（火）");
	}

	@Test
	void a_month_is_named_by_the_era_in_force_at_its_end() {
		assertThat(ReportDates.month(YearMonth.of(2026, 11))).isEqualTo("令和8年11月");
		assertThat(ReportDates.month(YearMonth.of(2019, 5))).isEqualTo("令和元年5月");
		assertThat(ReportDates.month(YearMonth.of(1989, 1))).isEqualTo("平成元年1月");
	}

	@Test
	void times_are_japan_time_whatever_the_server_zone() {
		Instant utcEvening = Instant.parse("2026-11-24T15:30:00Z");
		assertThat(ReportDates.dateTime(utcEvening)).isEqualTo("令和8年11月25日 0:30");
		assertThat(ReportDates.time(utcEvening)).isEqualTo("0:30");
	}

	@Test
	void a_daily_report_is_named_by_its_day_and_a_summary_by_its_month() {
		assertThat(ReportDates.period(ReportKind.DAILY, LocalDate.of(2026, 11, 24))).isEqualTo("令和8年11月24日（火）");
		assertThat(ReportDates.period(ReportKind.MONTHLY, LocalDate.of(2026, 11, 1))).isEqualTo("令和8年11月");
	}
}
