package jp.ikiiki.desk.mailings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.Test;

class RegisteredNumberTest {

	@Test
	void check_digit_is_the_first_ten_digits_modulo_seven() {
		// Consecutive labels as a post office handed them out: ...979-5, ...980-6, ...981-0, ...982-1
		assertThat(RegisteredNumber.checkDigit(1234567979L)).isEqualTo((int) (1234567979L % 7));
		assertThat(RegisteredNumber.of(1310000001L)).isEqualTo("1310000001" + (1310000001L % 7));
		// 131-12-38385 is a published example; its check digit is 2
		assertThat(RegisteredNumber.of(1311238385L)).isEqualTo("13112383852");
	}

	@Test
	void consecutive_numbers_cycle_their_check_digit_through_zero_to_six() {
		long base = 3460012340L;
		for (int i = 0; i < 14; i++) {
			assertThat(RegisteredNumber.checkDigit(base + i)).isEqualTo((RegisteredNumber.checkDigit(base) + i) % 7);
		}
	}

	@Test
	void number_is_displayed_as_the_labels_print_it() {
		assertThat(RegisteredNumber.display("13112383852")).isEqualTo("131-12-38385-2");
	}

	@Test
	void typed_numbers_accept_ten_digits_or_eleven_with_a_correct_check_digit() {
		assertThat(RegisteredNumber.parseBase("1311238385")).isEqualTo(1311238385L);
		assertThat(RegisteredNumber.parseBase("131-12-38385-2")).isEqualTo(1311238385L);
		assertThat(RegisteredNumber.parseBase("１３１－１２－３８３８５－２")).isEqualTo(1311238385L);
		assertThat(RegisteredNumber.valid("131-12-38385-2")).isTrue();
		assertThat(RegisteredNumber.valid("131-12-38385-3")).isFalse();
	}

	@Test
	void a_wrong_check_digit_or_a_malformed_number_is_refused_with_a_message() {
		assertThatThrownBy(() -> RegisteredNumber.parseBase("131-12-38385-3"))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("チェックデジット").hasMessageContaining("2");
		assertThatThrownBy(() -> RegisteredNumber.parseBase("12345")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("10桁");
		assertThatThrownBy(() -> RegisteredNumber.parseBase("131123838A")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void allocation_takes_the_oldest_range_first_and_continues_in_the_next() {
		var a = RegisteredNumber.allocate(java.util.List.of(new RegisteredNumber.Range(1, 100, 101),
				new RegisteredNumber.Range(2, 500, 599)), 4);
		assertThat(a.bases()).containsExactly(100L, 101L, 500L, 501L);
		assertThat(a.nextById()).containsEntry(1L, 102L).containsEntry(2L, 502L);
	}

	@Test
	void running_out_of_numbers_is_an_error_and_takes_nothing() {
		var ranges = java.util.List.of(new RegisteredNumber.Range(1, 100, 102));
		assertThatThrownBy(() -> RegisteredNumber.allocate(ranges, 4)).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("必要 4 件、残り 3 件");
		assertThat(RegisteredNumber.allocate(ranges, 3).bases()).containsExactly(100L, 101L, 102L);
		assertThat(RegisteredNumber.allocate(java.util.List.of(new RegisteredNumber.Range(1, 103, 102)), 0).bases()).isEmpty();
	}
}
