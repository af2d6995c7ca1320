package jp.ikiiki.desk.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.platform.ui.WorkItems.Urgency;
import jp.ikiiki.desk.platform.ui.WorkItems.WorkItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The escalations' work items: floor managers see every case not closed (red when one is stale), city staff the
 * cases waiting for their instruction, agents the cases answered by the city and waiting for the callback. Counts
 * are compared before and after this test's own cases.
 */
@SpringBootTest
class EscalationWorkItemsIT {

	@Autowired
	List<WorkItems> providers;
	@Autowired
	Escalations escalations;
	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void each_role_sees_the_cases_it_has_to_act_on_with_their_ageing() {
		long fmBefore = item("FLOOR_MANAGER", "escalations").count();
		long cityBefore = item("CITY_STAFF", "city/escalations").count();
		long agentBefore = item("AGENT", "escalations").count();

		long waiting = as("fm-work", "FLOOR_MANAGER", () -> {
			long id = escalations.open(new Escalations.NewCase(null, null, null, "作業一覧の確認"), "test").id();
			escalations.report(id, "報告", "test");
			return id;
		});
		long answered = as("fm-work", "FLOOR_MANAGER", () -> {
			long id = escalations.open(new Escalations.NewCase(null, null, null, "指示済み"), "test").id();
			escalations.report(id, "報告", "test");
			escalations.instruct(id, "指示", "test");
			return id;
		});

		assertThat(item("FLOOR_MANAGER", "escalations").count()).isEqualTo(fmBefore + 2);
		assertThat(item("CITY_STAFF", "city/escalations").count()).isEqualTo(cityBefore + 1);
		assertThat(item("AGENT", "escalations").count()).isEqualTo(agentBefore + 1);

		// Reported three weeks ago: stale, shown as overdue to the floor manager and the city.
		jdbc.sql("update escalation set opened_at = now() - interval '22 days', reported_at = now() - interval '21 days'"
				+ " where id = :id").param("id", waiting).update();
		assertThat(item("FLOOR_MANAGER", "escalations").urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(item("CITY_STAFF", "city/escalations").urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(item("CITY_STAFF", "city/escalations").detail()).contains("開庁日");
		assertThat(answered).isPositive();
	}

	private WorkItem item(String role, String route) {
		return as("work-" + role.toLowerCase(), role, () -> providers.stream().flatMap(p -> p.forCurrentUser().stream())
				.filter(i -> i.route().equals(route)).findFirst().orElseThrow());
	}

	private static <T> T as(String user, String role, Supplier<T> work) {
		var before = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}
}
