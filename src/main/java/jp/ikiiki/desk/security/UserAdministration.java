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

	/**
	 * Creates a user.
	 *
	 * @param username    2–64 characters of a–z, 0–9, '.', '_' or '-' (stored lower-case); must be new
	 * @param displayName shown in screens; not blank
	 * @param password    at least 10 characters, with letters and digits
	 * @param roles       one or more of {@link Roles#ALL}
	 * @throws IllegalArgumentException with a Japanese message naming what is wrong
	 */
	void create(String username, String displayName, String password, Set<String> roles);

	/** Replaces a user's roles; the acting administrator cannot remove their own SECURITY_ADMIN role. */
	void changeRoles(String username, Set<String> roles);

	/** Sets a new password (same rules as {@link #create}) and clears a lock-out. */
	void resetPassword(String username, String password);

	/** Enables or disables sign-in; administrators cannot disable themselves. */
	void setEnabled(String username, boolean enabled);

	/** Clears a lock-out and the failure count. */
	void unlock(String username);
}
