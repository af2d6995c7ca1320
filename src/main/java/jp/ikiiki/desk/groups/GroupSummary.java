package jp.ikiiki.desk.groups;

import java.util.List;

/**
 * A group's public fields: what a caller may be told and the public lists may show (第9章1(6)). Never the
 * representative.
 *
 * @param activities the activity types with their points, e.g. 「D 地域団体の運営活動（2P）」
 */
public record GroupSummary(long id, GroupCategory category, String name, String nameKana, Ward ward,
		List<String> activities, String meetingPlace, String publicContact, GroupState state) {
}
