package jp.ikiiki.desk.tally.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.TallyProperties.YearSettings;
import jp.ikiiki.desk.tally.TallyTestProperties;
import jp.ikiiki.desk.tally.YearStanding;
import org.junit.jupiter.api.Test;

class BusinessYearsServiceTest {

	private static BusinessYearsService on(LocalDate today, TallyProperties properties) {
		Clock clock = Clock.fixed(today.atTime(10, 0).atZone(JapanTime.ZONE).toInstant(), JapanTime.ZONE);
		return new BusinessYearsService(properties, new BusinessCalendar(CalendarProperties.defaults()), new TallyClock(clock));
	}

	@Test
	void in_the_contract_year_the_open_years_and_their_dates_are_the_contracts() {
		var years = on(LocalDate.of(2026, 6, 1), TallyTestProperties.defaults()).open();

		assertThat(years).extracting(BusinessYear::year).containsExactly(2024, 2025, 2026);
		assertThat(years).extracting(BusinessYear::standing).containsExactly(YearStanding.OLDEST, YearStanding.OLD,
				YearStanding.NEW);
		BusinessYear oldest = years.get(0);
		// 第7章1(2): 令和6年9月1日～令和7年8月31日分, 提出期限 令和8年3月31日; paid in April and May (第7章1(5))
		assertThat(oldest.start()).isEqualTo(LocalDate.of(2024, 9, 1));
		assertThat(oldest.end()).isEqualTo(LocalDate.of(2025, 8, 31));
		assertThat(oldest.bookletDeadline()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(oldest.paymentMonths()).contains(YearMonth.of(2026, 4), YearMonth.of(2026, 5))
				.last().isEqualTo(YearMonth.of(2026, 5));
		// 旧: paid May to the next March and beyond the contract until May
		assertThat(years.get(1).paymentMonths()).first().isEqualTo(YearMonth.of(2026, 5));
		assertThat(years.get(1).paymentMonths()).contains(YearMonth.of(2027, 3));
		// 第8章2: the 新 year's notices from February 2027
		assertThat(years.get(2).noticesFrom()).isEqualTo(YearMonth.of(2027, 2));
		assertThat(years.get(2).label()).isEqualTo("令和8年度分");
		assertThat(years.get(1).label()).isEqualTo("令和7年度分");
		assertThat(years.get(1).labelWithStanding()).isEqualTo("令和7年度分（旧）");
	}

	@Test
	void the_years_roll_over_in_april_without_configuration() {
		assertThat(on(LocalDate.of(2027, 3, 31), TallyTestProperties.defaults()).open())
				.extracting(BusinessYear::year).containsExactly(2024, 2025, 2026);
		assertThat(on(LocalDate.of(2027, 4, 1), TallyTestProperties.defaults()).open())
				.extracting(BusinessYear::year).containsExactly(2025, 2026, 2027);
	}

	@Test
	void configured_years_and_dates_replace_the_rules() {
		var settings = new YearSettings("2028-04-15", "2027-03", List.of("2027-06..2027-08", "2028-01"));
		var years = on(LocalDate.of(2026, 6, 1), TallyTestProperties.with(List.of(2025, 2026), Map.of(2026, settings)));

		assertThat(years.open()).extracting(BusinessYear::year).containsExactly(2025, 2026);
		assertThat(years.open()).extracting(BusinessYear::standing).containsExactly(YearStanding.OLD, YearStanding.NEW);
		BusinessYear y = years.require(2026);
		assertThat(y.bookletDeadline()).isEqualTo(LocalDate.of(2028, 4, 15));
		assertThat(y.noticesFrom()).isEqualTo(YearMonth.of(2027, 3));
		assertThat(y.paymentMonths()).containsExactly(YearMonth.of(2027, 6), YearMonth.of(2027, 7), YearMonth.of(2027, 8),
				YearMonth.of(2028, 1));
	}

	@Test
	void a_year_not_open_is_refused_naming_the_open_ones() {
		var years = on(LocalDate.of(2026, 6, 1), TallyTestProperties.defaults());
		assertThatThrownBy(() -> years.require(2023)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("令和5年度分").hasMessageContaining("令和6年度分（旧々）");
		assertThat(years.find(2023)).isEmpty();
		assertThatThrownBy(() -> years.require(-5)).isInstanceOf(InvalidInputException.class).hasMessageContaining("-5年度分");
		assertThatThrownBy(() -> years.require(Integer.MAX_VALUE)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void a_day_belongs_to_the_business_year_that_began_on_the_last_first_of_september() {
		var years = on(LocalDate.of(2026, 6, 1), TallyTestProperties.defaults());
		assertThat(years.yearOf(LocalDate.of(2025, 9, 1))).isEqualTo(2025);
		assertThat(years.yearOf(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
		assertThat(years.yearOf(LocalDate.of(2026, 9, 1))).isEqualTo(2026);
	}

	@Test
	void mistyped_dates_and_too_many_years_stop_the_start_up_with_the_key() {
		assertThatThrownBy(() -> new YearSettings("2026/03/31", null, null)).hasMessageContaining("booklet-deadline");
		assertThatThrownBy(() -> new YearSettings(null, "Feb 2027", null)).hasMessageContaining("notices-from");
		assertThatThrownBy(() -> new YearSettings(null, null, List.of("2027-05..2026-01")))
				.hasMessageContaining("payment-months");
		assertThatThrownBy(() -> TallyTestProperties.with(List.of(2023, 2024, 2025, 2026), Map.of()))
				.hasMessageContaining("at most three");
		assertThatThrownBy(() -> TallyTestProperties.with(List.of(2023, 2025), Map.of()))
				.hasMessageContaining("consecutive");
	}
}
