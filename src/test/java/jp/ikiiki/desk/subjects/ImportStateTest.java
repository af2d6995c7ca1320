package jp.ikiiki.desk.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import org.junit.jupiter.api.Test;

class ImportStateTest {

	@Test
	void a_running_import_ends_in_one_outcome_and_only_a_held_one_moves_on() {
		assertThat(State.RUNNING.canBecome(State.APPLIED)).isTrue();
		assertThat(State.RUNNING.canBecome(State.HELD)).isTrue();
		assertThat(State.RUNNING.canBecome(State.FAILED)).isTrue();
		assertThat(State.RUNNING.canBecome(State.WITHDRAWN)).isFalse();
		assertThat(State.HELD.canBecome(State.APPLIED)).isTrue();
		assertThat(State.HELD.canBecome(State.WITHDRAWN)).isTrue();
		assertThat(State.HELD.canBecome(State.SUPERSEDED)).isTrue();
		assertThat(State.HELD.canBecome(State.FAILED)).isFalse();
		for (State s : State.values()) {
			if (s.isFinal()) {
				for (State next : State.values()) {
					assertThat(s.canBecome(next)).as(s + " -> " + next).isFalse();
				}
			}
		}
		assertThat(State.before(State.APPLIED)).containsExactlyInAnyOrder(State.RUNNING, State.HELD);
		assertThat(State.before(State.WITHDRAWN)).containsExactly(State.HELD);
	}

	@Test
	void every_outcome_has_a_history_state_with_a_japanese_label() {
		for (ImportOutcome.Status status : ImportOutcome.Status.values()) {
			assertThat(State.of(status).name()).isEqualTo(status.name());
		}
		for (State s : State.values()) {
			assertThat(s.label()).isNotBlank().doesNotContainPattern("[A-Za-z]");
		}
	}
}
