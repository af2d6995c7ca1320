package jp.ikiiki.desk.manual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.EntryOverview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** In demo mode the manual starts with the contract's subjects, one of them with a draft waiting for the city. */
@SpringBootTest(properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=0" })
class DemoManualEntriesIT {

	@Autowired
	AnswerManual manual;
	@Autowired
	ManualEditing editing;

	@Test
	@WithMockUser(roles = "AGENT")
	void demo_mode_loads_agreed_entries_and_one_pending_draft() {
		List<EntryOverview> entries = editing.entries();
		assertThat(entries).hasSize(DemoManualEntries.ENTRIES.size());
		assertThat(entries).filteredOn(EntryOverview::draftPending).singleElement()
				.satisfies(e -> assertThat(e.newestVersion()).isEqualTo(2));
		assertThat(manual.search("ﾃﾁｮｳ ｻｲｺｳﾌ", 10)).extracting(AnswerManual.ManualEntry::category)
				.contains("ポイント手帳 / 再交付");
	}
}
