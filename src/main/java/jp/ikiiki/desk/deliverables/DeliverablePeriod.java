package jp.ikiiki.desk.deliverables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One period of one deliverable and where it stands. Holds no personal data.
 *
 * @param kind          the kind's code
 * @param kindLabel     its Japanese name
 * @param category      the table's 分類
 * @param schedule      when it is owed
 * @param period        the period key ({@code 2026-11}, {@code 2026-11-M}/{@code -L}, an occurrence's key)
 * @param periodLabel   the period in Japanese (「2026年11月 中旬分」)
 * @param due           the last day it may be delivered on (an open day)
 * @param state         where it stands
 * @param overdue       true if the due day has passed and it is not delivered
 * @param provided      false when no module generates this kind yet (the contract's line is shown all the same)
 * @param fileId        the current file, null before one is generated
 * @param fileName      its name, null likewise
 * @param sha256        its SHA-256 (hex), null likewise
 * @param generatedBy   who made the current file, null before
 * @param generatedAt   when
 * @param checkedBy     who checked or rejected it, null before
 * @param checkedAt     when
 * @param checkNote     the checker's note (why it was sent back), null if none
 * @param deliveredBy   who delivered it, null before
 * @param deliveredAt   when
 * @param downloadedBy  the city staff member who first downloaded it, null before
 * @param downloadedAt  when
 */
public record DeliverablePeriod(String kind, String kindLabel, String category, DeliverableSchedule schedule,
		String period, String periodLabel, LocalDate due, DeliverableState state, boolean overdue, boolean provided,
		UUID fileId, String fileName, String sha256, String generatedBy, Instant generatedAt, String checkedBy,
		Instant checkedAt, String checkNote, String deliveredBy, Instant deliveredAt, String downloadedBy,
		Instant downloadedAt) {
}
