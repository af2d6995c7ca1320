package jp.ikiiki.desk.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Sign-ins to the console and sign-outs in the audit trail, with the source address (failures are recorded by
 * {@link SignInGuard}). API calls are not sign-ins: each is audited by what it reads or changes.
 */
@Component
class SignInAudit implements LogoutHandler {

	private final AuditTrail audit;

	SignInAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		audit.recordSignIn(event.getAuthentication().getName(), AuditAction.LOGIN, SignInGuard.CHANNEL,
				GuardedAuthenticationProvider.sourceAddress(event.getAuthentication()), null);
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null) {
			audit.recordSignIn(authentication.getName(), AuditAction.LOGOUT, "ログアウト", request.getRemoteAddr(), null);
		}
	}
}
