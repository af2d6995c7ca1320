package jp.ikiiki.desk.platform.cluster;

import java.util.Optional;

/**
 * Whether the directories that hold the application's files (print bundles, scanned booklets, form images) are the
 * same shared storage on every node ({@code ikiiki.cluster.shared-storage.directories}, by name). With several nodes
 * each node writes a marker into each directory and records it in the database, and checks that it sees the other
 * nodes' markers; a file written by one node in a directory the other cannot see would be missing there. With one
 * node there is nothing to check.
 */
public interface SharedStorage {

	/**
	 * Why the named directory is not known to be shared with the other live nodes, in Japanese for the person who
	 * starts work that writes there; empty when it is shared (or when there is one node, or the name is not checked).
	 *
	 * @param directory a key of {@code ikiiki.cluster.shared-storage.directories}, e.g. {@code mailings}
	 */
	Optional<String> problem(String directory);
}
