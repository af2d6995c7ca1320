package jp.ikiiki.desk.tally.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tally's work for the home page and the menu: booklets waiting for entry, verify and a decision, and scans
 * waiting to be assigned. A booklet's notice is due a month after the city received it (第8章2): work on booklets
 * received three weeks ago or more is shown as needing attention, and past a month as overdue.
 */
@Component
class TallyWorkItems implements WorkItems {

	private final JdbcClient jdbc;
	private final TallyClock clock;

	TallyWorkItems(JdbcClient jdbc, TallyClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Count(long count, LocalDate oldest) {
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		var items = new ArrayList<WorkItem>();
		LocalDate today = clock.today();
		if (CurrentUser.hasRole(Roles.OPERATOR)) {
			items.add(item("手帳の入力待ち", count("state in ('RECEIVED', 'ENTERING')"), "booklets/entry", today));
			items.add(item("手帳のベリファイ待ち", count("state in ('ENTERED', 'VERIFYING')"), "booklets/verify", today));
			long queued = jdbc.sql("select count(*) from booklet_scan_queue").query(Long.class).single();
			items.add(new WorkItem("スキャンの割当待ち", queued, "booklets/scans",
					queued > 0 ? Urgency.ATTENTION : Urgency.NORMAL, null));
		}
		if (CurrentUser.hasRole(Roles.FLOOR_MANAGER)) {
			items.add(item("手帳の判定待ち", count("state = 'DISPUTED'"), "booklets/decisions", today));
		}
		return items;
	}

	private Count count(String condition) {
		return jdbc.sql("select count(*) as n, min(received_on) as oldest from booklet where " + condition)
				.query((rs, i) -> new Count(rs.getLong("n"), rs.getObject("oldest", LocalDate.class))).single();
	}

	private static WorkItem item(String title, Count c, String route, LocalDate today) {
		Urgency urgency = Urgency.NORMAL;
		String detail = null;
		if (c.oldest() != null) {
			detail = "最も古い市の受付日 " + JapaneseDates.toWestern(c.oldest()) + "（通知期限 "
					+ JapaneseDates.toWestern(c.oldest().plusMonths(1)) + "）";
			if (today.isAfter(c.oldest().plusMonths(1))) {
				urgency = Urgency.OVERDUE;
			} else if (!today.isBefore(c.oldest().plusWeeks(3))) {
				urgency = Urgency.ATTENTION;
			}
		}
		return new WorkItem(title, c.count(), route, urgency, detail);
	}
}
