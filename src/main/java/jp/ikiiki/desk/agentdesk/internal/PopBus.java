package jp.ikiiki.desk.agentdesk.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The open desks per user name, to hand each pop to the desks of the agent it is for. */
@Component
class PopBus {

	private static final Logger log = LoggerFactory.getLogger(PopBus.class);

	private final Map<String, List<LongConsumer>> desks = new ConcurrentHashMap<>();

	Runnable subscribe(String username, LongConsumer onPop) {
		desks.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>()).add(onPop);
		return () -> desks.computeIfPresent(username, (u, list) -> {
			list.remove(onPop);
			return list.isEmpty() ? null : list;
		});
	}

	/** Hands the entry to every open desk of the user; returns how many desks took it. */
	int publish(String username, long callLogId) {
		int reached = 0;
		for (LongConsumer desk : desks.getOrDefault(username, List.of())) {
			try {
				desk.accept(callLogId);
				reached++;
			} catch (RuntimeException e) {
				// a closed browser tab; it unsubscribes on detach anyway
				log.debug("A desk did not take call log entry {}: {}", callLogId, e.toString());
			}
		}
		return reached;
	}

	int desks(String username) {
		return desks.getOrDefault(username, List.of()).size();
	}
}
