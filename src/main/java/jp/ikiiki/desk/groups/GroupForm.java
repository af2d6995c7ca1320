package jp.ikiiki.desk.groups;

import java.time.LocalDate;

/**
 * A group's form as it stands.
 *
 * @param id            the form's number
 * @param form          registration, change or deletion
 * @param groupId       the group (change and deletion: from the start; registration: once verified); null before
 * @param state         where it is
 * @param receivedOn    the day it was received (Japan time)
 * @param verifiedOn    the day it was verified; null before
 * @param queryReason   the doubt asked of the city while QUERIED (or last asked); null if none
 * @param queryAnswer   the city's answer to the last doubt; null if none
 * @param decisionReason the city's reason when it rejected (or a note when it approved); null before
 * @param imagePages    pages of the kept image; 0 if none
 */
public record GroupForm(long id, GroupFormKind form, Long groupId, GroupFormState state, LocalDate receivedOn,
		LocalDate verifiedOn, String queryReason, String queryAnswer, String decisionReason, int imagePages) {
}
