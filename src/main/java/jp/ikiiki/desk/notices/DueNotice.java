package jp.ikiiki.desk.notices;

import java.time.LocalDate;

/**
 * A verified booklet not yet notified whose notice is late or due soon (第8章2: within one month of the city's receipt
 * date).
 *
 * @param managementNumber the booklet's 申請書管理番号; empty for a carried-over year
 * @param daysLeft         days from today to the due date; negative when late
 * @param carriedOver      the predecessor's booklet loaded as an opening balance (第9章1(1)), not a tally booklet
 */
public record DueNotice(String addressNumber, String managementNumber, int businessYear, LocalDate receivedOn,
		LocalDate dueBy, long daysLeft, boolean carriedOver) {
}
