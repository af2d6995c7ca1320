package jp.ikiiki.desk.security.internal;

import java.time.Duration;
import java.util.Locale;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may try to sign in, and what a failure does (第11章; the rules are {@link SecurityProperties}'s): an address
 * with too many recent failures is refused before any password is checked; an account is locked for one address
 * after repeated wrong passwords from it, and everywhere after many from anywhere. Every failure is kept with its
 * source address ({@code login_failure}, a day) and written to the audit trail (for good), with the attempted user
 * name and never the password. State lives in the database, so that two nodes count together.
 */
@Component
class SignInGuard {

	/** Why a sign-in failed, as {@code login_failure.reason}. */
	enum Failure {
		BAD_CREDENTIALS("パスワード誤りまたは未登録のユーザー名"), LOCKED("ロック中のアカウント"), DISABLED("無効のアカウント"),
		THROTTLED("送信元の失敗回数が上限を超えたため拒否");

		final String label;

		Failure(String label) {
			this.label = label;
		}
	}

	static final String CHANNEL = "ログイン";

	private final JdbcClient jdbc;
	private final SecurityProperties properties;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	SignInGuard(JdbcClient jdbc, SecurityProperties properties, AuditTrail audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Refuses an attempt before the password is checked.
	 *
	 * @throws SourceThrottledException when the address has failed too often within the window
	 * @throws LockedException          when the account is locked for this address
	 */
	void check(String username, String address) {
		long fromAddress = jdbc.sql("""
				select count(*) from login_failure
				 where source_address = :address and occurred_at > now() - make_interval(secs => :secs)""")
				.param("address", address).param("secs", properties.addressWindow().toSeconds())
				.query(Long.class).single();
		if (fromAddress >= properties.addressMaxFailures()) {
			failed(username, address, Failure.THROTTLED);
			throw new SourceThrottledException(properties.addressWindow());
		}
		if (lockedFor(username, address)) {
			failed(username, address, Failure.LOCKED);
			throw new LockedException("locked for this address");
		}
	}

	/** True when the account has had too many wrong passwords in a row from the address. */
	boolean lockedFor(String username, String address) {
		long inARow = jdbc.sql("""
				select count(*) from login_failure f
				 where f.username = :username and f.source_address = :address and f.reason = 'BAD_CREDENTIALS'
				   and f.occurred_at > now() - make_interval(secs => :secs)
				   and f.occurred_at > coalesce((select greatest(u.last_login_at, u.failures_reset_at)
				                                   from app_user u where u.username = :username), '-infinity')""")
				.param("username", username).param("address", address).param("secs", properties.lockout().toSeconds())
				.query(Long.class).single();
		return inARow >= properties.maxFailedLogins();
	}

	/** The accounts locked for at least one address now. */
	java.util.List<String> lockedForSomeAddress() {
		return jdbc.sql("""
				select distinct f.username from login_failure f join app_user u on u.username = f.username
				 where f.reason = 'BAD_CREDENTIALS' and f.occurred_at > now() - make_interval(secs => :secs)
				   and f.occurred_at > coalesce(greatest(u.last_login_at, u.failures_reset_at), '-infinity')
				 group by f.username, f.source_address
				having count(*) >= :max""")
				.param("secs", properties.lockout().toSeconds()).param("max", properties.maxFailedLogins())
				.query(String.class).list();
	}

	/** Records a failure: the address's count, the account's (for a wrong password), the audit trail. */
	void failed(String username, String address, Failure failure) {
		String name = clip(username);
		boolean lockedEverywhere = Boolean.TRUE.equals(transactions.execute(status -> {
			jdbc.sql("insert into login_failure (username, source_address, reason) values (:u, :a, :r)")
					.param("u", name).param("a", address).param("r", failure.name()).update();
			// Keep the table small: nothing older than a day is needed for any window.
			jdbc.sql("delete from login_failure where occurred_at < now() - interval '1 day'").update();
			if (failure != Failure.BAD_CREDENTIALS) {
				return false;
			}
			return jdbc.sql("""
					update app_user set failed_logins = failed_logins + 1,
					       locked_until = case when failed_logins + 1 >= :max then now() + make_interval(secs => :secs)
					                           else locked_until end,
					       updated_at = now()
					 where username = :username
					returning locked_until is not null and locked_until > now()""")
					.param("max", properties.accountMaxFailedLogins()).param("secs", properties.lockout().toSeconds())
					.param("username", name).query(Boolean.class).optional().orElse(false);
		}));
		String detail = failure.label;
		if (failure == Failure.BAD_CREDENTIALS) {
			if (lockedEverywhere) {
				detail += "（全送信元からロック中）";
			} else if (lockedFor(name, address)) {
				detail += "（この送信元からロック）";
			}
		}
		audit.recordSignIn(name, AuditAction.LOGIN_FAILED, CHANNEL, address, detail);
	}

	/** A successful password check: the account's failures no longer count. */
	void succeeded(String username) {
		jdbc.sql("""
				update app_user set failed_logins = 0, locked_until = null, failures_reset_at = now(), last_login_at = now()
				 where username = :username
				   and (failed_logins > 0 or last_login_at is null or last_login_at < now() - interval '1 minute')""")
				.param("username", username).update();
	}

	/** The form every user name is compared in. */
	static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	static String clip(String s) {
		String v = String.valueOf(s);
		return v.length() > 64 ? v.substring(0, 64) : v;
	}

	/** The address has failed too often: refused without a password check, for up to the window. */
	static final class SourceThrottledException extends org.springframework.security.core.AuthenticationException {
		private final transient Duration retryAfter;

		SourceThrottledException(Duration retryAfter) {
			super("too many failed sign-ins from this address");
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return retryAfter;
		}
	}
}
