package jp.ikiiki.desk.security.internal;

import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts consecutive wrong passwords and locks the account for {@code ikiiki.security.lockout} after
 * {@code ikiiki.security.max-failed-logins} of them; a successful sign-in resets the count. Sign-ins and
 * failures go to the audit trail (the attempted user name only, never the password).
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;
	private final SecurityProperties properties;
	private final AuditTrail audit;

	LoginAttempts(JdbcClient jdbc, SecurityProperties properties, AuditTrail audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName()).trim().toLowerCase(java.util.Locale.ROOT);
		int locked = jdbc.sql("""
				update app_user set failed_logins = failed_logins + 1,
				       locked_until = case when failed_logins + 1 >= :max then now() + make_interval(secs => :secs) else locked_until end,
				       updated_at = now()
				 where username = :username
				returning case when locked_until > now() then 1 else 0 end""")
				.param("max", properties.maxFailedLogins())
				.param("secs", properties.lockout().toSeconds())
				.param("username", username)
				.query(Integer.class).optional().orElse(0);
		audit.recordFor(clip(username), AuditAction.LOGIN_FAILED, "ログイン", locked == 1 ? "パスワード誤り（ロック中）" : "パスワード誤り");
	}

	@EventListener
	void onLocked(AuthenticationFailureLockedEvent event) {
		audit.recordFor(clip(event.getAuthentication().getName()), AuditAction.LOGIN_FAILED, "ログイン", "ロック中のアカウント");
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = now() where username = :username and (failed_logins > 0 or last_login_at is null or last_login_at < now() - interval '1 minute')")
				.param("username", event.getAuthentication().getName())
				.update();
	}

	@EventListener
	void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		audit.recordFor(event.getAuthentication().getName(), AuditAction.LOGIN, "ログイン", null);
	}

	private static String clip(String s) {
		String v = String.valueOf(s);
		return v.length() > 64 ? v.substring(0, 64) : v;
	}
}
