package jp.ikiiki.desk.agentdesk;

/**
 * One inquiry category of the two-level list (第6章1(4): the calls are classified and reported by category).
 *
 * @param id         its id
 * @param parentId   the first-level category it belongs to, or null for a first-level category
 * @param parentName that category's name, or null
 * @param name       its name
 * @param sortOrder  position among its siblings
 * @param active     whether agents can pick it (retired categories stay for the calls logged with them)
 */
public record InquiryCategory(long id, Long parentId, String parentName, String name, int sortOrder,
		boolean active) {

	/** The name as reports and the escalations see it, e.g. {@code 手帳 / 再交付}. */
	public String fullName() {
		return parentName == null ? name : parentName + " / " + name;
	}
}
