package jp.ikiiki.desk.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way a password is checked, for the console's form and the API's HTTP Basic alike: the {@link SignInGuard}
 * first (throttled address, account locked for this address), then the password against the stored BCrypt hash
 * (an unknown user name and a wrong password are one answer), then the outcome recorded with the source address.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInGuard guard;

	GuardedAuthenticationProvider(DaoAuthenticationProvider passwords, SignInGuard guard) {
		this.passwords = passwords;
		this.guard = guard;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = SignInGuard.normalize(attempt.getName());
		String address = sourceAddress(attempt);
		guard.check(username, address);
		try {
			Authentication result = passwords.authenticate(attempt);
			guard.succeeded(result.getName());
			return result;
		} catch (BadCredentialsException e) {
			guard.failed(username, address, SignInGuard.Failure.BAD_CREDENTIALS);
			throw e;
		} catch (LockedException e) {
			guard.failed(username, address, SignInGuard.Failure.LOCKED);
			throw e;
		} catch (DisabledException e) {
			guard.failed(username, address, SignInGuard.Failure.DISABLED);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The client's address as the server saw it (behind a proxy: with forward headers configured). */
	static String sourceAddress(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return SignInGuard.clip(details.getRemoteAddress());
		}
		return "不明";
	}
}
