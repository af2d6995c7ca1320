package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.platform.ui.WorkItems.WorkItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The desk's work items: an agent's open call log entries (those that connected while no page was open too) and
 * today's callers waiting for a callback; nothing for roles without a desk.
 */
@SpringBootTest
class DeskWorkItemsIT {

	@Autowired
	List<WorkItems> providers;
	@Autowired
	AgentDesk desk;

	@Test
	void an_agent_sees_their_open_entries_and_the_callbacks_waiting_today() {
		String agent = uniqueUser("agent-work");
		as(agent, "AGENT", () -> desk.startManual(uniqueNumber()));
		as(agent, "AGENT", () -> desk.startManual(null));

		List<WorkItem> items = as(agent, "AGENT", this::all);
		assertThat(items).filteredOn(i -> i.route().equals("desk")).singleElement().satisfies(i -> {
			assertThat(i.title()).isEqualTo("未完了の通話記録");
			assertThat(i.count()).isEqualTo(2);
			assertThat(i.detail()).contains("最も古いもの");
		});
		assertThat(items).filteredOn(i -> i.route().equals("callbacks")).singleElement()
				.satisfies(i -> assertThat(i.title()).isEqualTo("本日の折返し待ち"));
		assertThat(as(uniqueUser("other"), "AGENT", this::all)).filteredOn(i -> i.route().equals("desk"))
				.singleElement().satisfies(i -> assertThat(i.count()).isZero());
	}

	@Test
	void operators_and_the_city_get_no_desk_items() {
		assertThat(as("op", "OPERATOR", this::all)).noneMatch(i -> i.route().equals("desk") || i.route().equals("callbacks"));
		assertThat(as("city", "CITY_STAFF", this::all)).noneMatch(i -> i.route().equals("desk"));
	}

	private List<WorkItem> all() {
		return providers.stream().flatMap(p -> p.forCurrentUser().stream()).toList();
	}
}
