package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNumberTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"0001234567|0001234567",
			"０００１２３４５６７|0001234567",
			"' 000 123 4567 '|0001234567",
			"000\u3000123|000123",
			"12345678901234567890|12345678901234567890" })
	void typed_forms_of_one_number_read_the_same(String typed, String expected) {
		assertThat(AddressNumber.parse(typed).value()).isEqualTo(expected);
		assertThat(AddressNumber.tryParse(typed)).contains(new AddressNumber(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"''|宛名番号を入力してください",
			"'   '|宛名番号を入力してください",
			"12a4|宛名番号は数字のみで入力してください",
			"-12|宛名番号は数字のみで入力してください",
			"123456789012345678901|宛名番号が長すぎます（20桁まで）" })
	void what_is_not_a_number_is_refused_naming_the_field_and_reason(String typed, String reason) {
		assertThatThrownBy(() -> AddressNumber.parse(typed)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
			assertThat(e.field()).isEqualTo("宛名番号");
			assertThat(e.reason()).isEqualTo(reason);
		});
		assertThat(AddressNumber.tryParse(typed)).isEmpty();
	}

	@Test
	void null_is_refused_and_normalises_to_empty() {
		assertThatThrownBy(() -> AddressNumber.parse(null)).isInstanceOf(InvalidInputException.class);
		assertThat(AddressNumber.normalize(null)).isEmpty();
	}

	@Test
	void leading_zeros_are_kept_and_order_is_textual() {
		assertThat(new AddressNumber("0012")).isNotEqualTo(new AddressNumber("12"));
		assertThat(new AddressNumber("0012").compareTo(new AddressNumber("012"))).isNegative();
	}
}
