package jp.ikiiki.desk.progress;

import java.time.LocalDate;

/**
 * A booklet the predecessor received and counted before the switch (第9章1(1)), to be notified and paid by this
 * system like a verified one.
 *
 * @param addressNumber 宛名番号
 * @param businessYear  the year it begins in
 * @param receivedOn    手帳受付日 (col 50)
 * @param record        the year's columns 49–84 as loaded (points per kind, total, cap, amount, bank details)
 * @param notified      a notice was already sent (by the predecessor or by a run of this system)
 * @param paid          already paid
 */
public record CarriedOverBooklet(String addressNumber, int businessYear, LocalDate receivedOn, ProgressYear record,
		boolean notified, boolean paid) {
}
