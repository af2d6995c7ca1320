package jp.ikiiki.desk.manual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManualTextTest {

	@Test
	void hiragana_katakana_and_half_width_katakana_give_the_same_key() {
		assertThat(ManualText.key("てちょう")).isEqualTo("テチョウ");
		assertThat(ManualText.key("ﾃﾁｮｳ")).isEqualTo("テチョウ");
		assertThat(ManualText.key("テチョウ")).isEqualTo("テチョウ");
		assertThat(ManualText.key("ｶﾞｲﾄﾞ")).isEqualTo("ガイド");
	}

	@Test
	void full_width_letters_and_digits_and_spaces_are_folded() {
		assertThat(ManualText.key("ＩＣカード　１２３ Ａ")).isEqualTo("icカード123a");
		assertThat(ManualText.key(null)).isEmpty();
	}

	@Test
	void query_words_split_at_any_space_and_become_keys() {
		assertThat(ManualText.terms(" さいこうふ　ﾃﾁｮｳ  ")).containsExactly("サイコウフ", "テチョウ");
		assertThat(ManualText.terms("   ")).isEmpty();
	}
}
