package jp.ikiiki.desk.erasure;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure (or its dry run) erased, kept and left: the data of the erasure certificate (第11章1(6)).
 *
 * @param id          the erasure's id; null for a dry run
 * @param dryRun      true if nothing was changed
 * @param state       the erasure's state
 * @param reason      why it was done (e.g. 契約終了), as the requester gave it
 * @param requestedBy the security administrator who requested it; null for a dry run
 * @param confirmedBy the second security administrator who confirmed it; null until confirmed
 * @param startedAt   when the run started (the first attempt); for a dry run, when it counted
 * @param finishedAt  when the run finished; null unless DONE
 * @param attempts    how many times the run was started (more than one after a crash)
 * @param kinds       every kind of personal data, with its count before and after
 * @param kept        what was kept and why
 * @param hashes      SHA-256 of every table of the database after the run (empty for a dry run)
 * @param method      how the data was erased
 */
public record ErasureCertificate(Long id, boolean dryRun, ErasureState state, String reason, String requestedBy,
		Instant requestedAt, String confirmedBy, Instant confirmedAt, Instant startedAt, Instant finishedAt,
		int attempts, List<KindCount> kinds, List<Kept> kept, List<TableHash> hashes, String method) {

	/**
	 * One kind of personal data with its counts.
	 *
	 * @param after null before the run has finished (and in a dry run)
	 */
	public record KindCount(String module, String key, String label, String place, String unit, long before, Long after) {
	}

	/** Something kept, and why. */
	public record Kept(String what, String why) {
	}

	/** The SHA-256 of a table's rows (each row as PostgreSQL's text form, sorted, one per line). */
	public record TableHash(String name, long rows, String sha256) {
	}

	/** Items of personal data before the run. */
	public long totalBefore() {
		return kinds.stream().mapToLong(KindCount::before).sum();
	}

	/** Items of personal data left after the run (0 when it succeeded); null if unknown. */
	public Long totalAfter() {
		return kinds.stream().anyMatch(k -> k.after() == null) ? null
				: kinds.stream().mapToLong(KindCount::after).sum();
	}
}
