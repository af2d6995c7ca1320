package jp.ikiiki.desk.payments.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import jp.ikiiki.desk.tally.BusinessYear;

/**
 * When a payment is due (第7章1(5)): by the end of the month after the city received the booklet — or, when the person
 * had no valid account then, after it received the valid 口座登録用紙 — and never after the year's last payment month
 * (for the 旧々 year the end of May). Days in Japan.
 */
final class PaymentDeadlines {

	private PaymentDeadlines() {
	}

	/**
	 * The deadline of a year's payment.
	 *
	 * @param bookletReceivedOn the city's receipt of the (latest verified) booklet
	 * @param accountValidFrom  the receipt of the valid account form; null if there is none yet
	 * @param year              the business year, whose last payment month caps the deadline (none: no cap)
	 * @return the last day the money must reach the person
	 */
	static LocalDate deadline(LocalDate bookletReceivedOn, LocalDate accountValidFrom, BusinessYear year) {
		LocalDate from = accountValidFrom != null && accountValidFrom.isAfter(bookletReceivedOn) ? accountValidFrom
				: bookletReceivedOn;
		LocalDate due = YearMonth.from(from).plusMonths(1).atEndOfMonth();
		if (year != null && !year.paymentMonths().isEmpty()) {
			LocalDate last = year.paymentMonths().get(year.paymentMonths().size() - 1).atEndOfMonth();
			if (due.isAfter(last)) {
				due = last;
			}
		}
		return due;
	}

	/** True if a transfer on {@code transferDate} reaches the person after {@code deadline}. */
	static boolean late(LocalDate deadline, LocalDate transferDate) {
		return transferDate.isAfter(deadline);
	}

	/**
	 * True if a payment left for the next monthly run (a month after {@code transferDate}) would be late; the run lists
	 * those it leaves out as at risk.
	 */
	static boolean atRiskIfLeft(LocalDate deadline, LocalDate transferDate) {
		return !late(deadline, transferDate) && transferDate.plusMonths(1).isAfter(deadline);
	}
}
