package jp.ikiiki.desk.subjects.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectImportSummary.State;
import org.springframework.stereotype.Component;

/**
 * The subject imports on the home page and the menu: for an operator, imports running and imports held for a floor
 * manager's confirmation; for a floor manager, the held imports waiting for their confirmation (the mass-ending
 * guard). One query of the pending imports.
 */
@Component
class ImportWorkItems implements WorkItems {

	private final SubjectImportHistory history;

	ImportWorkItems(SubjectImportHistory history) {
		this.history = history;
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		boolean operator = CurrentUser.hasRole(Roles.OPERATOR);
		boolean floorManager = CurrentUser.hasRole(Roles.FLOOR_MANAGER);
		if (!operator && !floorManager) {
			return List.of();
		}
		List<SubjectImportSummary> pending = history.pending();
		List<SubjectImportSummary> running = pending.stream().filter(s -> s.status() == State.RUNNING).toList();
		List<SubjectImportSummary> held = pending.stream().filter(s -> s.status() == State.HELD).toList();
		List<WorkItem> items = new ArrayList<>();
		if (floorManager) {
			items.add(new WorkItem("大量終了の確認待ちの取込", held.size(), HeldImportsView.ROUTE,
					held.isEmpty() ? Urgency.NORMAL : Urgency.ATTENTION, oldest(held)));
		}
		if (operator) {
			items.add(new WorkItem("実行中の対象者データ取込", running.size(), ImportView.ROUTE, Urgency.NORMAL, oldest(running)));
			if (!floorManager) {
				items.add(new WorkItem("現場責任者の確認待ちの取込", held.size(), HeldImportsView.ROUTE,
						held.isEmpty() ? Urgency.NORMAL : Urgency.ATTENTION, oldest(held)));
			}
		}
		return items;
	}

	private static String oldest(List<SubjectImportSummary> imports) {
		return imports.stream().min(Comparator.comparing(SubjectImportSummary::startedAt))
				.map(s -> "最も古いもの: " + JapaneseDates.toWesternDateTime(s.startedAt()) + "（" + s.kind().title() + "・"
						+ s.importedBy() + "）")
				.orElse(null);
	}
}
