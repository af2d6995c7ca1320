package jp.ikiiki.desk.groups.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupNormalizerTest {

	@Test
	void full_width_and_half_width_letters_digits_and_kana_read_alike() {
		assertThat(GroupNormalizer.name("ＡＢＣ体操クラブ２１")).isEqualTo(GroupNormalizer.name("abc体操クラブ21"));
		assertThat(GroupNormalizer.kana("ｲｷｲｷｸﾗﾌﾞ")).isEqualTo(GroupNormalizer.kana("イキイキクラブ"));
	}

	@Test
	void spaces_of_every_width_and_middle_dots_are_ignored() {
		assertThat(GroupNormalizer.name("いきいき　体操 クラブ")).isEqualTo("イキイキ体操クラブ");
		assertThat(GroupNormalizer.person("山田　太郎")).isEqualTo(GroupNormalizer.person("山田 太郎"))
				.isEqualTo("山田太郎");
		assertThat(GroupNormalizer.name("ふれあい・サロン")).isEqualTo("フレアイサロン");
	}

	@Test
	void hiragana_and_katakana_names_read_alike() {
		assertThat(GroupNormalizer.name("いきいき薬局")).isEqualTo(GroupNormalizer.name("イキイキ薬局"));
	}

	@Test
	void company_forms_are_removed_wherever_they_stand() {
		String plain = GroupNormalizer.name("いきいき薬局");
		assertThat(GroupNormalizer.name("株式会社いきいき薬局")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("㈱いきいき薬局")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("(株)いきいき薬局")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("いきいき薬局（株）")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("有限会社いきいき薬局")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("㈲いきいき薬局")).isEqualTo(plain);
		assertThat(GroupNormalizer.name("医療法人社団いきいき薬局")).isEqualTo(plain);
	}

	@Test
	void kana_company_forms_and_hiragana_read_alike() {
		String plain = GroupNormalizer.kana("イキイキヤツキヨク");
		assertThat(GroupNormalizer.kana("カブシキガイシャイキイキヤッキョク")).isEqualTo(plain);
		assertThat(GroupNormalizer.kana("ｲｷｲｷﾔｯｷｮｸ(ｶ")).isEqualTo(plain);
		assertThat(GroupNormalizer.kana("いきいきやっきょく")).isEqualTo(plain);
	}

	@Test
	void address_block_forms_read_alike() {
		String plain = GroupNormalizer.address("広島市中区大手町1-2-3");
		assertThat(plain).isEqualTo("中区大手町1-2-3");
		assertThat(GroupNormalizer.address("中区大手町1丁目2番3号")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("中区大手町1丁目2番地3")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("中区大手町１－２－３")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("中区大手町1ー2ー3")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("中区大手町1の2の3")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("広島県広島市中区大手町1‐2‐3")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("〒730-0051 広島市中区大手町1-2-3")).isEqualTo(plain);
		assertThat(GroupNormalizer.address("７３０００５１　中区大手町１－２－３")).isEqualTo(plain);
	}

	@Test
	void kanji_numerals_in_addresses_read_as_digits() {
		assertThat(GroupNormalizer.address("中区大手町一丁目二番三号")).isEqualTo("中区大手町1-2-3");
		assertThat(GroupNormalizer.address("安芸郡海田町南二十三番地")).isEqualTo("海田町南23");
		assertThat(GroupNormalizer.address("府中町本町二丁目十五番一〇号")).isEqualTo("府中町本町2-15-10");
		assertThat(GroupNormalizer.kanjiNumerals("百五")).isEqualTo("105");
		assertThat(GroupNormalizer.kanjiNumerals("二〇")).isEqualTo("20");
	}

	@Test
	void old_and_variant_kanji_read_as_their_new_form() {
		assertThat(GroupNormalizer.person("齋藤")).isEqualTo("斎藤");
		assertThat(GroupNormalizer.person("齊藤")).isEqualTo("斎藤");
		assertThat(GroupNormalizer.person("渡邊")).isEqualTo("渡辺");
		assertThat(GroupNormalizer.person("渡邉")).isEqualTo("渡辺");
		assertThat(GroupNormalizer.person("髙橋")).isEqualTo("高橋");
		assertThat(GroupNormalizer.person("山﨑")).isEqualTo("山崎");
		assertThat(GroupNormalizer.name("廣島櫻會")).isEqualTo("広島桜会");
		assertThat(GroupNormalizer.address("西区己斐本町澤")).isEqualTo("西区己斐本町沢");
		assertThat(GroupNormalizer.name("國際交流")).isEqualTo("国際交流");
		assertThat(GroupNormalizer.kanjiVariantCount()).isGreaterThan(60);
	}

	@Test
	void phones_read_as_their_digits_and_short_numbers_are_no_phone() {
		assertThat(GroupNormalizer.phone("(082)245-1234")).isEqualTo("0822451234");
		assertThat(GroupNormalizer.phone("０８２－２４５－１２３４")).isEqualTo("0822451234");
		assertThat(GroupNormalizer.phone("+81 82 245 1234")).isEqualTo("0822451234");
		assertThat(GroupNormalizer.phone("245-1234")).isEmpty();
		assertThat(GroupNormalizer.phone(null)).isEmpty();
	}

	@Test
	void blank_and_null_give_empty_forms() {
		assertThat(GroupNormalizer.name(null)).isEmpty();
		assertThat(GroupNormalizer.kana("  ")).isEmpty();
		assertThat(GroupNormalizer.address("")).isEmpty();
	}
}
