package jp.ikiiki.desk.groups;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The registered groups for people: the public search (callers ask where they can collect points near them), a group's
 * details with its history, and its representative for the roles whose work needs it (every look-up audited).
 */
public interface Groups {

	/**
	 * Active groups (registered or changed) whose name, kana, meeting place, ward or public contact holds every word of
	 * {@code q} (width, spaces and kana forms ignored; a 町名 finds the groups meeting there), public fields only, by
	 * ward and kana. Audited as a SEARCH.
	 *
	 * @param q     words separated by spaces; blank lists nothing
	 * @param limit at most this many (1–200)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException q longer than 100 characters or with control characters
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT', 'CITY_STAFF')")
	List<GroupSummary> search(String q, int limit, String channel);

	/** A group's public fields, any state. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'AGENT', 'CITY_STAFF')")
	Optional<GroupSummary> summary(long id);

	/**
	 * A group with its representative (private), for the roles that handle the forms and the mailing. Audited as a
	 * VIEW naming the group.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException unknown group
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	GroupProfile profile(long id, String channel);

	/** The group's history, oldest first (no representative's values). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	List<GroupHistoryEntry> history(long id);

	/** The group's forms, newest first. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	List<GroupForm> forms(long groupId);

	/** The configured activity types. */
	List<ActivityType> activityTypes();
}
