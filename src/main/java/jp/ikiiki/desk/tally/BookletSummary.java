package jp.ikiiki.desk.tally;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One booklet as lists and the API show it.
 *
 * @param id               the booklet's id
 * @param addressNumber    宛名番号
 * @param managementNumber 申請書管理番号
 * @param businessYear     the year it begins in
 * @param kind             main or additional
 * @param receivedOn       手帳受付日: the city's receipt date (別紙3 col 50)
 * @param state            where it is in the tally
 * @param receivedAt       when the operator scanned it
 * @param receivedBy       who scanned it
 * @param scanFile         the scan's file name (別紙3 col 76 or 77); null until linked
 */
public record BookletSummary(long id, String addressNumber, String managementNumber, int businessYear, BookletKind kind,
		LocalDate receivedOn, BookletState state, Instant receivedAt, String receivedBy, String scanFile) {

	/** True once a scan is linked. */
	public boolean scanned() {
		return scanFile != null;
	}
}
