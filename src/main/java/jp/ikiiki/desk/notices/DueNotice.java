package jp.ikiiki.desk.notices;

import java.time.LocalDate;

/**
 * A verified booklet not yet notified whose notice is late or due soon (第8章2: within one month of the city's receipt
 * date).
 *
 * @param daysLeft days from today to the due date; negative when late
 */
public record DueNotice(String addressNumber, String managementNumber, int businessYear, LocalDate receivedOn,
		LocalDate dueBy, long daysLeft) {
}
