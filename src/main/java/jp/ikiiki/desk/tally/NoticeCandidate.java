package jp.ikiiki.desk.tally;

import java.time.LocalDate;

/**
 * A verified booklet not yet notified, as the notice run (第8章) selects it: whether it gets a notice under the
 * zero-point rules of 第8章3, and by when (within one month of the city's receipt date, 第8章2).
 *
 * @param bookletId        the booklet
 * @param addressNumber    宛名番号
 * @param managementNumber 申請書管理番号
 * @param businessYear     the year it begins in
 * @param kind             main or additional
 * @param receivedOn       the city's receipt date
 * @param dueBy            the day a month after {@code receivedOn}
 * @param counts           the booklet's verified stamps
 * @param year             the subject's year over every verified booklet
 * @param decision         notified or not, and why
 */
public record NoticeCandidate(long bookletId, String addressNumber, String managementNumber, int businessYear,
		BookletKind kind, LocalDate receivedOn, LocalDate dueBy, StampCounts counts, YearPoints year, Decision decision) {

	/** True if the notice is late on {@code day}. */
	public boolean overdueOn(LocalDate day) {
		return day.isAfter(dueBy);
	}

	/** Whether the booklet gets a notice (第8章3). */
	public enum Decision {
		/** Points above zero: notice. */
		NOTIFY,
		/** Zero points because every stamp was void: notice all the same. */
		NOTIFY_ALL_VOID,
		/** Zero points because the booklet holds no stamp at all: no notice. */
		NO_STAMPS;

		/** True if a notice goes out. */
		public boolean notifies() {
			return this != NO_STAMPS;
		}

		/** The decision for a booklet's counts. */
		public static Decision of(StampCounts counts) {
			if (counts.points() > 0) {
				return NOTIFY;
			}
			return counts.voidStamps() > 0 ? NOTIFY_ALL_VOID : NO_STAMPS;
		}
	}
}
