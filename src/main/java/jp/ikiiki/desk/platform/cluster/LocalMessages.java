package jp.ikiiki.desk.platform.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's subscribers, and delivery to them: after the publishing transaction commits (as PostgreSQL delivers a
 * NOTIFY), at once outside a transaction. {@link PostgresMessages} sends the same message to the other nodes.
 */
class LocalMessages implements ClusterMessages {

	private static final Logger log = LoggerFactory.getLogger(LocalMessages.class);
	static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9.]{1,60}");

	private final Map<String, List<Consumer<Message>>> handlers = new ConcurrentHashMap<>();

	@Override
	public void publish(String topic, String payload) {
		check(topic, payload);
		Message message = new Message(topic, payload, true);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(message);
				}
			});
		} else {
			deliver(message);
		}
	}

	static void check(String topic, String payload) {
		if (!TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("topic must be letters, digits and dots: " + topic);
		}
		if (payload == null || payload.length() > MAX_PAYLOAD || payload.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("payload must be one line of at most " + MAX_PAYLOAD + " characters");
		}
	}

	@Override
	public Runnable subscribe(String topic, Consumer<Message> handler) {
		handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
		return () -> handlers.getOrDefault(topic, List.of()).remove(handler);
	}

	void deliver(Message message) {
		for (Consumer<Message> h : handlers.getOrDefault(message.topic(), List.of())) {
			try {
				h.accept(message);
			} catch (RuntimeException e) {
				log.warn("A handler of cluster message {} failed: {}", message.topic(), e.getClass().getName());
			}
		}
	}
}
