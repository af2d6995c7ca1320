package jp.ikiiki.desk.agentdesk.internal;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.agentdesk.AgentDeskProperties;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This running application in {@code desk_instance} (V35). Console sessions live in the memory of the instance that
 * serves them, so an agent's binding to a phone can outlive neither: the instance's bindings end when it stops
 * cleanly, when the same web server (host and port) starts again after a crash, and otherwise once the instance has
 * not been seen for the configured timeout — without touching the bindings of other instances sharing the
 * database. Every binding ended here is audited for its agent.
 */
@Component
class DeskInstances implements SmartInitializingSingleton {

	static final String CHANNEL = "システム:受付デスク";
	private static final Logger log = LoggerFactory.getLogger(DeskInstances.class);

	private final UUID id = UUID.randomUUID();
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final AgentDeskProperties properties;
	private ScheduledExecutorService timer;

	DeskInstances(JdbcClient jdbc, AuditTrail audit, AgentDeskProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
	}

	UUID id() {
		return id;
	}

	Duration timeout() {
		return properties.instanceTimeout();
	}

	@Override
	public void afterSingletonsInstantiated() {
		heartbeat();
		sweep();
	}

	/** The web server is up: an earlier instance on the same host and port has stopped, its sessions with it. */
	@EventListener
	void on(WebServerInitializedEvent event) {
		endEarlierInstances(host() + ":" + event.getWebServer().getPort());
	}

	/**
	 * This instance serves on {@code node} (host:port); an instance that served there before has stopped — two
	 * running servers cannot share a port — and its bindings end now rather than after the timeout.
	 */
	void endEarlierInstances(String node) {
		jdbc.sql("update desk_instance set node = :node where id = :id").param("node", node).param("id", id).update();
		List<DeskBinding> ended = jdbc.sql("""
				select b.* from agent_binding b join desk_instance i on i.id = b.instance_id
				where i.node = :node and i.id <> :id
				""").param("node", node).param("id", id).query(DeskBindings::row).list();
		jdbc.sql("delete from desk_instance where node = :node and id <> :id").param("node", node).param("id", id)
				.update();
		audit(ended, "電話の接続を解除（アプリケーションの再起動）");
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "desk-instance-heartbeat");
			t.setDaemon(true);
			return t;
		});
		long period = properties.heartbeat().toMillis();
		timer.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
	}

	private void beat() {
		try {
			heartbeat();
			sweep();
		} catch (RuntimeException e) {
			log.warn("Desk instance heartbeat failed: {}", SafeThrowables.describe(e));
		}
	}

	/** Says that this instance runs (and registers it again if another instance took it for stopped). */
	void heartbeat() {
		jdbc.sql("""
				insert into desk_instance (id) values (:id)
				on conflict (id) do update set seen_at = now()
				""").param("id", id).update();
	}

	/** Ends the bindings of instances not seen for the timeout (they crashed) and forgets those instances. */
	void sweep() {
		String timeout = properties.instanceTimeout().toMillis() + " milliseconds";
		List<DeskBinding> ended = jdbc.sql("""
				select b.* from agent_binding b join desk_instance i on i.id = b.instance_id
				where i.seen_at <= now() - cast(:timeout as interval) and i.id <> :id
				""").param("timeout", timeout).param("id", id).query(DeskBindings::row).list();
		jdbc.sql("delete from desk_instance where seen_at <= now() - cast(:timeout as interval) and id <> :id")
				.param("timeout", timeout).param("id", id).update();
		audit(ended, "電話の接続を解除（アプリケーションの停止）");
	}

	/** A clean stop: the sessions end with this instance, and so do their bindings. */
	@PreDestroy
	void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
		try {
			List<DeskBinding> ended = jdbc.sql("delete from agent_binding where instance_id = :id returning *")
					.param("id", id).query(DeskBindings::row).list();
			jdbc.sql("delete from desk_instance where id = :id").param("id", id).update();
			audit(ended, "電話の接続を解除（アプリケーションの停止）");
		} catch (RuntimeException e) {
			// The database may already be gone; the next start or another instance's sweep ends the bindings.
			log.warn("Desk bindings of this instance not ended at shutdown: {}", SafeThrowables.describe(e));
		}
	}

	private void audit(List<DeskBinding> ended, String what) {
		for (DeskBinding b : ended) {
			audit.recordFor(b.username(), AuditAction.UPDATE, CHANNEL, what + ": " + b.queue() + " " + b.memberInterface());
		}
		if (!ended.isEmpty()) {
			log.info("{} desk binding(s) ended: {}", ended.size(), what);
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (UnknownHostException e) {
			return "localhost";
		}
	}
}
