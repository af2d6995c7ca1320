package jp.ikiiki.desk.groups;

import java.time.LocalDate;
import java.util.List;

/**
 * A group as it stands now: what the duplicate check compares and what the public lists are made from.
 *
 * @param id            the group's number in this system
 * @param activityCodes the activity type codes (configuration, e.g. D 地域団体の運営活動 2P)
 * @param representative private: never published
 * @param publicContact what the group allows to be published as its contact
 * @param appliedOn     the day its registration form was verified (the month's duplicate check takes the groups
 *                      applied in that month)
 * @param registeredOn  the day the city approved the registration, null while APPLIED or REJECTED
 */
public record GroupProfile(long id, GroupCategory category, String name, String nameKana, Ward ward,
		List<String> activityCodes, String meetingPlace, Representative representative, String publicContact,
		GroupState state, LocalDate appliedOn, LocalDate registeredOn) {

	public GroupProfile {
		activityCodes = List.copyOf(activityCodes);
	}

	@Override
	public String toString() {
		return "GroupProfile[" + id + ", " + category + ", " + state + "]";
	}
}
