package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JapaneseDatesTest {

	@ParameterizedTest
	@ValueSource(strings = { "2026/9/1", "2026-09-01", "2026.9.1", "20260901", "2026年9月1日", "R8.9.1", "R08.09.01",
			"r8/9/1", "令和8年9月1日", "令和 8年 9月 1日", "５０８０９０１", "２０２６／９／１", "㋿8.9.1" })
	void reads_every_form_the_city_uses(String text) {
		assertThat(JapaneseDates.parse(text)).isEqualTo(LocalDate.of(2026, 9, 1));
	}

	@ParameterizedTest
	@CsvSource({ "S15.3.2,1940-03-02", "昭和15年3月2日,1940-03-02", "3150302,1940-03-02", "H31.4.30,2019-04-30",
			"令和元年5月1日,2019-05-01", "R1.5.1,2019-05-01", "T15.12.24,1926-12-24", "S1.12.25,1926-12-25",
			"H1.1.8,1989-01-08", "M45.7.29,1912-07-29" })
	void converts_era_years(String text, LocalDate expected) {
		assertThat(JapaneseDates.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "H31.5.1", "S64.1.8", "R1.4.30", "T15.12.25" })
	void rejects_a_date_outside_its_era(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("期間外");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026/2/30", "20260231", "R8.13.1" })
	void rejects_a_day_that_does_not_exist(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).hasMessageContaining("存在しない日付");
	}

	@ParameterizedTest
	@ValueSource(strings = { "昨日", "2026/9", "X8.9.1", "2026-9-1-1" })
	void rejects_unknown_forms_with_an_example(String text) {
		assertThatThrownBy(() -> JapaneseDates.parse(text)).hasMessageContaining("形式");
	}

	@Test
	void rejects_blank() {
		assertThatThrownBy(() -> JapaneseDates.parse(" ")).hasMessage("日付が空です");
		assertThat(JapaneseDates.tryParse("")).isNull();
	}

	@Test
	void writes_era_form_for_notices() {
		assertThat(JapaneseDates.toEraKanji(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(JapaneseDates.toEraKanji(LocalDate.of(2026, 9, 1))).isEqualTo("令和8年9月1日");
		assertThat(JapaneseDates.toEraKanji(LocalDate.of(1940, 3, 2))).isEqualTo("昭和15年3月2日");
	}

	@Test
	void an_instant_is_shown_in_tokyo_time() {
		assertThat(JapaneseDates.toWesternDateTime(java.time.Instant.parse("2026-11-23T15:18:00Z"))).isEqualTo("2026/11/24 0:18");
	}

	@Test
	void work_lists_show_the_western_date_with_its_weekday() {
		assertThat(JapaneseDates.toWesternWithWeekday(LocalDate.of(2026, 9, 1))).isEqualTo("2026/9/1（火）");
		assertThat(JapaneseDates.toWesternDateTimeWithWeekday(java.time.Instant.parse("2026-11-23T15:18:00Z")))
				.isEqualTo("2026/11/24（火）0:18");
		assertThat(JapaneseDates.toWesternTimestamp(java.time.Instant.parse("2026-11-23T15:18:07Z")))
				.isEqualTo("2026/11/24 0:18:07");
		assertThat(JapaneseDates.toTime(java.time.Instant.parse("2026-11-23T15:18:07Z"))).isEqualTo("0:18");
		assertThat(JapaneseDates.toTime(java.time.Instant.parse("2026-11-24T03:00:00Z"))).isEqualTo("12:00");
	}

	@Test
	void what_the_city_reads_is_in_the_era_form() {
		assertThat(JapaneseDates.toEraKanjiWithWeekday(LocalDate.of(2026, 9, 1))).isEqualTo("令和8年9月1日（火）");
		assertThat(JapaneseDates.toEraYearMonth(java.time.YearMonth.of(2026, 9))).isEqualTo("令和8年9月");
		assertThat(JapaneseDates.toEraYearMonth(java.time.YearMonth.of(2019, 5))).isEqualTo("令和元年5月");
		assertThat(JapaneseDates.toEraYearMonth(java.time.YearMonth.of(2019, 4))).isEqualTo("平成31年4月");
	}

	@ParameterizedTest
	@CsvSource({ "2026,令和8年度", "2019,令和元年度", "2018,平成30年度", "1989,平成元年度", "1988,昭和63年度" })
	void fiscal_years_are_named_by_the_era_in_force_in_may(int fiscalYear, String expected) {
		assertThat(JapaneseDates.toEraFiscalYear(fiscalYear)).isEqualTo(expected);
	}

	@Test
	void birth_dates_show_both_forms() {
		assertThat(JapaneseDates.toBoth(LocalDate.of(1940, 3, 2))).isEqualTo("1940/3/2（昭和15年3月2日）");
	}

	@Test
	void a_date_before_meiji_is_written_in_the_western_form_rather_than_failing() {
		assertThat(JapaneseDates.toEraKanji(LocalDate.of(1, 1, 1))).isEqualTo("0001/1/1");
		assertThat(JapaneseDates.toBoth(LocalDate.of(1, 1, 1))).isEqualTo("0001/1/1");
		assertThat(JapaneseDates.toEraFiscalYear(1000)).isEqualTo("1000年度");
	}

	@Test
	void typed_dates_are_refused_naming_the_field() {
		assertThat(JapaneseDates.parseInput("開始日", "令和8年9月1日")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(JapaneseDates.parseInput("開始日", " ")).isNull();
		assertThatThrownBy(() -> JapaneseDates.parseInput("開始日", "2026-13-40"))
				.isInstanceOf(InvalidInputException.class)
				.hasMessage("開始日: 存在しない日付です")
				.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("開始日");
	}
}
