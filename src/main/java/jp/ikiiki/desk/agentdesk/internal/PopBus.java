package jp.ikiiki.desk.agentdesk.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The open pages per user name, to hand each pop to every page of the agent it is for. */
@Component
class PopBus {

	private static final Logger log = LoggerFactory.getLogger(PopBus.class);

	private final Map<String, List<Consumer<IncomingCall>>> pages = new ConcurrentHashMap<>();

	Runnable subscribe(String username, Consumer<IncomingCall> onPop) {
		pages.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>()).add(onPop);
		return () -> pages.computeIfPresent(username, (u, list) -> {
			list.remove(onPop);
			return list.isEmpty() ? null : list;
		});
	}

	/** Hands the call to every open page of the user; returns how many pages took it. */
	int publish(String username, IncomingCall call) {
		int reached = 0;
		for (Consumer<IncomingCall> page : pages.getOrDefault(username, List.of())) {
			try {
				page.accept(call);
				reached++;
			} catch (RuntimeException e) {
				// a closed browser tab; it unsubscribes on detach anyway
				log.debug("A page did not take call log entry {}: {}", call.callLogId(), e.toString());
			}
		}
		return reached;
	}

	int pages(String username) {
		return pages.getOrDefault(username, List.of()).size();
	}
}
