package jp.ikiiki.desk.groups;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The groups as they stand, for the duplicate check and the public lists. Reads only; nothing here is audited. */
public interface GroupDirectory {

	/** Every group that is REGISTERED or CHANGED, ordered by id. */
	List<GroupProfile> active();

	/** The groups APPLIED whose registration form was verified in {@code month} (the month's new groups). */
	List<GroupProfile> appliedIn(YearMonth month);

	Optional<GroupProfile> find(long id);
}
