package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Jis0208Test {

	@Test
	void ordinary_names_and_addresses_print_as_they_are() {
		assertThat(Jis0208.flagged("広島市中区国泰寺町一丁目6-34 山田 花子")).isEmpty();
		assertThat(Jis0208.flagged("ヤマダ　ハナコ ﾔﾏﾀﾞ")).isEmpty();
	}

	@Test
	void windows_variants_are_not_falsely_flagged() {
		assertThat(Jis0208.flagged("1～3丁目－∥￠￡￢")).isEmpty();
	}

	@Test
	void characters_outside_jis_x_0208_are_flagged_once_each() {
		assertThat(Jis0208.flagged("髙橋 髙子")).isEqualTo("髙");
		assertThat(Jis0208.flagged("𠮷田")).isEqualTo("𠮷");
		assertThat(Jis0208.flagged("山﨑")).isEqualTo("﨑");
		assertThat(Jis0208.flagged("①番地")).isEqualTo("①");
	}

	@Test
	void placeholders_of_the_city_system_are_flagged() {
		assertThat(Jis0208.flagged("山■太郎")).isEqualTo("■");
		assertThat(Jis0208.flagged("〓田")).isEqualTo("〓");
		assertThat(Jis0208.flagged("・田")).isEqualTo("・");
	}

	@Test
	void control_characters_are_flagged() {
		assertThat(Jis0208.printable("山田\t花子")).isFalse();
	}
}
