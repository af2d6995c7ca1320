package jp.ikiiki.desk.agentdesk.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseDates;
import org.springframework.stereotype.Component;

/**
 * What an agent (or a floor manager taking calls) has to do at the desk: their open call log entries — calls that
 * connected while no page was open wait here too — and today's callers still waiting for a callback.
 */
@Component
class DeskWorkItems implements WorkItems {

	/** An entry open this long is shown as needing attention (a call rarely lasts an hour). */
	static final Duration OPEN_TOO_LONG = Duration.ofHours(1);
	static final String CHANNEL = "画面:ホーム（作業一覧）";

	private final CallLogStore store;
	private final CallbackService callbacks;
	private final Clock clock;

	DeskWorkItems(CallLogStore store, CallbackService callbacks, Optional<Clock> clock) {
		this.store = store;
		this.callbacks = callbacks;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (CurrentUser.isSystem() || !(CurrentUser.hasRole(Roles.AGENT) || CurrentUser.hasRole(Roles.FLOOR_MANAGER))) {
			return List.of();
		}
		List<WorkItem> items = new ArrayList<>();
		List<CallLogEntry> open = store.openOf(CurrentUser.person());
		Optional<CallLogEntry> oldest = open.stream().min(Comparator.comparing(CallLogEntry::startedAt));
		boolean late = oldest.map(e -> e.startedAt().plus(OPEN_TOO_LONG).isBefore(clock.instant())).orElse(false);
		items.add(new WorkItem("未完了の通話記録", open.size(), "desk", late ? Urgency.ATTENTION : Urgency.NORMAL,
				oldest.map(e -> "最も古いもの: " + JapaneseDates.toWesternDateTime(e.startedAt()) + " 開始").orElse(null)));
		long waiting = callbacks.openToday(CHANNEL);
		items.add(new WorkItem("本日の折返し待ち", waiting, "callbacks", waiting > 0 ? Urgency.ATTENTION : Urgency.NORMAL,
				waiting > 0 ? "不応答のまま、再入電も折返しもない番号" : null));
		return items;
	}
}
