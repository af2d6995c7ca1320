package jp.ikiiki.desk.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the administration screen shows it. Never carries the password hash.
 *
 * @param locked           true while a lock-out of the account everywhere is in force (too many wrong passwords
 *                         from all addresses together)
 * @param failedLogins     wrong passwords since the last successful sign-in, unlock or password reset
 * @param lockedUntil      end of the lock-out everywhere; null if none
 * @param lastLoginAt      last successful sign-in; null if never
 * @param lockedForAddress true while the account is locked for at least one source address (wrong passwords in a
 *                         row from it)
 */
public record UserSummary(String username, String displayName, Set<String> roles, boolean enabled, boolean locked,
		int failedLogins, Instant lockedUntil, Instant lastLoginAt, boolean lockedForAddress) {

	/** Locked anywhere: everywhere or for some address. */
	public boolean lockedAnywhere() {
		return locked || lockedForAddress;
	}
}
