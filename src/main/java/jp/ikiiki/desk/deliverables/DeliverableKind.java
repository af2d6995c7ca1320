package jp.ikiiki.desk.deliverables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One kind of deliverable, implemented by the module that owns its data (the SPI of this module). Every Spring bean
 * implementing it is listed in the calendar; a bean whose {@link #code()} is a line of the contract's table
 * (第9章1(2), see {@link DeliverableKinds}) takes that line's place, so that 支払データ or 活動団体一覧 need no change
 * here once their module exists. {@link #generate} runs inside one REPEATABLE READ transaction opened by this
 * module: every query the kind makes with the application's data source sees the same snapshot of the database.
 */
public interface DeliverableKind {

	/** Stable code stored with each period, upper case (e.g. {@code SUBJECT_UPDATE_REPORT}). */
	String code();

	/** Japanese name as in the contract's table. */
	String label();

	/** The table's 分類 (ポイント事業対象者, 活動団体) or another grouping for screens. */
	String category();

	/** The contract clause (e.g. 第9章1(2)). */
	String clause();

	DeliverableSchedule schedule();

	/**
	 * The occurrences of an {@link DeliverableSchedule#AS_NEEDED} kind that happened in a month (an applied import):
	 * each becomes one period. Ignored for the other schedules. Called as the application (with the roles
	 * CITY_STAFF and OPERATOR), never with personal data in the result.
	 */
	default List<Occurrence> occurrences(YearMonth month) {
		return List.of();
	}

	/**
	 * Generates the file of one period from the current snapshot.
	 *
	 * @param period the period's key as {@link Deliverables} lists it ({@code 2026-11}, {@code 2026-11-M},
	 *               {@code 2026-11-L}, or an occurrence's key)
	 * @throws jp.ikiiki.desk.shared.DomainException when the period cannot be generated (nothing to report yet),
	 *                                               with the reason in Japanese
	 */
	DeliverableFile generate(String period);

	/**
	 * One thing that happened and calls for a deliverable.
	 *
	 * @param key   the period key, unique within the kind (at most 32 characters)
	 * @param label what it is, in Japanese, without personal data (「取込 #12 索引簿.csv」)
	 * @param on    the day it happened (Japan time)
	 */
	record Occurrence(String key, String label, LocalDate on) {
	}
}
