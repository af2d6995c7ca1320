package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodesTest {

	@ParameterizedTest
	@ValueSource(strings = { "7300011", "730-0011", "〒730-0011", "〒 730－0011", "７３０００１１", " 730ー0011 " })
	void every_written_form_is_hyphenated_after_the_third_digit(String postcode) {
		assertThat(Postcodes.format(postcode)).isEqualTo("730-0011");
		assertThat(Postcodes.digits(postcode)).isEqualTo("7300011");
		assertThat(Postcodes.withMark(postcode)).isEqualTo("〒730-0011");
	}

	@Test
	void a_value_that_is_not_a_postcode_is_shown_as_it_came() {
		assertThat(Postcodes.format("73000")).isEqualTo("73000");
		assertThat(Postcodes.digits("73000")).isNull();
		assertThat(Postcodes.format(null)).isEmpty();
		assertThat(Postcodes.withMark("")).isEmpty();
	}
}
