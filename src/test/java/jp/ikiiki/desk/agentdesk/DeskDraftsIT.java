package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the agent fills in on an open entry is kept on the server as it changes: it comes back when the agent opens
 * another entry and returns, starts a manual entry, or opens the desk again (a reload, another page, a new browser
 * tab — each of which asks the server afresh), and the desk resumes the entry worked on last. Each test has its own
 * agent and entries.
 */
@SpringBootTest
class DeskDraftsIT {

	@Autowired
	AgentDesk desk;
	@Autowired
	InquiryCategories categories;
	@Autowired
	JdbcClient jdbc;

	final String agent = uniqueUser("agent-draft");

	@BeforeEach
	void subjects() {
		SubjectLookupFixtures.insert(jdbc);
	}

	@Test
	void every_field_of_an_open_entry_survives_switching_to_another_entry_and_back() {
		long first = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		long lost = category("手帳 / 紛失");
		CallLogDraft typed = new CallLogDraft("9900000001", CallerKind.FAMILY, lost, "長男から。母の手帳をなくした",
				null, null, Outcome.CALL_BACK);
		as(agent, "AGENT", () -> desk.saveDraft(first, typed));

		// 手動で記録 starts another entry; the agent works there, then goes back to the first.
		long second = as(agent, "AGENT", () -> desk.startManual(null)).id();
		as(agent, "AGENT", () -> desk.saveDraft(second, CallLogDraft.EMPTY.withNote("窓口の来訪者")));

		assertThat(as(agent, "AGENT", () -> desk.pop(first)).draft()).isEqualTo(typed);
		assertThat(as(agent, "AGENT", () -> desk.pop(second)).draft().note()).isEqualTo("窓口の来訪者");
	}

	@Test
	void a_reload_or_a_new_tab_comes_back_to_the_entry_worked_on_last_with_its_draft() {
		long older = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		long newer = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		// The agent works on the older entry after the newer one was opened.
		as(agent, "AGENT", () -> desk.pop(older));
		as(agent, "AGENT", () -> desk.saveDraft(older, CallLogDraft.EMPTY.withNote("途中まで入力")));

		// A new page asks the server: no state of the old page is needed.
		assertThat(as(agent, "AGENT", () -> desk.resume())).contains(older);
		assertThat(as(agent, "AGENT", () -> desk.pop(older)).draft().note()).isEqualTo("途中まで入力");

		// A call that connects afterwards is what the desk opens next.
		long latest = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		assertThat(as(agent, "AGENT", () -> desk.resume())).contains(latest);
		assertThat(newer).isLessThan(latest);
	}

	@Test
	void closing_writes_the_draft_into_the_entry_and_the_desk_then_has_nothing_to_resume() {
		long id = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		CallLogDraft typed = new CallLogDraft(null, CallerKind.OTHER, category("その他"), "窓口", null, null,
				Outcome.ANSWERED);
		as(agent, "AGENT", () -> desk.saveDraft(id, typed));
		CallLogEntry closed = as(agent, "AGENT", () -> desk.close(id, typed));

		assertThat(closed.note()).isEqualTo("窓口");
		assertThat(closed.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(as(agent, "AGENT", () -> desk.pop(id)).draft()).isEqualTo(typed);
		assertThat(as(agent, "AGENT", () -> desk.resume())).isEmpty();
		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.saveDraft(id, typed.withNote("後から"))))
				.isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_draft_that_cannot_be_kept_is_refused_with_the_field_and_the_last_one_stays() {
		long id = as(agent, "AGENT", () -> desk.startManual(uniqueNumber())).id();
		as(agent, "AGENT", () -> desk.saveDraft(id, CallLogDraft.EMPTY.withNote("大事なメモ")));

		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.saveDraft(id, CallLogDraft.EMPTY.withNote("x".repeat(4001)))))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("4000文字");
		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.saveDraft(id,
				CallLogDraft.EMPTY.withSubject("12-34", null)))).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("宛名番号");
		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.saveDraft(id, CallLogDraft.EMPTY.withCategory(999_999L))))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("問合せ区分");
		assertThatThrownBy(() -> as(uniqueUser("other"), "AGENT", () -> desk.saveDraft(id, CallLogDraft.EMPTY)))
				.isInstanceOf(NotFoundException.class);
		assertThat(as(agent, "AGENT", () -> desk.pop(id)).draft().note()).isEqualTo("大事なメモ");
	}

	@Test
	void a_full_width_address_number_is_kept_in_its_one_form() {
		long id = as(agent, "AGENT", () -> desk.startManual(null)).id();
		as(agent, "AGENT", () -> desk.saveDraft(id, CallLogDraft.EMPTY.withSubject("９９０００００００１", null)));
		assertThat(as(agent, "AGENT", () -> desk.pop(id)).draft().subjectId()).isEqualTo("9900000001");
	}

	private long category(String fullName) {
		return as(agent, "AGENT", () -> categories.selectable()).stream().filter(c -> c.fullName().equals(fullName))
				.findFirst().orElseThrow().id();
	}
}
