package jp.ikiiki.desk.groups;

import java.util.List;

/**
 * One keying of a form, as an operator reads it from the paper: text as written (checked and normalised on keying);
 * null or blank for a field the form leaves empty.
 *
 * @param category      GENERAL, MEDICAL, DENTAL_MILESTONE, DENTAL_LATE_ELDERLY or PHARMACY
 * @param ward          区コード 101–108, as text
 * @param activityCodes the activity type codes ticked (configuration, {@code ikiiki.groups.activity-types})
 */
public record GroupEntry(String name, String nameKana, String category, String ward, List<String> activityCodes,
		String meetingPlace, String representativeName, String representativeAddress, String representativePhone,
		String publicContact) {

	@Override
	public String toString() {
		return "GroupEntry[***]";
	}
}
