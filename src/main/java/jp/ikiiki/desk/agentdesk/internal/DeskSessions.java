package jp.ikiiki.desk.agentdesk.internal;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends an agent's binding to a phone with the console session that made it: signing out invalidates the session,
 * and a session the agent left (no page open, no request) times out after {@code server.servlet.session.timeout}.
 * Registered with the servlet container as a session listener (Spring Boot registers such beans). The session id
 * is a credential: only its SHA-256 is stored with the binding.
 */
@Component
class DeskSessions implements HttpSessionListener, HttpSessionIdListener {

	static final String CHANNEL = "システム:受付デスク";
	private static final Logger log = LoggerFactory.getLogger(DeskSessions.class);

	private final DeskBindings bindings;
	private final AuditTrail audit;
	/** Set when the application stops: the container then ends every session, the instance ends its bindings. */
	private volatile boolean stopping;

	DeskSessions(DeskBindings bindings, AuditTrail audit) {
		this.bindings = bindings;
		this.audit = audit;
	}

	/** The key a binding keeps for a session id. */
	static String key(String sessionId) {
		if (sessionId == null || sessionId.isBlank()) {
			throw new IllegalStateException("a desk binding needs the console session");
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(sessionId.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		ended(event.getSession().getId());
	}

	@Override
	public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
		try {
			bindings.sessionRenamed(key(oldSessionId), key(event.getSession().getId()));
		} catch (RuntimeException e) {
			log.warn("Desk binding not moved to the renamed session: {}", SafeThrowables.describe(e));
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping = true;
	}

	/** The session is over: its bindings end, each audited for its agent. */
	void ended(String sessionId) {
		if (stopping) {
			return; // DeskInstances ends this instance's bindings (the database may already be closing)
		}
		try {
			List<DeskBinding> ended = bindings.endSession(key(sessionId));
			for (DeskBinding b : ended) {
				audit.recordFor(b.username(), AuditAction.UPDATE, CHANNEL,
						"電話の接続を解除（ログアウトまたはセッション終了）: " + b.queue() + " " + b.memberInterface());
			}
		} catch (RuntimeException e) {
			// A failure here must not break the container's session handling; the binding then ends with the
			// instance at the latest.
			log.warn("Desk binding of an ended session not released: {}", SafeThrowables.describe(e));
		}
	}
}
