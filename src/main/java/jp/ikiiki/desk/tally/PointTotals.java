package jp.ikiiki.desk.tally;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Points, caps and amounts per subject and business year (第7章), over the VERIFIED booklets of that year only.
 * Points = 4 × 4P + 2 × 2P + 2 × check-up + 1 × 1P stamps; the cap (上限ポイント) is {@code ikiiki.tally.base-cap}
 * lowered by the lowest {@code ikiiki.tally.cap-rules} rule the subject's 別紙3 record meets when the booklet was
 * received; credited = min(points, cap); amount = credited × {@code ikiiki.tally.yen-per-point}.
 */
public interface PointTotals {

	/**
	 * A subject's year. Audited as VIEW.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a year that is not open
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER')")
	YearPoints points(AddressNumber subject, int businessYear, String channel);

	/** The subject's years that have booklets, newest first. Audited as VIEW. */
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER')")
	List<YearPoints> history(AddressNumber subject, String channel);

	/**
	 * 別紙3 cols 55–75 of a subject and year; empty if no booklet of that year is verified. Audited as VIEW.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Optional<ProgressFigures> figures(AddressNumber subject, int businessYear, String channel);

	/**
	 * Streams 別紙3 cols 55–75 of every subject with a verified booklet of the year, in 宛名番号 order, without holding
	 * them in memory. Not audited here: the caller (an export) records what it wrote.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	void forEachFigures(int businessYear, Consumer<ProgressFigures> each);

	/**
	 * Streams the verified booklets of the year not yet notified, in order of receipt, each with its notice decision
	 * (第8章3) and due date (第8章2). Not audited here: the notice run records what it selects.
	 *
	 * @return how many were streamed
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	int forEachDueForNotice(int businessYear, Consumer<NoticeCandidate> each);

	/** Subjects of the year whose points exceed their cap (記念品抽選), by 宛名番号. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<YearPoints> overCap(int businessYear);

	/**
	 * Booklets received but not yet verified whose notice would be due by {@code day} (a month after receipt): the
	 * ones at risk of a late notice.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	long unverifiedDueBy(LocalDate day);
}
