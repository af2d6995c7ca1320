package jp.ikiiki.desk.groups;

import java.util.List;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the groups' integration tests share: the tally's context (clock pinned to 2026-06-15 10:00 Japan time), every
 * group table emptied before each test, and forms keyed through the service as named operators.
 */
abstract class GroupsITSupport extends TallyITSupport {

	@Autowired
	protected GroupForms forms;
	@Autowired
	protected Groups groups;
	@Autowired
	protected GroupStamps stamps;

	@BeforeEach
	void clearGroups() {
		for (String t : List.of("group_stamp", "group_form_decision", "group_form_key", "group_form",
				"activity_group_history", "activity_group")) {
			jdbc.sql("delete from " + t).update();
		}
	}

	static GroupEntry entry(String name, String kana, GroupCategory category, int ward, List<String> codes,
			String place, String repName, String repAddress, String repPhone, String contact) {
		return new GroupEntry(name, kana, category.name(), String.valueOf(ward), codes, place, repName, repAddress,
				repPhone, contact);
	}

	static GroupEntry general(String name, String kana, int ward, String place) {
		return entry(name, kana, GroupCategory.GENERAL, ward, List.of("D"), place, "広島　太郎", "広島市中区基町1-1",
				"082-245-1234", "082-000-0000（集会所）");
	}

	/** Receives, enters (op1) and verifies (op2) a form with the same values: VERIFIED. */
	GroupForm keyed(GroupFormKind kind, Long groupId, GroupEntry entry) {
		long id = as("op1", () -> forms.receive(kind, groupId), "OPERATOR").id();
		as("op1", () -> forms.entry(id, entry), "OPERATOR");
		GroupForms.VerifyResult v = as("op2", () -> forms.verify(id, entry), "OPERATOR");
		return v.form();
	}

	/** A registered group: keyed, verified and approved by the city. */
	long registered(GroupEntry entry) {
		GroupForm f = keyed(GroupFormKind.REGISTER, null, entry);
		as("city1", () -> forms.approve(f.id(), true, null), "CITY_STAFF");
		return f.groupId();
	}
}
