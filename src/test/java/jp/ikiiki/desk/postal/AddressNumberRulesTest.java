package jp.ikiiki.desk.postal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The extraction rules one by one (郵便番号・バーコードマニュアル p19, 基本ルール 1–6 and 補足ルール 1). These inputs are
 * derived by hand from the rules as documented, not taken from Japan Post; the published cases are in
 * {@link CustomerBarcodeTest}.
 */
class AddressNumberRulesTest {

	private static String number(String address) {
		AddressNumberRules.Extraction e = AddressNumberRules.extract(address);
		assertThat(e.extracted()).as(e.refusal()).isTrue();
		return e.number();
	}

	private static String refusal(String address) {
		AddressNumberRules.Extraction e = AddressNumberRules.extract(address);
		assertThat(e.extracted()).as("extracted %s", e.number()).isFalse();
		return e.refusal();
	}

	@Test
	void full_width_digits_letters_and_dashes_become_half_width() {
		assertThat(number("緑町３丁目３０－８　郵便ビル４０３号")).isEqualTo("3-30-8-403");
		assertThat(number("緑町3−30‐8")).isEqualTo("3-30-8");
		assertThat(number("台東５－６－３　Ｂ棟")).isEqualTo("5-6-3B");
	}

	@Test
	void rule_1_lower_case_letters_become_upper_case() {
		assertThat(number("緑町3-30-8 b棟")).isEqualTo("3-30-8B");
	}

	@Test
	void rule_2_ampersand_slash_middle_dot_and_period_are_removed_and_the_rest_closes_up() {
		// removing "&" joins A and B into a run of two letters, which is then text (rule 4)
		assertThat(number("3-20-5 A&BハイツC1")).isEqualTo("3-20-5C1");
		assertThat(number("1/2・3.4")).isEqualTo("1234");
		assertThat(number("１２／３４")).isEqualTo("1234");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			三丁目5番2号 | 3-5-2
			十一丁目 | 11
			二十三番地 | 23
			百一番地 | 101
			二〇三号 | 203
			千二百三十四番地 | 1234
			五丁2番 | 5-2
			第三地割7 | 3-7
			東七線 西28 | 7-28
			十五の二 | 15
			五ノ3 | 5-3
			""")
	void supplementary_rule_1_kanji_numerals_before_the_markers_become_digits(String address, String expected) {
		assertThat(number(address)).isEqualTo(expected);
	}

	@Test
	void kanji_numerals_elsewhere_are_text() {
		// 六 before 条 is not one of the nine markers: it stays kanji and becomes a separator
		assertThat(number("北六条東4丁目")).isEqualTo("4");
		assertThat(number("四日市ビル3階")).isEqualTo("3");
	}

	@Test
	void rule_3_and_4_text_before_a_kept_character_becomes_one_hyphen() {
		assertThat(number("霞が関1丁目3番2号 郵便プラザ503室")).isEqualTo("1-3-2-503");
		assertThat(number("添60-1")).isEqualTo("60-1");
	}

	@Test
	void rule_4_runs_of_two_or_more_letters_are_text_and_single_letters_are_kept() {
		assertThat(number("5-6-3 ABCビル10")).isEqualTo("5-6-3-10");
		assertThat(number("6-7 LプラザB106")).isEqualTo("6-7LB106");
	}

	@Test
	void rule_5_consecutive_hyphens_collapse_to_one() {
		assertThat(number("3丁目--20---5")).isEqualTo("3-20-5");
		assertThat(number("東3丁目-20-5")).isEqualTo("3-20-5");
	}

	@Test
	void rule_6_a_leading_hyphen_is_dropped_and_text_after_the_last_number_leaves_nothing() {
		assertThat(number("-12-3")).isEqualTo("12-3");
		assertThat(number("4丁目 郵便センター6号館")).isEqualTo("4-6");
	}

	@Test
	void a_floor_f_after_a_digit_separates_and_hyphens_next_to_letters_go() {
		assertThat(number("7-6 A棟1F1号")).isEqualTo("7-6A1-1");
		assertThat(number("6-7-14 ビル2F")).isEqualTo("6-7-14-2");
		assertThat(number("3-80-25 J1ビル2-B")).isEqualTo("3-80-25J1-2B");
		// F not after a digit is an ordinary letter
		assertThat(number("3-4 F棟")).isEqualTo("3-4F");
	}

	@Test
	void an_address_without_any_number_is_not_printable() {
		assertThat(refusal("青ヶ島村無番地")).contains("住所表示番号");
		assertThat(refusal("大字東山字西谷　番地なし")).contains("住所表示番号");
		assertThat(refusal("   ")).isNotBlank();
	}

	@Test
	void characters_the_rules_do_not_cover_make_it_not_printable() {
		assertThat(refusal("緑町3丁目30-8（山田方）")).contains("「(」");
		assertThat(refusal("緑町3丁目30-8 #403")).contains("#");
		assertThat(refusal("緑町①-30")).contains("①");
	}

	@Test
	void town_names_that_look_like_numbers_are_refused_rather_than_encoded() {
		assertThat(refusal("札幌市中央区北1条西2丁目3")).contains("条");
		assertThat(refusal("中央区八丁堀3丁目1-2")).contains("八丁堀");
		assertThat(refusal("千代田区四番町5-9")).contains("四番町");
		assertThat(refusal("台東区三ノ輪1-2-3")).contains("三ノ輪");
	}

	@Test
	void kanji_values_read_positional_and_multiplied_forms() {
		assertThat(AddressNumberRules.kanjiValue("十")).isEqualTo(10);
		assertThat(AddressNumberRules.kanjiValue("二十一")).isEqualTo(21);
		assertThat(AddressNumberRules.kanjiValue("三百五")).isEqualTo(305);
		assertThat(AddressNumberRules.kanjiValue("一〇五")).isEqualTo(105);
		assertThat(AddressNumberRules.kanjiValue("千")).isEqualTo(1000);
	}
}
