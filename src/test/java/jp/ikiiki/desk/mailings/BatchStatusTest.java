package jp.ikiiki.desk.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.mailings.BatchStatus.Action;
import jp.ikiiki.desk.shared.StateConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchStatusTest {

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(textBlock = """
			NEW,        SELECT,   true
			SELECTED,   SELECT,   true
			PRINTED,    SELECT,   false
			DISPATCHED, SELECT,   false
			CANCELLED,  SELECT,   false
			NEW,        PRINT,    false
			SELECTED,   PRINT,    true
			PRINTED,    PRINT,    true
			DISPATCHED, PRINT,    false
			CANCELLED,  PRINT,    false
			NEW,        DISPATCH, false
			SELECTED,   DISPATCH, false
			PRINTED,    DISPATCH, true
			DISPATCHED, DISPATCH, false
			CANCELLED,  DISPATCH, false
			NEW,        CANCEL,   true
			SELECTED,   CANCEL,   true
			PRINTED,    CANCEL,   true
			DISPATCHED, CANCEL,   false
			CANCELLED,  CANCEL,   false
			""")
	void each_action_is_allowed_only_from_its_statuses(BatchStatus status, Action action, boolean allowed) {
		assertThat(status.allows(action)).isEqualTo(allowed);
		if (allowed) {
			status.check(7, action);
		} else {
			assertThatThrownBy(() -> status.check(7, action)).isInstanceOf(BatchStateException.class)
					.isInstanceOf(StateConflictException.class)
					.hasMessageContaining("バッチ 7 は「" + status.label() + "」のため" + action.label() + "できません");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			NEW,        false, false
			SELECTED,   true,  false
			PRINTED,    true,  false
			DISPATCHED, false, true
			CANCELLED,  false, true
			""")
	void only_selected_and_printed_batches_hold_their_subjects_and_dispatched_or_withdrawn_ones_are_final(
			BatchStatus status, boolean open, boolean closed) {
		assertThat(status.open()).isEqualTo(open);
		assertThat(status.closed()).isEqualTo(closed);
	}

	@org.junit.jupiter.api.Test
	void a_refusal_carries_the_batch_and_its_status_for_the_api() {
		var e = new BatchStateException(12, BatchStatus.DISPATCHED, "x");
		assertThat(e.properties()).containsEntry("batchId", 12L).containsEntry("status", "DISPATCHED");
		assertThat(Action.DISPATCH.target()).isEqualTo(BatchStatus.DISPATCHED);
	}
}
