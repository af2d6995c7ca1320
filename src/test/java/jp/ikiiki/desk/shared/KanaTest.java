package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaTest {

	@Test
	void half_width_hiragana_and_spaced_forms_share_one_search_key() {
		assertThat(Kana.searchKey("ﾀﾅｶ ﾀﾛｳ")).isEqualTo("タナカタロウ");
		assertThat(Kana.searchKey("たなか　たろう")).isEqualTo("タナカタロウ");
		assertThat(Kana.searchKey("タナカ タロウ")).isEqualTo("タナカタロウ");
	}

	@Test
	void half_width_voiced_marks_compose_and_are_kept() {
		assertThat(Kana.searchKey("ｶﾞｯｺｳ")).isEqualTo("ガツコウ");
		assertThat(Kana.searchKey("カツコウ")).isNotEqualTo(Kana.searchKey("ガッコウ"));
	}

	@Test
	void small_kana_are_enlarged() {
		assertThat(Kana.searchKey("キョウコ")).isEqualTo(Kana.searchKey("キヨウコ"));
		assertThat(Kana.searchKey("ハットリ")).isEqualTo("ハツトリ");
	}

	@Test
	void dash_variants_read_as_long_vowel_mark() {
		assertThat(Kana.searchKey("ﾕｰｺ")).isEqualTo("ユーコ");
		assertThat(Kana.searchKey("ユ－コ")).isEqualTo("ユーコ");
	}

	@Test
	void display_form_keeps_one_ideographic_space() {
		assertThat(Kana.toFullwidthKatakana("  ﾔﾏﾀﾞ   ﾊﾅｺ ")).isEqualTo("ヤマダ\u3000ハナコ");
		assertThat(Kana.toFullwidthKatakana(null)).isEmpty();
	}

	@Test
	void kana_name_validation_accepts_kana_and_rejects_kanji_or_latin() {
		assertThat(Kana.isKanaName("ヤマダ　ハナコ")).isTrue();
		assertThat(Kana.isKanaName("やまだ はなこ")).isTrue();
		assertThat(Kana.isKanaName("ｽﾐｽ･ｼﾞｮﾝ")).isTrue();
		assertThat(Kana.isKanaName("山田花子")).isFalse();
		assertThat(Kana.isKanaName("YAMADA")).isFalse();
		assertThat(Kana.isKanaName("　")).isFalse();
	}
}
