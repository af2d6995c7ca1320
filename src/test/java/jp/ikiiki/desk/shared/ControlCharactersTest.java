package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

	@Test
	void c0_del_and_c1_are_control_characters_and_printable_text_is_not() {
		assertThat(ControlCharacters.indexOf("山田\u001b[31m")).isEqualTo(2);
		assertThat(ControlCharacters.contains("a\u0007")).isTrue();
		assertThat(ControlCharacters.contains("a\u007f")).isTrue();
		assertThat(ControlCharacters.contains("a\u0085")).isTrue();
		assertThat(ControlCharacters.contains("a\tb")).isTrue();
		assertThat(ControlCharacters.contains("一\n二")).isTrue();
		assertThat(ControlCharacters.contains("広島市中区　基町 1-1 𠮷")).isFalse();
		assertThat(ControlCharacters.contains("\u00a0é")).isFalse();
		assertThat(ControlCharacters.indexOf(null)).isEqualTo(-1);
	}

	@Test
	void visible_names_every_control_character() {
		assertThat(ControlCharacters.visible("a\u0000b\u001bc\nd\u0085")).isEqualTo("a<NUL>b<ESC>c<改行（LF）>d<U+0085>");
		assertThat(ControlCharacters.visible("普通の文字")).isEqualTo("普通の文字");
	}
}
