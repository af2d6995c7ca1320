package jp.ikiiki.desk.agentdesk;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The two-level inquiry categories. Agents pick from {@link #selectable()}; floor managers add, rename and retire
 * categories. A category is never deleted, so the calls logged with it keep their category. Changes are audited.
 */
public interface InquiryCategories {

	/** Every category, retired ones included: each first-level category followed by its children, in order. */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER')")
	List<InquiryCategory> all();

	/**
	 * What an agent can pick: the active second-level categories, and the active first-level categories without
	 * an active child; in the order of {@link #all()}.
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'FLOOR_MANAGER')")
	List<InquiryCategory> selectable();

	/**
	 * Adds a category at the end of its level.
	 *
	 * @param parentId the first-level category for a second-level one, or null for a new first-level category
	 * @param name     1 to 40 characters, unique among its siblings
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the name is blank, too long or taken, or the parent
	 *                                                     is itself a second-level category
	 * @throws jp.ikiiki.desk.shared.NotFoundException     if the parent is unknown
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	InquiryCategory add(Long parentId, String name);

	/**
	 * Renames a category; same rules as {@link #add}. The calls logged with it show the new name.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException if there is no such category
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	InquiryCategory rename(long id, String name);

	/**
	 * Retires ({@code false}) or restores a category. A retired category can no longer be picked; the calls logged
	 * with it keep it, and the reports still count them.
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	InquiryCategory setActive(long id, boolean active);
}
