package jp.ikiiki.desk.escalations.internal;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.EscalationCase.Ageing;
import jp.ikiiki.desk.escalations.EscalationState;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The escalation work of the signed-in person (第6章1(3)): for floor managers every case not closed, with how many
 * are stale and how old the oldest is (in open days); for agents the cases the city has answered, waiting for the
 * callback; for city staff the cases reported to the city and waiting for their instruction, with how long.
 */
@Component
class EscalationWorkItems implements WorkItems {

	private final JdbcEscalations escalations;

	EscalationWorkItems(JdbcEscalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (CurrentUser.isSystem()) {
			return List.of();
		}
		boolean floorManager = CurrentUser.hasRole(Roles.FLOOR_MANAGER);
		boolean agent = CurrentUser.hasRole(Roles.AGENT);
		boolean city = CurrentUser.hasRole(Roles.CITY_STAFF);
		if (!floorManager && !agent && !city) {
			return List.of();
		}
		List<EscalationCase> active = escalations.active();
		List<WorkItem> items = new ArrayList<>();
		if (floorManager) {
			long stale = active.stream().filter(c -> c.ageing().stale()).count();
			long warn = active.stream().filter(c -> c.ageing() == Ageing.WARN).count();
			int oldest = active.stream().mapToInt(EscalationCase::daysOpen).max().orElse(0);
			items.add(new WorkItem("未完了のエスカレーション", active.size(), "escalations",
					stale > 0 ? Urgency.OVERDUE : warn > 0 ? Urgency.ATTENTION : Urgency.NORMAL,
					active.isEmpty() ? null : "滞留 " + stale + " 件・最も古い案件は受付から " + oldest + " 開庁日"));
		}
		if (agent && !floorManager) {
			long toCallBack = active.stream().filter(c -> c.state() == EscalationState.INSTRUCTED).count();
			items.add(new WorkItem("市の指示受領・折返し待ちの案件", toCallBack, "escalations",
					toCallBack > 0 ? Urgency.ATTENTION : Urgency.NORMAL, null));
		}
		if (city) {
			List<EscalationCase> waiting = active.stream().filter(c -> c.state() == EscalationState.REPORTED).toList();
			int longest = waiting.stream().mapToInt(c -> c.daysWaitingForCity() == null ? 0 : c.daysWaitingForCity())
					.max().orElse(0);
			boolean stale = waiting.stream().anyMatch(c -> c.ageing().stale());
			items.add(new WorkItem("指示待ちの案件", waiting.size(), "city/escalations",
					stale ? Urgency.OVERDUE : waiting.stream().anyMatch(c -> c.ageing() == Ageing.WARN) ? Urgency.ATTENTION
							: Urgency.NORMAL,
					waiting.isEmpty() ? null : "最も長いもので報告から " + longest + " 開庁日"));
		}
		return items;
	}
}
