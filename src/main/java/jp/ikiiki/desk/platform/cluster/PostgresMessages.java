package jp.ikiiki.desk.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages between nodes over PostgreSQL: {@code pg_notify} on the pool's connection (so inside a transaction it is
 * sent when that commits), {@code LISTEN} on a dedicated connection read by one thread with
 * {@code PGConnection.getNotifications(timeout)}. The payload is {@code node|topic|payload}; a node's own messages
 * are delivered to it in memory ({@link LocalMessages}) and skipped when they come back from the server. A lost
 * listening connection is opened again after a second.
 */
final class PostgresMessages extends LocalMessages {

	private static final Logger log = LoggerFactory.getLogger(PostgresMessages.class);
	static final String CHANNEL = "ikiiki_cluster";

	private final JdbcClient jdbc;
	private final DedicatedConnections connections;
	private final String node;
	private volatile boolean running;
	private volatile boolean listening;
	private Thread thread;

	PostgresMessages(JdbcClient jdbc, DedicatedConnections connections, String node) {
		this.jdbc = jdbc;
		this.connections = connections;
		this.node = node;
	}

	@Override
	public void publish(String topic, String payload) {
		check(topic, payload);
		jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL)
				.param("payload", node + "|" + topic + "|" + payload).query(Object.class).optional();
		super.publish(topic, payload);
	}

	/** True while the listening connection is open (for the tests and the health of the node). */
	boolean listening() {
		return listening;
	}

	synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(this::listen, "cluster-messages");
		thread.setDaemon(true);
		thread.start();
	}

	void stop() {
		running = false;
		Thread t = thread;
		if (t != null) {
			t.interrupt();
		}
	}

	private void listen() {
		while (running) {
			try (Connection c = connections.open("listen:" + node)) {
				try (Statement s = c.createStatement()) {
					s.execute("listen " + CHANNEL);
				}
				PGConnection pg = c.unwrap(PGConnection.class);
				listening = true;
				log.info("Node {} listens to the other nodes' messages", node);
				while (running) {
					// Shorter than the socket timeout: a quiet channel is not a lost connection.
					PGNotification[] received = pg.getNotifications(500);
					if (received != null) {
						for (PGNotification n : received) {
							receive(n.getParameter());
						}
					}
				}
			} catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("Listening connection lost ({}); opening it again", e.getClass().getSimpleName());
				}
			} finally {
				listening = false;
			}
			if (running) {
				try {
					TimeUnit.SECONDS.sleep(1);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	void receive(String raw) {
		int first = raw.indexOf('|');
		int second = first < 0 ? -1 : raw.indexOf('|', first + 1);
		if (second < 0) {
			return;
		}
		if (raw.substring(0, first).equals(node)) {
			return; // delivered in memory already
		}
		deliver(new Message(raw.substring(first + 1, second), raw.substring(second + 1), false));
	}
}
