package jp.ikiiki.desk.tally.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletKeying.FieldResult.Outcome;
import jp.ikiiki.desk.tally.StampField;
import org.junit.jupiter.api.Test;

class VerifyComparisonTest {

	@Test
	void an_equal_value_matches_at_the_first_keying() {
		assertThat(VerifyComparison.compare(StampField.STAMPS_4P, null, 7, 7)).isEqualTo(Outcome.MATCHED);
	}

	@Test
	void the_first_difference_asks_to_key_the_field_again() {
		assertThat(VerifyComparison.compare(StampField.STAMPS_4P, null, 7, 8)).isEqualTo(Outcome.REKEY);
	}

	@Test
	void keyed_again_equal_it_matches_and_different_again_it_goes_to_a_decision() {
		assertThat(VerifyComparison.compare(StampField.CHECKUP_3, Outcome.REKEY, 2, 2)).isEqualTo(Outcome.MATCHED);
		assertThat(VerifyComparison.compare(StampField.CHECKUP_3, Outcome.REKEY, 2, 3)).isEqualTo(Outcome.DISPUTED);
		// the same wrong value twice is a dispute as much as two different ones
		assertThat(VerifyComparison.compare(StampField.CHECKUP_3, Outcome.REKEY, 2, 0)).isEqualTo(Outcome.DISPUTED);
	}

	@Test
	void a_matched_or_disputed_field_is_final_so_nobody_can_try_values_until_one_matches() {
		assertThatThrownBy(() -> VerifyComparison.compare(StampField.STAMPS_1P, Outcome.MATCHED, 1, 2))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("照合済み");
		assertThatThrownBy(() -> VerifyComparison.compare(StampField.STAMPS_1P, Outcome.DISPUTED, 1, 1))
				.isInstanceOf(StateConflictException.class);
	}
}
