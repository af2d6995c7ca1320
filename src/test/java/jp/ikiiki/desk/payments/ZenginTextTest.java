package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ZenginTextTest {

	@Test
	void full_width_katakana_with_small_kana_and_long_vowel_becomes_half_width_large_kana_and_hyphen() {
		assertThat(ZenginText.convert("口座名義", "キョウ　ショータ", 30)).isEqualTo("ｷﾖｳ ｼﾖ-ﾀ");
	}

	@Test
	void hiragana_voiced_and_semi_voiced_kana_are_split_into_kana_and_mark() {
		assertThat(ZenginText.convert("口座名義", "がっこう ぱんだ", 30)).isEqualTo("ｶﾞﾂｺｳ ﾊﾟﾝﾀﾞ");
	}

	@Test
	void half_width_input_stays_as_it_is_and_letters_go_upper_case() {
		assertThat(ZenginText.convert("口座名義", "ﾔﾏﾀﾞ ﾀﾛｳ", 30)).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(ZenginText.convert("口座名義", "ｶ)abc．", 30)).isEqualTo("ｶ)ABC.");
	}

	@Test
	void runs_of_spaces_become_one_and_the_ends_are_trimmed() {
		assertThat(ZenginText.convert("口座名義", "  ヤマダ 　 ハナコ  ", 30)).isEqualTo("ﾔﾏﾀﾞ ﾊﾅｺ");
	}

	@Test
	void a_kanji_is_refused_naming_the_character() {
		assertThatThrownBy(() -> ZenginText.convert("口座名義", "ヤマ田 タロウ", 30))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("「田」").hasMessageContaining("口座名義");
	}

	@Test
	void a_symbol_outside_the_allowed_set_is_refused_naming_it() {
		assertThatThrownBy(() -> ZenginText.convert("口座名義", "ヤマダ＠タロウ", 30))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("「@」");
	}

	@Test
	void blank_and_too_long_are_refused() {
		assertThatThrownBy(() -> ZenginText.convert("口座名義", " 　", 30)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("入力してください");
		assertThatThrownBy(() -> ZenginText.convert("口座名義", "ア".repeat(31), 30))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("30文字まで");
	}

	@Test
	void converted_text_round_trips_through_jis_x_0201_bytes() {
		String s = ZenginText.convert("口座名義", "ガ(ｶ) ー./\\", 30);
		byte[] b = ZenginText.jisX0201(s);
		assertThat(b).hasSize(s.length());
		assertThat(b[0] & 0xFF).isEqualTo(0xB6);
		assertThat(b[1] & 0xFF).isEqualTo(0xDE);
		assertThat(ZenginText.fromJisX0201(b, 0, b.length)).isEqualTo(s);
	}
}
