package jp.ikiiki.desk.tally;

import java.time.LocalDate;

/**
 * A booklet was received from the city (手帳受付日, 別紙3 col 50). Published in the receipt's transaction; for the
 * notices (due within a month of {@code receivedOn}, 第8章2) and the subject's progress record.
 *
 * @param bookletId        the booklet
 * @param addressNumber    宛名番号
 * @param managementNumber 申請書管理番号 as scanned
 * @param businessYear     the year it begins in
 * @param kind             main or additional
 * @param receivedOn       the city's receipt date (Japan)
 */
public record BookletReceived(long bookletId, String addressNumber, String managementNumber, int businessYear,
		BookletKind kind, LocalDate receivedOn) {
}
