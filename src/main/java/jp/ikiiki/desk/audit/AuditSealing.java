package jp.ikiiki.desk.audit;

import javax.sql.DataSource;

/**
 * The audit trail's erasable part (第11章1(5)(6)): every entry keeps who, what action, when, from which screen and
 * address in clear, while its personal values (the 宛名番号 concerned, the file name, the detail with search terms)
 * are sealed under a secret kept apart from the trail. Destroying the secrets makes those values unreadable for good
 * without changing or deleting a single entry.
 */
public interface AuditSealing {

	/** Entries and how many of them can still be read (their secret exists). */
	record Counts(long entries, long readable) {
	}

	/** Counts the trail's entries, and those whose personal values can still be read. */
	Counts counts();

	/**
	 * Destroys every secret of the trail; the next entry written makes a new one. Runs on the schema owner's connection
	 * (the application's role may not destroy them).
	 *
	 * @param owner the schema owner's data source (the one Flyway migrates with)
	 * @return the number of secrets destroyed
	 */
	int destroySecrets(DataSource owner);
}
