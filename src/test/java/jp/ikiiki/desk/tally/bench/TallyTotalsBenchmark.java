package jp.ikiiki.desk.tally.bench;

import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.ikiiki.desk.tally.NoticeCandidate;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Totals, caps and the selection of what is due for notice over 95,000 verified booklets in three business years
 * (第7章1(1): 9万5,000件): every subject's year summed and capped (the figures of 別紙3 cols 55–75), the subjects over
 * their cap, and the verified booklets not yet notified with their 第8章3 decision — next to a plain SQL aggregate of
 * the same points in the same run. Prints times and peak heap; asserts nothing about time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=TallyTotalsBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (heap 512 MB by
 * the profile); {@code -Dbench.booklets=N} changes the size.
 */
@Tag("bench")
class TallyTotalsBenchmark extends TallyITSupport {

	@Autowired
	PointTotals totals;
	@Autowired
	DataSource dataSource;
	@Autowired
	TransactionTemplate transactions;

	@Test
	void totals_caps_and_notice_selection_for_95000_verified_booklets() {
		int booklets = Integer.getInteger("bench.booklets", 95_000);
		clearTally();
		long t0 = System.nanoTime();
		// 2024: 32 %, 2025: 42 % (of which one booklet in nine additional), 2026: 21 %, additional 2025 the rest.
		int y2024 = booklets * 32 / 100;
		int y2025 = booklets * 42 / 100;
		int y2026 = booklets * 21 / 100;
		int extra = booklets - y2024 - y2025 - y2026;
		insert(2024, "MAIN", 1, y2024, "2026-03-20");
		insert(2025, "MAIN", 1, y2025, "2026-06-01");
		insert(2025, "ADDITIONAL", 1, extra, "2026-06-02");
		insert(2026, "MAIN", 1, y2026, "2026-11-20");
		jdbc.sql("analyze booklet").update();
		System.out.printf("%n[bench] %,d verified booklets inserted (2024 %,d, 2025 %,d + %,d additional, 2026 %,d) in %,d ms; "
				+ "max heap %,d MB%n", booklets, y2024, y2025, extra, y2026, (System.nanoTime() - t0) / 1_000_000,
				Runtime.getRuntime().maxMemory() >> 20);

		for (int round = 1; round <= 2; round++) {
			System.gc();
			BenchSupport.resetPeaks();
			long start = System.nanoTime();
			long plainRows = plainAggregate();
			long plainMs = (System.nanoTime() - start) / 1_000_000;
			long plainHeap = BenchSupport.peakHeapMb();

			System.gc();
			BenchSupport.resetPeaks();
			start = System.nanoTime();
			var subjects = new AtomicLong();
			var amount = new AtomicLong();
			var over = new AtomicLong();
			var due = new AtomicLong();
			var notified = new AtomicLong();
			run("bench", () -> {
				for (int year : new int[] { 2024, 2025, 2026 }) {
					totals.forEachFigures(year, f -> {
						subjects.incrementAndGet();
						amount.addAndGet(f.points().amountYen());
						f.columns();
					});
					over.addAndGet(totals.overCap(year).size());
					totals.forEachDueForNotice(year, (NoticeCandidate c) -> {
						due.incrementAndGet();
						if (c.decision().notifies()) {
							notified.incrementAndGet();
						}
					});
				}
			}, "OPERATOR");
			long ms = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("[bench] round %d: plain SQL aggregate of the same points: %,d ms (%,d subject-years), peak heap "
					+ "%,d MB%n", round, plainMs, plainRows, plainHeap);
			System.out.printf("[bench] round %d: totals + caps (cols 55–75) of %,d subject-years, %,d over the cap, notice "
					+ "selection of %,d booklets (%,d notified): %,d ms, peak heap %,d MB; amount ¥%,d%n", round,
					subjects.get(), over.get(), due.get(), notified.get(), ms, BenchSupport.peakHeapMb(), amount.get());
		}
		clearTally();
	}

	/** Booklets of {@code n} subjects numbered from {@code first}, verified, with care levels and subsidies spread. */
	private void insert(int year, String kind, int first, int n, String receivedOn) {
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				  received_at, state, transport_subsidy, care_level, disabled_transport_subsidy, entered_at, verified_at,
				  stamps_4p, stamps_2p, checkups, stamps_1p, void_stamps)
				select lpad((800000000 + g)::text, 10, '0'), 'B' || (800000000 + g), :year, :kind, cast(:on as date), 'bench',
				  now(), 'VERIFIED', g % 3 = 0, (array['要支援1','要介護2','事業対象者',null,'要支援2'])[1 + g % 5],
				  g % 17 = 0, now(), now(), g % 13, g % 11, array[g % 2, 0, g % 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, g % 2],
				  g % 29, g % 7
				from generate_series(:first, :last) g""")
				.param("year", year).param("kind", kind).param("on", receivedOn).param("first", first)
				.param("last", first + n - 1).update();
	}

	private long plainAggregate() {
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(2_000);
		var rows = new AtomicLong();
		transactions.executeWithoutResult(tx -> template.query("""
				select business_year, address_number,
				       sum(4 * stamps_4p + 2 * stamps_2p + 2 * (select sum(c) from unnest(checkups) c) + stamps_1p) as points
				from booklet where state = 'VERIFIED' group by business_year, address_number
				order by business_year, address_number""", (RowCallbackHandler) rs -> {
					rows.incrementAndGet();
					rs.getLong("points");
				}));
		return rows.get();
	}

}
