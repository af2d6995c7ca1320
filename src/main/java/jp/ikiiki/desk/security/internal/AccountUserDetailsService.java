package jp.ikiiki.desk.security.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import jp.ikiiki.desk.shared.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users from the database; an account locked everywhere or disabled cannot sign in even with the right
 * password. The principal carries the display name, which the console shows instead of the login name.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;
	private final Clock clock;

	AccountUserDetailsService(UserAccounts accounts, Optional<Clock> clock) {
		this.accounts = accounts;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = accounts.findByUsername(SignInGuard.normalize(username))
				.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new SignedInUser(account.username(), account.passwordHash(), account.enabled(),
				!account.lockedAt(clock.instant()),
				account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.role())).toList(),
				account.displayName());
	}

	/** The principal of a signed-in person: Spring Security's user plus the display name. */
	static final class SignedInUser extends User implements CurrentUser.Person {
		private static final long serialVersionUID = 1L;
		private final String displayName;

		SignedInUser(String username, String password, boolean enabled, boolean nonLocked,
				Collection<? extends GrantedAuthority> authorities, String displayName) {
			super(username, password, enabled, true, true, nonLocked, authorities);
			this.displayName = displayName;
		}

		@Override
		public String displayName() {
			return displayName;
		}
	}
}
