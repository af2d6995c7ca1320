package jp.ikiiki.desk.audit.internal;

import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.web.RefusedApiRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records an API request refused for its query string as an attempt by the signed-in user (第11章: who tried to look
 * up what, and why it was refused): a GET as a search, anything else as an update. Runs in the request's thread.
 */
@Component
class RefusedRequestAudit {

	private final AuditTrail trail;

	RefusedRequestAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(RefusedApiRequest refused) {
		AuditAction action = "GET".equals(refused.method()) ? AuditAction.SEARCH : AuditAction.UPDATE;
		trail.record(action, refused.method() + " " + refused.path(), List.of(), "refused: " + refused.reason());
	}
}
