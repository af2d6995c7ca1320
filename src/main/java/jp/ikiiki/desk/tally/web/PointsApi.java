package jp.ikiiki.desk.tally.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.YearPoints;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subject's points for a business year (第7章): verified booklets only, with the cap and the amount. Audited. */
@RestController
@RequestMapping("/api/points")
@Tag(name = "points", description = "獲得ポイント (per subject and business year)")
class PointsApi {

	static final String CHANNEL = "GET /api/points/{addressNumber}";

	private final PointTotals totals;

	PointsApi(PointTotals totals) {
		this.totals = totals;
	}

	/**
	 * A subject's year.
	 *
	 * @param businessYear     the year it begins in
	 * @param stamps4p         verified 地域の支え手 4P stamps
	 * @param stamps2p         verified 地域の支え手 2P stamps
	 * @param checkups         verified 受診 stamps per check-up kind (14)
	 * @param stamps1p         verified 健康づくり 1P stamps
	 * @param voidStamps       stamps found void
	 * @param total            points before the cap
	 * @param cap              上限ポイント
	 * @param capRule          the rule that lowered the cap; null for the base cap
	 * @param credited         min(total, cap)
	 * @param overCap          points above the cap
	 * @param amountYen        credited × yen per point
	 * @param state            NONE, IN_PROGRESS (booklets not yet verified) or VERIFIED
	 * @param booklets         booklets of the year received
	 * @param verifiedBooklets of them verified
	 */
	record PointsResponse(String addressNumber, int businessYear, int stamps4p, int stamps2p, List<Integer> checkups,
			int stamps1p, int voidStamps, int total, int cap, String capRule, int credited, int overCap, long amountYen,
			String state, int booklets, int verifiedBooklets) {

		static PointsResponse of(YearPoints p) {
			var c = p.counts();
			return new PointsResponse(p.addressNumber(), p.businessYear(), c.stamps4p(), c.stamps2p(), c.checkups(),
					c.stamps1p(), c.voidStamps(), p.total(), p.cap(), p.capRule(), p.credited(), p.overCap(),
					p.amountYen(), p.state().name(), p.booklets(), p.verifiedBooklets());
		}
	}

	@GetMapping("/{addressNumber}")
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER')")
	@Operation(summary = "Points of a subject for a business year",
			description = "businessYear: the year the business year begins in (2025 = 令和7年度分), one of the open years.")
	PointsResponse points(@PathVariable String addressNumber, @RequestParam int businessYear) {
		return PointsResponse.of(totals.points(AddressNumber.parse(addressNumber), businessYear, CHANNEL));
	}
}
