package jp.ikiiki.desk.platform.cluster;

import java.util.Optional;

/** One node: its files are where it writes them; nothing to share. */
final class NoSharedStorage implements SharedStorage {

	@Override
	public Optional<String> problem(String directory) {
		return Optional.empty();
	}
}
