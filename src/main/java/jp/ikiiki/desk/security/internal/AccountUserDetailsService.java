package jp.ikiiki.desk.security.internal;

import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users from the database; a locked or disabled account cannot sign in even with the right password. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;
	private final Clock clock;

	AccountUserDetailsService(UserAccounts accounts, java.util.Optional<Clock> clock) {
		this.accounts = accounts;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT))
				.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return User.withUsername(account.username())
				.password(account.passwordHash())
				.disabled(!account.enabled())
				.accountLocked(account.lockedAt(clock.instant()))
				.authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.role())).toList())
				.build();
	}
}
