package jp.ikiiki.desk.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Booklets received from the city (手帳受付, 別紙3 col 50): the operator scans each cover's 申請書管理番号 (or types
 * it) within a bundle that carries the city's receipt date. The subject is found through the subjects module
 * (audited); a refused scan is kept with its reason, so nothing handed over is lost.
 */
public interface BookletReceipts {

	/**
	 * Opens a bundle: the booklets the city handed over together, with the date it received them.
	 *
	 * @param receivedOn   the city's receipt date (not in the future)
	 * @param businessYear the year the bundle's booklets belong to unless a scan says otherwise; must be open
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a date in the future or a year not open
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Bundle openBundle(LocalDate receivedOn, int businessYear);

	/** The bundle; empty if there is none with this id. */
	@PreAuthorize("hasRole('OPERATOR')")
	Optional<Bundle> bundle(long id);

	/**
	 * Receives one booklet. Refusals are recorded with their reason before they are thrown.
	 *
	 * @param receipt what was scanned and for which year
	 * @param channel the screen or API call, for the audit trail
	 * @return the booklet received
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no subject has this 申請書管理番号 (404)
	 * @throws jp.ikiiki.desk.shared.StateConflictException the same booklet (number, year, main/additional) was
	 *                                                      received already (409; property {@code bookletId})
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  not a 申請書管理番号, a year not open, a receipt date
	 *                                                      outside the year or past its deadline, the subject ended
	 *                                                      or not eligible (422 with the reason)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BookletSummary receive(Receipt receipt, String channel);

	/** What was scanned into a bundle, accepted and refused, newest first. */
	@PreAuthorize("hasRole('OPERATOR')")
	List<ScanLine> lines(long bundleId);

	/** Refused scans, newest first, at most {@code limit}; of one year if {@code businessYear} is not null. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<ScanLine> refusals(Integer businessYear, int limit);

	/** The booklet; empty if none. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Optional<BookletSummary> booklet(long id);

	/**
	 * One scan at the receipt desk.
	 *
	 * @param scanned      what the scanner or the operator typed (申請書管理番号; scanner frames tolerated)
	 * @param receivedOn   the city's receipt date
	 * @param businessYear the booklet's year
	 * @param kind         main or additional
	 * @param bundleId     the bundle it belongs to; null for a single receipt (API)
	 */
	record Receipt(String scanned, LocalDate receivedOn, int businessYear, BookletKind kind, Long bundleId) {
	}

	/**
	 * A bundle.
	 *
	 * @param id           its id
	 * @param receivedOn   the city's receipt date
	 * @param businessYear the default year of its booklets
	 * @param openedBy     who opened it
	 * @param openedAt     when
	 * @param received     booklets received in it
	 * @param refused      scans refused in it
	 */
	record Bundle(long id, LocalDate receivedOn, int businessYear, String openedBy, Instant openedAt, int received,
			int refused) {
	}

	/**
	 * One scan at the receipt desk, accepted or refused.
	 *
	 * @param at            when
	 * @param scanned       the number as scanned
	 * @param businessYear  the year asked for
	 * @param kind          main or additional
	 * @param receivedOn    the city's receipt date
	 * @param bookletId     the booklet received; null if refused
	 * @param status        0 if received, else the refusal's HTTP status (404, 409, 422)
	 * @param reason        the refusal's reason; null if received
	 * @param by            the operator
	 */
	record ScanLine(Instant at, String scanned, int businessYear, BookletKind kind, LocalDate receivedOn, Long bookletId,
			int status, String reason, String by) {

		/** True if the booklet was received. */
		public boolean accepted() {
			return bookletId != null && status == 0;
		}
	}
}
