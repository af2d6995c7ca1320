package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectQueryTest {

	@Test
	void scanned_management_number_loses_code39_frame_and_line_end() {
		assertThat(SubjectQuery.parse("*A0012345*\r\n").managementNumber()).isEqualTo("A0012345");
		assertThat(ManagementNumber.normalize("]A0a0012345\n")).isEqualTo("A0012345");
		assertThat(ManagementNumber.normalize(" ａ００１２３４５ ")).isEqualTo("A0012345");
	}

	@Test
	void digits_in_the_search_box_are_an_address_or_management_number() {
		var q = SubjectQuery.parse("1234567890");
		assertThat(q.numbers()).containsExactly("1234567890");
		assertThat(q.managementNumber()).isNull();
		assertThat(SubjectQuery.parse("*00123456*").numbers()).containsExactly("00123456");
		assertThat(SubjectQuery.parse("１２３４").numbers()).containsExactly("1234");
	}

	@Test
	void dates_in_the_search_box_are_the_birth_date_in_any_form() {
		for (String text : List.of("S15.3.2", "昭和15年3月2日", "1940/3/2", "1940-03-02", "Ｓ１５．３．２")) {
			assertThat(SubjectQuery.parse(text).birthDate()).as(text).isEqualTo(LocalDate.of(1940, 3, 2));
		}
	}

	@Test
	void kana_in_the_search_box_is_a_kana_prefix_whatever_its_width_or_script() {
		assertThat(SubjectQuery.parse("ﾀﾅｶ").kanaPrefix()).isEqualTo("タナカ");
		assertThat(SubjectQuery.parse("たなか").kanaPrefix()).isEqualTo("タナカ");
		assertThat(SubjectQuery.parse("タナカ　タロウ").kanaPrefix()).isEqualTo("タナカタロウ");
		assertThat(SubjectQuery.parse("きょうこ").kanaPrefix()).isEqualTo("キヨウコ");
	}

	@Test
	void other_words_are_fragments_of_name_or_address_and_all_kinds_combine() {
		var q = SubjectQuery.parse("田中 八丁堀 たなか S15.3.2");
		assertThat(q.nameOrAddress()).containsExactly("田中", "八丁堀");
		assertThat(q.kanaPrefix()).isEqualTo("タナカ");
		assertThat(q.birthDate()).isEqualTo(LocalDate.of(1940, 3, 2));
	}

	@Test
	void blank_search_box_is_an_empty_query() {
		assertThat(SubjectQuery.parse("  \r\n").isEmpty()).isTrue();
		assertThat(SubjectQuery.parse(null)).isEqualTo(SubjectQuery.EMPTY);
	}

	@Test
	void separate_fields_are_normalised_and_validated() {
		var q = SubjectQuery.ofFields("*b77*", " 123 ", "ﾀﾅｶ ﾀ", "田中　太郎", "令和元年5月1日", "八丁堀 １－２");
		assertThat(q.managementNumber()).isEqualTo("B77");
		assertThat(q.addressNumber()).isEqualTo("123");
		assertThat(q.kanaPrefix()).isEqualTo("タナカタ");
		assertThat(q.kanjiFragment()).isEqualTo("田中太郎");
		assertThat(q.birthDate()).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(q.addressFragment()).isEqualTo("八丁堀1-2");
	}

	@Test
	void rejects_unreadable_fields_with_a_japanese_reason() {
		assertThatThrownBy(() -> SubjectQuery.ofFields(null, "12a", null, null, null, null)).hasMessageContaining("宛名番号");
		assertThatThrownBy(() -> SubjectQuery.ofFields(null, null, "田中", null, null, null)).hasMessageContaining("カナ");
		assertThatThrownBy(() -> SubjectQuery.ofFields(null, null, null, null, "H31.5.1", null)).hasMessageStartingWith("生年月日");
	}

	@Test
	void search_box_and_fields_combine_but_may_not_contradict() {
		var q = SubjectQuery.parse("たなか").and(SubjectQuery.ofFields(null, null, null, null, "1940/3/2", null));
		assertThat(q.kanaPrefix()).isEqualTo("タナカ");
		assertThat(q.birthDate()).isEqualTo(LocalDate.of(1940, 3, 2));
		assertThatThrownBy(() -> SubjectQuery.parse("S15.3.2").and(SubjectQuery.ofFields(null, null, null, null, "S15.3.3", null)))
				.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class);
	}

	@Test
	void describes_criteria_for_the_audit_trail() {
		assertThat(SubjectQuery.parse("たなか S15.3.2").describe()).isEqualTo("kana=タナカ; birthDate=1940-03-02");
	}

	@Test
	void control_characters_long_text_and_many_words_are_refused_naming_the_field() {
		assertThatThrownBy(() -> SubjectQuery.parse("\u0000")).isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class)
				.hasMessageContaining("制御文字（NUL）")
				.satisfies(e -> assertThat(((jp.ikiiki.desk.shared.InvalidInputException) e).field()).isEqualTo("検索語"));
		assertThatThrownBy(() -> SubjectQuery.parse("タナカ\u001b")).hasMessageContaining("ESC");
		assertThatThrownBy(() -> SubjectQuery.parse("x".repeat(201))).hasMessageContaining("200文字まで");
		assertThatThrownBy(() -> SubjectQuery.parse("a b c d e f g h i j k")).hasMessageContaining("10語まで");
		assertThatThrownBy(() -> SubjectQuery.ofFields(null, null, null, "田中\u0007", null, null))
				.satisfies(e -> assertThat(((jp.ikiiki.desk.shared.InvalidInputException) e).field()).isEqualTo("氏名"));
		assertThatThrownBy(() -> SubjectQuery.ofFields("A-12", null, null, null, null, null))
				.hasMessageContaining("申請書管理番号");
	}

	@Test
	void a_scanners_line_end_and_tab_are_only_separators() {
		assertThat(SubjectQuery.parse("*A0012345*\r\n").managementNumber()).isEqualTo("A0012345");
		assertThat(SubjectQuery.ofFields("A0012345\r", "1234\n", null, null, null, null).addressNumber()).isEqualTo("1234");
		assertThat(SubjectQuery.parse("たなか\tS15.3.2").birthDate()).isEqualTo(LocalDate.of(1940, 3, 2));
	}
}
