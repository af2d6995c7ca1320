package jp.ikiiki.desk.tally.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.NoticeCandidate;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.ProgressFigures;
import jp.ikiiki.desk.tally.YearPoints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Points per subject and year from the verified booklets ({@link YearTotals}), audited where a person is shown. */
@Service
class PointTotalsService implements PointTotals {

	private final YearTotals totals;
	private final BusinessYears years;
	private final AuditTrail audit;
	private final JdbcClient jdbc;

	PointTotalsService(YearTotals totals, BusinessYears years, AuditTrail audit, JdbcClient jdbc) {
		this.totals = totals;
		this.years = years;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	public YearPoints points(AddressNumber subject, int businessYear, String channel) {
		years.require(businessYear);
		YearPoints points = totals.of(subject.value(), businessYear);
		audit.record(AuditAction.VIEW, channel, List.of(subject.value()),
				"ポイント " + businessYear + "年度; state=" + points.state());
		return points;
	}

	@Override
	public List<YearPoints> history(AddressNumber subject, String channel) {
		List<YearPoints> history = totals.history(subject.value());
		audit.record(AuditAction.VIEW, channel, List.of(subject.value()), "ポイント履歴; years=" + history.size());
		return history;
	}

	@Override
	public Optional<ProgressFigures> figures(AddressNumber subject, int businessYear, String channel) {
		YearPoints points = totals.of(subject.value(), businessYear);
		audit.record(AuditAction.VIEW, channel, List.of(subject.value()), "別紙3 55–75列 " + businessYear + "年度");
		return points.verifiedBooklets() == 0 ? Optional.empty()
				: Optional.of(new ProgressFigures(subject.value(), businessYear, points));
	}

	@Override
	public void forEachFigures(int businessYear, Consumer<ProgressFigures> each) {
		totals.forEachSubject(businessYear, (year, rows) -> {
			if (year.verifiedBooklets() > 0) {
				each.accept(new ProgressFigures(year.addressNumber(), businessYear, year));
			}
		});
	}

	@Override
	public int forEachDueForNotice(int businessYear, Consumer<NoticeCandidate> each) {
		return totals.forEachDueForNotice(businessYear, each);
	}

	@Override
	public List<YearPoints> overCap(int businessYear) {
		var over = new ArrayList<YearPoints>();
		totals.forEachSubject(businessYear, (year, rows) -> {
			if (year.overCap() > 0) {
				over.add(year);
			}
		});
		return over;
	}

	@Override
	public long unverifiedDueBy(LocalDate day) {
		// A notice is due a month after the city's receipt date (第8章2).
		return jdbc.sql("select count(*) from booklet where state <> 'VERIFIED' and received_on <= :d")
				.param("d", day.minusMonths(1)).query(Long.class).single();
	}
}
