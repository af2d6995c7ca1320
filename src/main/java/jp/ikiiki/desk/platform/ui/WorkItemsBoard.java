package jp.ikiiki.desk.platform.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Collects the signed-in person's {@link WorkItems} from every module for the home page and the menu: late items
 * first, then those needing attention, then the rest, each group in the providers' order. A provider that fails is
 * left out (logged without its message) so that one module's fault never takes the console's shell down.
 */
@Component
class WorkItemsBoard {

	private static final Logger log = LoggerFactory.getLogger(WorkItemsBoard.class);

	private final ObjectProvider<WorkItems> providers;

	WorkItemsBoard(ObjectProvider<WorkItems> providers) {
		this.providers = providers;
	}

	/** Every item for the signed-in person, most urgent first. */
	List<WorkItems.WorkItem> items() {
		List<WorkItems.WorkItem> all = new ArrayList<>();
		providers.orderedStream().forEach(provider -> {
			try {
				List<WorkItems.WorkItem> items = provider.forCurrentUser();
				if (items != null) {
					items.stream().filter(java.util.Objects::nonNull).forEach(all::add);
				}
			} catch (RuntimeException e) {
				log.warn("Work items of {} left out: {}", provider.getClass().getName(), SafeThrowables.describe(e));
			}
		});
		all.sort(Comparator.comparingInt((WorkItems.WorkItem i) -> -i.urgency().ordinal()));
		return all;
	}

	/** Per route (without leading slash): the total count and the highest urgency of its items. */
	static Map<String, Badge> badges(List<WorkItems.WorkItem> items) {
		Map<String, Badge> badges = new LinkedHashMap<>();
		for (var item : items) {
			if (item.route() == null || item.count() <= 0) {
				continue;
			}
			badges.merge(route(item.route()), new Badge(item.count(), item.urgency()), Badge::plus);
		}
		return badges;
	}

	static String route(String path) {
		String p = path == null ? "" : path.strip();
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		int query = p.indexOf('?');
		return query < 0 ? p : p.substring(0, query);
	}

	/** The count shown next to a menu entry. */
	record Badge(long count, WorkItems.Urgency urgency) {
		Badge plus(Badge other) {
			return new Badge(count + other.count, urgency.compareTo(other.urgency) >= 0 ? urgency : other.urgency);
		}
	}
}
