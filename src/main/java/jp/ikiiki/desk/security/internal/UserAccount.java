package jp.ikiiki.desk.security.internal;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A named user and the roles they hold (aggregate root; roles are owned by it). */
@Table("app_user")
record UserAccount(@Id Long id, String username, String displayName, String passwordHash, boolean enabled,
		int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant failuresResetAt, Instant createdAt,
		Instant updatedAt, @MappedCollection(idColumn = "app_user") Set<UserRole> roles) {

	@Table("app_user_role")
	record UserRole(String role) {
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
