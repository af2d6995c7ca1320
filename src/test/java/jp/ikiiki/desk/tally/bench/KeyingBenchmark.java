package jp.ikiiki.desk.tally.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.tally.BookletKeying;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.StampField;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keying under load (第7章1(4)): ten operators at once — five keying entries, five verifying booklets others entered —
 * each taking the next booklet, keying its 18 fields one call per field and completing it, while the notice selection
 * over 30,000 verified booklets runs again and again (the stand-in for a notice run). Server time per keyed field
 * (the service call, transaction and all) as p50/p95/p99; baseline in the same run: a plain single-row upsert of the
 * same table from ten threads. Asserts nothing about time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=KeyingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.booklets=N} per keyer).
 */
@Tag("bench")
class KeyingBenchmark extends TallyITSupport {

	@Autowired
	BookletKeying keying;
	@Autowired
	PointTotals totals;

	@Test
	void ten_keyers_and_a_notice_selection_at_once() throws Exception {
		int perKeyer = Integer.getInteger("bench.booklets", 25);
		int keyers = 10;
		clearTally();
		// booklets to enter, booklets entered by someone else to verify, and a year of verified ones to select
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				  received_at, state)
				select lpad((820000000 + g)::text, 10, '0'), 'E' || g, 2025, 'MAIN', date '2026-06-01', 'bench', now(), 'RECEIVED'
				from generate_series(1, :n) g""").param("n", perKeyer * keyers).update();
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				  received_at, state, entry_by, entered_at)
				select lpad((830000000 + g)::text, 10, '0'), 'V' || g, 2025, 'MAIN', date '2026-06-01', 'bench', now(),
				  'ENTERED', 'seed', now()
				from generate_series(1, :n) g""").param("n", perKeyer * keyers).update();
		jdbc.sql("""
				insert into booklet_key (booklet_id, pass, field, value, status, keyed_by, keyed_at)
				select b.id, 'ENTRY', f, (b.id + f) % 5, 'KEYED', 'seed', now()
				from booklet b cross join generate_series(0, 17) f where b.state = 'ENTERED'""").update();
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				  received_at, state, entered_at, verified_at, stamps_4p, stamps_2p, checkups, stamps_1p, void_stamps)
				select lpad((840000000 + g)::text, 10, '0'), 'N' || g, 2025, 'MAIN', date '2026-06-01', 'bench', now(),
				  'VERIFIED', now(), now(), g % 9, g % 5, array[0,0,0,0,0,0,0,0,0,0,0,0,0,g % 2], g % 13, g % 3
				from generate_series(1, 30000) g""").update();
		jdbc.sql("analyze booklet").update();
		jdbc.sql("analyze booklet_key").update();

		var keyedNanos = new long[keyers][perKeyer * 18];
		var counts = new int[keyers];
		var noticeRuns = new AtomicInteger();
		var stop = new AtomicBoolean();
		var start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(keyers + 1);
		List<Future<?>> work = new ArrayList<>();
		work.add(pool.submit(() -> {
			start.await();
			while (!stop.get()) {
				run("notice-run", () -> totals.forEachDueForNotice(2025, c -> {
				}), "OPERATOR");
				noticeRuns.incrementAndGet();
			}
			return null;
		}));
		for (int k = 0; k < keyers; k++) {
			int keyer = k;
			Pass pass = k % 2 == 0 ? Pass.ENTRY : Pass.VERIFY;
			work.add(pool.submit(() -> {
				start.await();
				String user = "keyer" + keyer;
				for (int b = 0; b < perKeyer; b++) {
					var sheet = as(user, () -> keying.next(pass), "OPERATOR").orElseThrow();
					long id = sheet.booklet().id();
					for (StampField f : StampField.ALL) {
						int value = (int) ((id + f.ordinal()) % 5); // what the seeded entries hold, so verifies match
						long t = System.nanoTime();
						as(user, () -> keying.key(id, pass, f, value), "OPERATOR");
						keyedNanos[keyer][counts[keyer]++] = System.nanoTime() - t;
					}
					as(user, () -> keying.complete(id, pass), "OPERATOR");
				}
				return null;
			}));
		}
		long t0 = System.nanoTime();
		start.countDown();
		for (int i = 1; i < work.size(); i++) {
			work.get(i).get();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		stop.set(true);
		work.get(0).get();
		pool.shutdown();

		long[] all = new long[keyers * perKeyer * 18];
		int i = 0;
		for (int k = 0; k < keyers; k++) {
			System.arraycopy(keyedNanos[k], 0, all, i, counts[k]);
			i += counts[k];
		}
		System.out.printf("%n[bench] %d keyers (5 entry, 5 verify), %,d fields keyed in %.1f s (%.0f fields/s) while the notice "
				+ "selection over 30,000 verified booklets ran %d times: per field p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max "
				+ "%.1f ms%n", keyers, i, seconds, i / seconds, noticeRuns.get(), BenchSupport.percentileMs(all, 50),
				BenchSupport.percentileMs(all, 95), BenchSupport.percentileMs(all, 99), BenchSupport.percentileMs(all, 100));
		System.out.printf("[bench] booklets now: %s%n", jdbc.sql("select string_agg(state || ' ' || n, ', ') from (select state,"
				+ " count(*) n from booklet group by state order by state) s").query(String.class).single());

		// baseline: the same number of plain single-row upserts from ten threads
		long[][] plain = new long[keyers][perKeyer * 18];
		ExecutorService base = Executors.newFixedThreadPool(keyers);
		var futures = new ArrayList<Future<?>>();
		long firstId = jdbc.sql("select min(id) from booklet").query(Long.class).single();
		for (int k = 0; k < keyers; k++) {
			int keyer = k;
			futures.add(base.submit(() -> {
				for (int j = 0; j < perKeyer * 18; j++) {
					long t = System.nanoTime();
					jdbc.sql("""
							insert into booklet_key (booklet_id, pass, field, value, status, keyed_by, keyed_at)
							values (:id, 'VERIFY', :f, 1, 'KEYED', 'plain', now())
							on conflict (booklet_id, pass, field) do update set value = excluded.value""")
							.param("id", firstId + keyer * perKeyer + j / 18).param("f", j % 18).update();
					plain[keyer][j] = System.nanoTime() - t;
				}
				return null;
			}));
		}
		for (var f : futures) {
			f.get();
		}
		base.shutdown();
		long[] plainAll = new long[keyers * perKeyer * 18];
		for (int k = 0; k < keyers; k++) {
			System.arraycopy(plain[k], 0, plainAll, k * perKeyer * 18, perKeyer * 18);
		}
		System.out.printf("[bench] baseline: plain single-row upsert from %d threads: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
				keyers, BenchSupport.percentileMs(plainAll, 50), BenchSupport.percentileMs(plainAll, 95),
				BenchSupport.percentileMs(plainAll, 99));
		clearTally();
	}
}
