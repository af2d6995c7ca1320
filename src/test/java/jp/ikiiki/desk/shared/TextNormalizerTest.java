package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

	@Test
	void address_forms_share_one_key() {
		String key = TextNormalizer.forKey("広島市中区 基町１－２－３");
		assertThat(key).isEqualTo("広島市中区基町1-2-3");
		assertThat(TextNormalizer.forKey("広島市中区基町1ー2ー3")).isEqualTo(key);
		assertThat(TextNormalizer.forKey("広島市中区　基町1‐2‐3")).isEqualTo(key);
	}

	@Test
	void katakana_long_vowel_inside_words_is_kept() {
		assertThat(TextNormalizer.forKey("コーポ広島 101")).isEqualTo("コーポ広島101");
	}

	@Test
	void full_width_latin_is_folded_and_lower_cased() {
		assertThat(TextNormalizer.forKey("ＡＢＣマンション")).isEqualTo("abcマンション");
		assertThat(TextNormalizer.forKey(null)).isEmpty();
	}

	@Test
	void bigrams_are_distinct_and_a_single_character_has_none() {
		assertThat(TextNormalizer.bigrams("テチョウテチョ")).containsExactly("テチ", "チョ", "ョウ", "ウテ");
		assertThat(TextNormalizer.bigrams("テ")).isEmpty();
		assertThat(TextNormalizer.bigrams(null)).isEmpty();
	}
}
