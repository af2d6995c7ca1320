package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.api.Test;

class BookletStateTest {

	@Test
	void a_booklet_goes_through_entry_and_verify_to_verified_or_a_decision() {
		assertThatCode(() -> {
			BookletState.RECEIVED.checkStep(1, BookletState.ENTERING);
			BookletState.ENTERING.checkStep(1, BookletState.ENTERED);
			BookletState.ENTERED.checkStep(1, BookletState.VERIFYING);
			BookletState.VERIFYING.checkStep(1, BookletState.VERIFIED);
			BookletState.VERIFYING.checkStep(1, BookletState.DISPUTED);
			BookletState.DISPUTED.checkStep(1, BookletState.VERIFIED);
		}).doesNotThrowAnyException();
	}

	@Test
	void nothing_skips_the_verify_or_leaves_verified() {
		assertThatThrownBy(() -> BookletState.RECEIVED.checkStep(7, BookletState.VERIFIED))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("手帳 7").hasMessageContaining("受付済");
		assertThatThrownBy(() -> BookletState.ENTERING.checkStep(7, BookletState.VERIFIED))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> BookletState.VERIFIED.checkStep(7, BookletState.ENTERING))
				.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> BookletState.DISPUTED.checkStep(7, BookletState.ENTERED))
				.isInstanceOf(StateConflictException.class);
	}
}
