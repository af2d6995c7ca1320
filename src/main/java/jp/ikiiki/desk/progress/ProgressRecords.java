package jp.ikiiki.desk.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reading the per-business-year progress records (別紙3 columns 49–84 per person and year).
 */
public interface ProgressRecords {

	/** A person's record for one year; empty if nothing is recorded for it. Audited as VIEW. */
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	Optional<ProgressYear> find(AddressNumber subject, int businessYear, String channel);

	/**
	 * What an agent answers 「ポイントはいくつ、いつ支払われるか」 from: every year of the person that
	 * has a record or tally booklets, newest first, with the tally's booklet state. Audited as VIEW.
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	List<YearStatement> statement(AddressNumber subject, String channel);

	/**
	 * The booklets of {@code businessYear} received before the switch to this system (the predecessor's opening
	 * balances, 第9章1(1)) with points, in 宛名番号 order: the notice runs and payment runs take them alongside the
	 * tally's verified booklets (the 旧々 year's are notified and paid in April and May). Those already marked as
	 * notified ({@code notified = true}) or paid ({@code paid = true}) by {@link ProgressUpdates} can be left out by
	 * the caller. Not audited here: the run records what it selects.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void forEachCarriedOver(int businessYear, Consumer<CarriedOverBooklet> each);

	/**
	 * A year's line of a person's points statement.
	 *
	 * @param businessYear    the year it begins in
	 * @param yearLabel       e.g. 令和7年度分（旧）; without the standing when the year is no longer open
	 * @param booklets        booklets received for the year (tally), or 1 for a predecessor's booklet
	 * @param state           where the year stands, in Japanese (手帳未提出, 集計中, 確定, 前任者からの引継ぎ)
	 * @param receivedOn      手帳受付日 (col 50); null if none
	 * @param pointsByKind    活動4P, 活動2P, 受診2P小計, 健康1P (cols 55, 56, 71, 72) as points; null entries unknown
	 * @param total           ポイント合計 (col 73); null if unknown
	 * @param cap             上限ポイント (col 74)
	 * @param credited        min(total, cap)
	 * @param amountYen       支払金額 (col 75)
	 * @param noticeSentOn    獲得ポイント通知 sent
	 * @param paymentPlanned  支払予定日 (col 53)
	 * @param paidOn          paid
	 */
	record YearStatement(int businessYear, String yearLabel, int booklets, String state, LocalDate receivedOn,
			List<Integer> pointsByKind, Integer total, Integer cap, Integer credited, Integer amountYen,
			LocalDate noticeSentOn, LocalDate paymentPlanned, LocalDate paidOn) {

		public YearStatement {
			pointsByKind = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(pointsByKind));
		}
	}
}
