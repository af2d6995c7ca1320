package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.telephony.CallRecords;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The agent desk alone (with the platform's database and the audit trail; telephony, subjects, mailings and the
 * user directory stubbed): closing an entry publishes {@link InquiryClosed} with what the escalations module needs —
 * the number to call back, the category's full name and the note — once the closing transaction commits.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "audit" })
class DeskCloseFlowIT {

	@MockitoBean
	QueueMembers members;
	@MockitoBean
	CallRecords records;
	@MockitoBean
	SubjectLookup subjects;
	@MockitoBean
	Mailings mailings;
	@MockitoBean
	UserDirectory users;
	@Autowired
	AgentDesk desk;
	@Autowired
	InquiryCategories categories;

	final String agent = uniqueUser("agent-flow");

	@Test
	void closing_an_entry_as_needing_the_citys_instruction_publishes_inquiry_closed_with_the_number(Scenario scenario) {
		String number = uniqueNumber();
		CallLogEntry entry = as(agent, "AGENT", () -> desk.startManual(number));
		long other = as(agent, "AGENT", () -> categories.selectable()).stream()
				.filter(c -> c.fullName().equals("その他")).findFirst().orElseThrow().id();
		CallLogDraft draft = new CallLogDraft(null, CallerKind.FAMILY, other, "母の手帳の返送について市に確認", null, null,
				Outcome.NEEDS_INSTRUCTION);

		scenario.stimulate(() -> as(agent, "AGENT", () -> desk.close(entry.id(), draft)))
				.andWaitForEventOfType(InquiryClosed.class)
				.matching(e -> e.callLogId() == entry.id())
				.toArriveAndVerify(e -> {
					assertThat(e.outcome()).isEqualTo(Outcome.NEEDS_INSTRUCTION);
					assertThat(e.callerNumber()).isEqualTo(number);
					assertThat(e.category()).isEqualTo("その他");
					assertThat(e.note()).isEqualTo("母の手帳の返送について市に確認");
					assertThat(e.agent()).isEqualTo(agent);
					assertThat(e.linkedId()).isNull();
				});
	}
}
