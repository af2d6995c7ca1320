package jp.ikiiki.desk.security;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who a user is by name, for screens that show people rather than login ids (the wallboard's agents). Only the
 * display name: nothing about roles, passwords or sign-ins. Any signed-in user may ask.
 */
public interface UserDirectory {

	/**
	 * The display names of the given users.
	 *
	 * @param usernames login names; unknown ones are left out of the answer
	 * @return login name to display name
	 */
	@PreAuthorize("isAuthenticated()")
	Map<String, String> displayNames(Collection<String> usernames);
}
