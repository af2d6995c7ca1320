package jp.ikiiki.desk.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class YuchoNumbersTest {

	@Test
	void symbol_and_number_become_branch_from_the_second_and_third_digits_plus_8_and_the_number_without_its_last_1() {
		assertThat(YuchoNumbers.convert("14180", "12345671")).isEqualTo(new YuchoNumbers.Converted("418", "1234567"));
	}

	@Test
	void a_short_number_is_zero_padded_to_seven_digits() {
		assertThat(YuchoNumbers.convert("１５０３０", "４５６１")).isEqualTo(new YuchoNumbers.Converted("508", "0000456"));
	}

	@Test
	void hyphens_and_spaces_typed_from_the_passbook_are_tolerated() {
		assertThat(YuchoNumbers.convert("1-4180", "1234 5671").accountNumber()).isEqualTo("1234567");
	}

	@Test
	void a_transfer_account_symbol_starting_with_0_is_refused() {
		assertThatThrownBy(() -> YuchoNumbers.convert("01230", "12345671")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("振替口座");
	}

	@Test
	void a_number_not_ending_in_1_and_a_short_symbol_are_refused() {
		assertThatThrownBy(() -> YuchoNumbers.convert("14180", "12345678")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("末尾が1");
		assertThatThrownBy(() -> YuchoNumbers.convert("1418", "12345671")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("5桁");
		assertThatThrownBy(() -> YuchoNumbers.convert("14180", "123456781")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("8桁以内");
	}
}
