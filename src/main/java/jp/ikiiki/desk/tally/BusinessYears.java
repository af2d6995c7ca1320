package jp.ikiiki.desk.tally;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The business years open now (第7章1(2): 旧々, 旧 and 新 at once) and their dates, from configuration
 * ({@code ikiiki.tally.*}, defaults per the contract). Every booklet, total, notice and payment names one of them;
 * nothing mixes years. Rolls over without code changes: unless configured, the open years are those of the current
 * fiscal year F (April–March, Japan time): F−2, F−1 and F (in 令和8年度: 2024, 2025 and 2026).
 */
public interface BusinessYears {

	/** The open years, oldest first (旧々, 旧, 新). */
	List<BusinessYear> open();

	/** The open year {@code year}; empty if it is not open. */
	Optional<BusinessYear> find(int year);

	/**
	 * The open year {@code year}.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the field 年度 when it is not open
	 */
	BusinessYear require(int year);

	/** The business year a day belongs to (1 September–31 August), open or not. */
	int yearOf(LocalDate date);

	/** Today in Japan, by the clock the tally runs on. */
	LocalDate today();
}
