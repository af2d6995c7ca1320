package jp.ikiiki.desk.security;

import java.util.List;
import java.util.Set;

/**
 * User administration for the information-security manager (第11章). Every change is audited. Enforces the
 * separation of 第1章3(3): nobody holds both SECURITY_ADMIN and FLOOR_MANAGER (the database refuses it too).
 */
public interface UserAdministration {

	/** All users, by user name. */
	List<UserSummary> users();

	/** What the information-security manager has to look at now (home page, menu counts). */
	Workload workload();

	/**
	 * @param lockedAccounts        accounts locked now, everywhere or for some address
	 * @param enabledWithoutRole    enabled accounts that hold no role (they can sign in and do nothing)
	 * @param failedSignInsLastDay  failed sign-ins in the last 24 hours, all addresses
	 */
	record Workload(long lockedAccounts, long enabledWithoutRole, long failedSignInsLastDay) {
	}

	/**
	 * Creates a user.
	 *
	 * @param username    2–64 characters of a–z, 0–9, '.', '_' or '-' (stored lower-case); must be new and not a
	 *                    name the system uses ({@code system}, {@code anonymous})
	 * @param displayName shown in screens; not blank, at most 100 characters
	 * @param password    10 to 72 bytes, with letters and digits
	 * @param roles       one or more of {@link Roles#ALL}
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field and what is wrong
	 * @throws jp.ikiiki.desk.shared.StateConflictException when the user name is taken
	 */
	void create(String username, String displayName, String password, Set<String> roles);

	/**
	 * Replaces a user's roles; the acting administrator cannot remove their own SECURITY_ADMIN role (409).
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown user
	 */
	void changeRoles(String username, Set<String> roles);

	/** Sets a new password (same rules as {@link #create}) and clears every lock-out of the account. */
	void resetPassword(String username, String password);

	/** Enables or disables sign-in; administrators cannot disable themselves. */
	void setEnabled(String username, boolean enabled);

	/** Clears every lock-out of the account (everywhere and per address) and the failure count. */
	void unlock(String username);
}
