package jp.ikiiki.desk.erasure;

import java.util.List;

/**
 * A module's personal data, as the end-of-contract erasure (第11章1(5)(6)) sees it. Every module that keeps data the
 * city provided or the work produced about a person (rows, personal columns, files) implements it with a Spring bean,
 * so that the knowledge of its tables and directories stays in the module. The erasure lists the kinds, counts them
 * before and after, and calls {@link #erase()}.
 *
 * <p>Contract for implementations:
 * <ul>
 * <li>{@link #erase()} removes every row and file of every kind, or the personal columns of rows that are kept for
 * statistics (say so in the kind's label); it is safe to call again after a crash halfway (erasing nothing the second
 * time is fine) and leaves {@link #count(PersonalDataKind)} at 0 for every kind.</li>
 * <li>Files are overwritten before they are unlinked ({@link FileShredder}).</li>
 * <li>It runs with the application role's rights (DELETE/UPDATE on the module's own tables); the storage is reclaimed
 * afterwards by the erasure.</li>
 * </ul>
 */
public interface PersonalDataStore {

	/** The module's name, e.g. {@code subjects}. */
	String module();

	/** The kinds this store keeps, in the order the certificate lists them. */
	List<PersonalDataKind> kinds();

	/** How many items of a kind exist now (rows, or files); ≥ 0. */
	long count(PersonalDataKind kind);

	/** Erases every kind (see the class comment). Called outside any transaction; opens its own. */
	void erase();

	/**
	 * Stores with a lower order are erased first (for stores whose rows other stores' rows refer to); 0 by default.
	 */
	default int order() {
		return 0;
	}
}
