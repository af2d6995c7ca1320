package jp.ikiiki.desk.platform.cluster;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.shared.CurrentUser;

/**
 * On the home page of the information-security manager (who runs the system's operation) and of operators (whose
 * print runs it refuses): the directories this node does not share with another live node, in red, with what to
 * do. Nothing while every directory is shared, and nothing with one node (the bean exists only with several).
 */
final class SharedStorageWorkItems implements WorkItems {

	private final SharedStorageCheck check;
	private final I18NProvider labels;

	SharedStorageWorkItems(SharedStorageCheck check, I18NProvider labels) {
		this.check = check;
		this.labels = labels;
	}

	@Override
	public List<WorkItem> forCurrentUser() {
		if (!CurrentUser.hasRole("SECURITY_ADMIN") && !CurrentUser.hasRole("OPERATOR")) {
			return List.of();
		}
		var problems = check.last().problems();
		if (problems.isEmpty()) {
			return List.of();
		}
		String which = problems.stream().map(p -> p.directory() + "（" + p.node() + "）").distinct()
				.collect(Collectors.joining("、"));
		return List.of(new WorkItem(labels.getTranslation("platform.cluster.storage.title", Locale.JAPAN),
				problems.size(), null, Urgency.OVERDUE,
				labels.getTranslation("platform.cluster.storage.detail", Locale.JAPAN, check.node(), which)));
	}
}
