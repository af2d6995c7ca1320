package jp.ikiiki.desk.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the administration screen shows it. Never carries the password hash.
 *
 * @param locked true while a lock-out after repeated failures is in force
 */
public record UserSummary(String username, String displayName, Set<String> roles, boolean enabled, boolean locked,
		int failedLogins, Instant lockedUntil, Instant lastLoginAt) {
}
