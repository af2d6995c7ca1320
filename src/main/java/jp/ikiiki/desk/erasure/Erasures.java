package jp.ikiiki.desk.erasure;

import java.util.List;
import java.util.Optional;

/**
 * The end-of-contract erasure (第11章1(5)(6)), for security administrators only. A real erasure takes two different
 * administrators: one {@linkplain #request requests} it, another {@linkplain #confirmAndRun confirms} it within
 * {@code ikiiki.erasure.confirmation-window}, which runs it. A {@linkplain #dryRun dry run} changes nothing.
 */
public interface Erasures {

	/** Lists what an erasure would erase now (counts per kind) and what it would keep. Audited; changes nothing. */
	ErasureCertificate dryRun();

	/**
	 * Records the current administrator's request for an erasure.
	 *
	 * @param reason why (e.g. 契約終了に伴う消去); not blank, at most 500 characters
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a blank or too long reason
	 * @throws jp.ikiiki.desk.shared.StateConflictException if an erasure is waiting or running
	 */
	ErasureCertificate request(String reason);

	/** Withdraws a request not yet confirmed (any security administrator). */
	ErasureCertificate withdraw(long id);

	/**
	 * Confirms a request as a second administrator and runs the erasure; re-runs an erasure a crash left RUNNING.
	 * Returns when it has finished.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException if there is no such erasure
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the current administrator requested it, it expired, was
	 *         withdrawn or done, or another erasure is running
	 */
	ErasureCertificate confirmAndRun(long id);

	/** One erasure (request, run or certificate). */
	Optional<ErasureCertificate> find(long id);

	/** Every erasure, newest first. */
	List<ErasureCertificate> list();

	/**
	 * The certificate as PDF (A4, Japanese). Audited as a download.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException if there is no such erasure
	 * @throws jp.ikiiki.desk.shared.StateConflictException if it has not finished
	 */
	byte[] certificatePdf(long id);
}
