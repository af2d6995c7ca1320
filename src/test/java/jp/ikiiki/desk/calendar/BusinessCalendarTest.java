package jp.ikiiki.desk.calendar;

import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

	final BusinessCalendar calendar = new BusinessCalendar(CalendarProperties.defaults());

	/**
	 * 内閣府「国民の祝日について」: the published holidays (祝日, 振替休日 and 国民の休日), 2019–2027, as month/day.
	 */
	static final Map<Integer, List<String>> CABINET_OFFICE = Map.of(
			2019, List.of("1/1", "1/14", "2/11", "3/21", "4/29", "4/30", "5/1", "5/2", "5/3", "5/4", "5/5", "5/6",
					"7/15", "8/11", "8/12", "9/16", "9/23", "10/14", "10/22", "11/3", "11/4", "11/23"),
			2020, List.of("1/1", "1/13", "2/11", "2/23", "2/24", "3/20", "4/29", "5/3", "5/4", "5/5", "5/6", "7/23",
					"7/24", "8/10", "9/21", "9/22", "11/3", "11/23"),
			2021, List.of("1/1", "1/11", "2/11", "2/23", "3/20", "4/29", "5/3", "5/4", "5/5", "7/22", "7/23", "8/8",
					"8/9", "9/20", "9/23", "11/3", "11/23"),
			2022, List.of("1/1", "1/10", "2/11", "2/23", "3/21", "4/29", "5/3", "5/4", "5/5", "7/18", "8/11", "9/19",
					"9/23", "10/10", "11/3", "11/23"),
			2023, List.of("1/1", "1/2", "1/9", "2/11", "2/23", "3/21", "4/29", "5/3", "5/4", "5/5", "7/17", "8/11",
					"9/18", "9/23", "10/9", "11/3", "11/23"),
			2024, List.of("1/1", "1/8", "2/11", "2/12", "2/23", "3/20", "4/29", "5/3", "5/4", "5/5", "5/6", "7/15",
					"8/11", "8/12", "9/16", "9/22", "9/23", "10/14", "11/3", "11/4", "11/23"),
			2025, List.of("1/1", "1/13", "2/11", "2/23", "2/24", "3/20", "4/29", "5/3", "5/4", "5/5", "5/6", "7/21",
					"8/11", "9/15", "9/23", "10/13", "11/3", "11/23", "11/24"),
			2026, List.of("1/1", "1/12", "2/11", "2/23", "3/20", "4/29", "5/3", "5/4", "5/5", "5/6", "7/20", "8/11",
					"9/21", "9/22", "9/23", "10/12", "11/3", "11/23"),
			2027, List.of("1/1", "1/11", "2/11", "2/23", "3/21", "3/22", "4/29", "5/3", "5/4", "5/5", "7/19", "8/11",
					"9/20", "9/23", "10/11", "11/3", "11/23"));

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027 })
	void holidays_of_the_year_are_those_the_cabinet_office_published(int year) {
		List<LocalDate> expected = CABINET_OFFICE.get(year).stream().map(md -> {
			String[] p = md.split("/");
			return LocalDate.of(year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
		}).sorted().toList();
		assertThat(List.copyOf(calendar.holidays(year).keySet())).containsExactlyElementsOf(expected);
		for (LocalDate d : expected) {
			assertThat(calendar.isHoliday(d)).as(d.toString()).isTrue();
		}
	}

	@Test
	void holidays_carry_their_names_including_substitute_and_citizens_holidays() {
		assertThat(calendar.holidayName(LocalDate.of(2026, 5, 6))).contains("振替休日");
		assertThat(calendar.holidayName(LocalDate.of(2026, 9, 22))).contains("国民の休日");
		assertThat(calendar.holidayName(LocalDate.of(2026, 2, 23))).contains("天皇誕生日");
		assertThat(calendar.holidayName(LocalDate.of(2026, 10, 12))).contains("スポーツの日");
		assertThat(calendar.holidayName(LocalDate.of(2019, 10, 14))).contains("体育の日");
		assertThat(calendar.holidayName(LocalDate.of(2019, 5, 1))).contains("天皇の即位の日");
		assertThat(calendar.holidayName(LocalDate.of(2019, 10, 22))).contains("即位礼正殿の儀");
		assertThat(calendar.holidayName(LocalDate.of(2026, 6, 1))).isEmpty();
	}

	@Test
	void emperors_birthday_moves_from_december_to_february_with_none_in_2019() {
		assertThat(calendar.holidayName(LocalDate.of(2018, 12, 23))).contains("天皇誕生日");
		assertThat(calendar.holidays(2019)).doesNotContainValue("天皇誕生日");
		assertThat(calendar.isHoliday(LocalDate.of(2019, 12, 23))).isFalse();
		assertThat(calendar.holidayName(LocalDate.of(2020, 2, 23))).contains("天皇誕生日");
		assertThat(calendar.isHoliday(LocalDate.of(2019, 2, 23))).isFalse();
	}

	@Test
	void earlier_history_follows_the_law_of_the_time() {
		assertThat(calendar.holidayName(LocalDate.of(2000, 1, 10))).contains("成人の日");
		assertThat(calendar.holidayName(LocalDate.of(1999, 1, 15))).contains("成人の日");
		assertThat(calendar.holidayName(LocalDate.of(2002, 7, 20))).contains("海の日");
		assertThat(calendar.holidayName(LocalDate.of(2002, 9, 15))).contains("敬老の日");
		assertThat(calendar.holidayName(LocalDate.of(2006, 4, 29))).contains("みどりの日");
		assertThat(calendar.holidayName(LocalDate.of(2006, 5, 4))).contains("国民の休日");
		assertThat(calendar.holidayName(LocalDate.of(2007, 4, 29))).contains("昭和の日");
		assertThat(calendar.holidayName(LocalDate.of(2007, 4, 30))).contains("振替休日");
		// 2008-05-06: 5/4 (みどりの日) fell on a Sunday; from 2007 the substitute is the next non-holiday.
		assertThat(calendar.holidayName(LocalDate.of(2008, 5, 6))).contains("振替休日");
		// 2009-09-22: between 敬老の日 and 秋分の日.
		assertThat(calendar.holidayName(LocalDate.of(2009, 9, 22))).contains("国民の休日");
		assertThat(calendar.isHoliday(LocalDate.of(2015, 8, 11))).isFalse();
		assertThat(calendar.holidayName(LocalDate.of(2016, 8, 11))).contains("山の日");
	}

	@Test
	void equinoxes_follow_the_standard_formula() {
		assertThat(JapaneseHolidays.vernalEquinoxDay(2026)).isEqualTo(20);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2026)).isEqualTo(23);
		assertThat(JapaneseHolidays.autumnalEquinoxDay(2012)).isEqualTo(22);
		assertThat(JapaneseHolidays.vernalEquinoxDay(2099)).isEqualTo(20);
	}

	@Test
	void years_outside_1980_to_2099_are_refused() {
		assertThatThrownBy(() -> calendar.isHoliday(LocalDate.of(2100, 1, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("1980年〜2099年");
		assertThatThrownBy(() -> calendar.isHoliday(LocalDate.of(1979, 1, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("1979年");
	}

	@Test
	void open_days_are_weekdays_that_are_not_holidays_nor_the_new_year_closure() {
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 11, 24))).isTrue(); // Tuesday
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 11, 23))).isFalse(); // 勤労感謝の日
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 12, 28))).isTrue();
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 12, 29))).isFalse();
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 12, 31))).isFalse();
		assertThat(calendar.isOpenDay(LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(calendar.isOpenDay(LocalDate.of(2026, 1, 2))).isFalse(); // Friday
		assertThat(calendar.isOpenDay(LocalDate.of(2027, 1, 4))).isTrue();
	}

	/**
	 * The contract's line table (第6章2) gives the open days of each month of 令和8年度; the calendar agrees except
	 * in December 2026: 12/1–12/28 hold 20 weekdays without a holiday, where the table says 19.
	 */
	@Test
	void open_days_of_fiscal_2026_match_the_contract_table_except_december() {
		int[] contract = { 21, 18, 22, 22, 20, 19, 21, 19, 19, 19, 18, 22 };
		Map<YearMonth, Integer> ours = new LinkedHashMap<>();
		Map<YearMonth, String> differences = new TreeMap<>();
		List<YearMonth> months = calendar.monthsOfFiscalYear(2026);
		for (int i = 0; i < 12; i++) {
			int n = calendar.openDays(months.get(i)).size();
			ours.put(months.get(i), n);
			if (n != contract[i]) {
				differences.put(months.get(i), "calendar " + n + " / contract " + contract[i]);
			}
		}
		assertThat(ours.values()).containsExactly(21, 18, 22, 22, 20, 19, 21, 19, 20, 19, 18, 22);
		assertThat(differences).containsExactly(Map.entry(YearMonth.of(2026, 12), "calendar 20 / contract 19"));
		assertThat(ours.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(241);
		assertThat(months.get(0)).isEqualTo(YearMonth.of(2026, 4));
		assertThat(months.get(11)).isEqualTo(YearMonth.of(2027, 3));
	}

	@Test
	void the_city_is_open_from_half_past_eight_until_a_quarter_past_five() {
		assertThat(calendar.isOpenAt(tokyo(2026, 11, 24, 8, 29, 59))).isFalse();
		assertThat(calendar.isOpenAt(tokyo(2026, 11, 24, 8, 30, 0))).isTrue();
		assertThat(calendar.isOpenAt(tokyo(2026, 11, 24, 17, 14, 59))).isTrue();
		assertThat(calendar.isOpenAt(tokyo(2026, 11, 24, 17, 15, 0))).isFalse();
		assertThat(calendar.isOpenAt(tokyo(2026, 11, 23, 10, 0, 0))).isFalse();
		// 10:00 Tokyo is 01:00 UTC: the zone matters.
		assertThat(calendar.isOpenAt(Instant.parse("2026-11-24T01:00:00Z"))).isTrue();
		assertThat(calendar.isOpenAt(Instant.parse("2026-11-24T10:00:00Z"))).isFalse();
	}

	@Test
	void half_days_split_at_noon_by_default_and_at_the_configured_boundary() {
		assertThat(calendar.halfDayOf(tokyo(2026, 11, 24, 11, 59, 59)))
				.isEqualTo(new HalfDay(LocalDate.of(2026, 11, 24), HalfDay.Half.AM));
		assertThat(calendar.halfDayOf(tokyo(2026, 11, 24, 12, 0, 0)))
				.isEqualTo(new HalfDay(LocalDate.of(2026, 11, 24), HalfDay.Half.PM));
		BusinessCalendar oneOClock = new BusinessCalendar(new CalendarProperties(LocalTime.of(13, 0)));
		assertThat(oneOClock.halfDayBoundary()).isEqualTo(LocalTime.of(13, 0));
		assertThat(oneOClock.halfDayOf(tokyo(2026, 11, 24, 12, 30, 0)).half()).isEqualTo(HalfDay.Half.AM);
		assertThat(calendar.opens()).isEqualTo(LocalTime.of(8, 30));
		assertThat(calendar.closes()).isEqualTo(LocalTime.of(17, 15));
		assertThatThrownBy(() -> new CalendarProperties(LocalTime.of(18, 0)))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void next_boundary_is_the_next_opening_half_day_boundary_or_closing_of_an_open_day() {
		assertThat(calendar.nextBoundaryAfter(tokyo(2026, 11, 24, 7, 0, 0))).isEqualTo(tokyo(2026, 11, 24, 8, 30, 0));
		assertThat(calendar.nextBoundaryAfter(tokyo(2026, 11, 24, 8, 30, 0))).isEqualTo(tokyo(2026, 11, 24, 12, 0, 0));
		assertThat(calendar.nextBoundaryAfter(tokyo(2026, 11, 24, 12, 0, 0))).isEqualTo(tokyo(2026, 11, 24, 17, 15, 0));
		// Friday evening before a weekend and 勤労感謝の日 (Monday 11/23): next is Tuesday's opening.
		assertThat(calendar.nextBoundaryAfter(tokyo(2026, 11, 20, 17, 15, 0))).isEqualTo(tokyo(2026, 11, 24, 8, 30, 0));
		HalfDay pm = new HalfDay(LocalDate.of(2026, 11, 24), HalfDay.Half.PM);
		assertThat(calendar.startOf(pm)).isEqualTo(tokyo(2026, 11, 24, 12, 0, 0));
		assertThat(calendar.endOf(pm)).isEqualTo(tokyo(2026, 11, 24, 17, 15, 0));
		assertThat(pm.next()).isEqualTo(new HalfDay(LocalDate.of(2026, 11, 25), HalfDay.Half.AM));
	}

	@Test
	void business_year_starts_in_september_and_fiscal_year_in_april() {
		assertThat(calendar.businessYearOf(LocalDate.of(2026, 8, 31))).isEqualTo(2025);
		assertThat(calendar.businessYearOf(LocalDate.of(2026, 9, 1))).isEqualTo(2026);
		assertThat(calendar.businessYearOf(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
		assertThat(calendar.fiscalYearOf(LocalDate.of(2026, 3, 31))).isEqualTo(2025);
		assertThat(calendar.fiscalYearOf(LocalDate.of(2026, 4, 1))).isEqualTo(2026);
		assertThat(calendar.fiscalYearOf(LocalDate.of(2027, 1, 15))).isEqualTo(2026);
	}

	@Test
	void every_year_of_the_range_has_fifteen_to_twenty_four_holidays() {
		Map<Integer, Integer> counts = new TreeMap<>();
		for (int y = 1980; y <= 2099; y++) {
			counts.put(y, calendar.holidays(y).size());
		}
		assertThat(counts.values().stream().collect(Collectors.toSet())).allMatch(n -> n >= 12 && n <= 24);
	}

	static Instant tokyo(int y, int m, int d, int h, int min, int s) {
		return LocalDateTime.of(y, m, d, h, min, s).atZone(JapanTime.ZONE).toInstant();
	}
}
