package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscalationStateTest {

	@Test
	void states_follow_each_other_from_open_to_closed() {
		assertThat(EscalationState.OPEN.next()).contains(EscalationState.REPORTED);
		assertThat(EscalationState.REPORTED.next()).contains(EscalationState.INSTRUCTED);
		assertThat(EscalationState.INSTRUCTED.next()).contains(EscalationState.CALLED_BACK);
		assertThat(EscalationState.CALLED_BACK.next()).contains(EscalationState.CLOSED);
		assertThat(EscalationState.CLOSED.next()).isEmpty();
	}

	@Test
	void each_state_allows_exactly_the_next_step() {
		for (EscalationState from : EscalationState.values()) {
			for (EscalationState to : EscalationState.values()) {
				if (from.next().filter(to::equals).isPresent()) {
					assertThatCode(() -> from.checkStep(1, to)).doesNotThrowAnyException();
				} else {
					assertThatThrownBy(() -> from.checkStep(1, to)).isInstanceOf(EscalationStateException.class);
				}
			}
		}
	}

	@Test
	void instruction_before_the_report_is_refused_naming_the_step_needed() {
		assertThatThrownBy(() -> EscalationState.OPEN.checkStep(7, EscalationState.INSTRUCTED))
				.hasMessage("案件 7 は「受付」です。「市の指示受領」にできるのは「市へ報告」の案件だけです");
	}

	@Test
	void a_closed_case_cannot_be_reopened() {
		assertThatThrownBy(() -> EscalationState.CLOSED.checkStep(3, EscalationState.OPEN))
				.hasMessage("案件 3 は「完了」です。「受付」には戻せません");
		assertThat(EscalationState.CLOSED.active()).isFalse();
	}
}
