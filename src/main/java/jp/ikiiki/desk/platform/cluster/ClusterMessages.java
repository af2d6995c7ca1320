package jp.ikiiki.desk.platform.cluster;

import java.util.function.Consumer;

/**
 * Short messages to every node (this one included), for what a browser on any node must learn at once: a screen pop
 * for an agent, the wallboard's live figures, a changed line limit. With several nodes they go through PostgreSQL
 * {@code NOTIFY}, sent when the publishing transaction commits (at once outside a transaction); with one node they
 * stay in memory, with the same timing.
 * <p>
 * A payload is ids and counts only, never personal data (a database superuser can see NOTIFY payloads): the
 * receiving node reads what it needs, under its own rules. At most {@link #MAX_PAYLOAD} characters. Delivery is at
 * most once: a node whose listening connection is being re-opened misses messages, so a receiver must not depend
 * on every one (a pop that is missed waits among the agent's open entries).
 */
public interface ClusterMessages {

	int MAX_PAYLOAD = 1000;

	/** Sends {@code payload} on {@code topic} (letters, digits, dots) to every node, this one included. */
	void publish(String topic, String payload);

	/**
	 * Calls {@code handler} for every message on {@code topic}, from this node or another, on a thread of the
	 * messages (a handler must not block). The returned handle unsubscribes.
	 */
	Runnable subscribe(String topic, Consumer<Message> handler);

	/**
	 * One message.
	 *
	 * @param topic   what it is about
	 * @param payload ids or counts
	 * @param local   true when this node published it
	 */
	record Message(String topic, String payload, boolean local) {
	}
}
