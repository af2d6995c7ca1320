package jp.ikiiki.desk.payments.internal;

import jp.ikiiki.desk.payments.PaymentRuns;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payment run over 95,000 payable subjects with valid accounts (selection, payments written, the 全銀 file, the CSV
 * and the XLSX), heap printed (see {@link HeapWatch}; the bench profile runs with {@code -Xmx512m}, so a run that
 * completes stayed within 512 MB). Baseline in the same run: the selection query alone, read into memory. Prints
 * figures, asserts nothing about time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=PaymentRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.subjects=N})
 */
@Tag("bench")
class PaymentRunBenchmark extends TallyITSupport {

	@Autowired
	PaymentRuns runs;

	@Test
	void a_run_over_95000_payable_subjects() {
		int n = Integer.getInteger("bench.subjects", 95_000);
		for (String t : java.util.List.of("payment_return", "payment_exclusion", "payment", "payment_run_file",
				"payment_run", "payable_year", "payee_account", "account_form_decision", "account_form_key",
				"account_form")) {
			jdbc.sql("delete from " + t).update();
		}
		jdbc.sql("""
				insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)
				select lpad((830000000 + g)::text, 10, '0'), 2025, 100 * (1 + g % 100), date '2026-06-01', now()
				from generate_series(1, :n) g""").param("n", n).update();
		jdbc.sql("""
				insert into account_form (address_number, received_on, received_by, received_at, state)
				select lpad((830000000 + g)::text, 10, '0'), date '2026-05-01', 'bench', now(), 'VERIFIED'
				from generate_series(1, :n) g""").param("n", n).update();
		jdbc.sql("""
				insert into payee_account (address_number, form_id, bank_code, branch_code, account_type, account_number,
				  holder_kana, valid_from, state, created_by, created_at)
				select f.address_number, f.id, '0001', '001', 1, lpad((f.id % 9999999)::text, 7, '0'), 'ﾔﾏﾀﾞ ﾀﾛｳ',
				  date '2026-05-01', 'VALID', 'bench', now() from account_form f""").update();
		jdbc.sql("analyze").update();
		for (int round = 0; round < 2; round++) {
			long b0 = System.nanoTime();
			int rows = jdbc.sql("""
					select y.address_number, y.amount_yen, a.bank_code, a.account_number from payable_year y
					left join payee_account a on a.address_number = y.address_number and a.state <> 'REPLACED'
					where y.business_year = 2025""").query((rs, i) -> rs.getString(1)).list().size();
			long b1 = System.nanoTime();
			System.gc();
			try (var heap = new HeapWatch()) {
				long t0 = System.nanoTime();
				PaymentRuns.Run run = as("bench", () -> runs.create(2025, java.time.LocalDate.of(2026, 6, 25)),
						"OPERATOR");
				long t1 = System.nanoTime();
				System.out.printf("BENCH payment run round %d: %d payments, %d yen in %.2f s (heap: max %d MB, "
						+ "used peak %d MB sampled every 5 ms, peak after a collection %d MB, %d collections); baseline "
						+ "selection query alone %d rows in %.2f s%n", round, run.count(), run.totalYen(),
						(t1 - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20, heap.peakUsedMb(),
						heap.peakAfterGcMb(), heap.collections(), rows, (b1 - b0) / 1e9);
				as("bench", () -> runs.cancel(run.id()), "OPERATOR");
			}
		}
	}

	/**
	 * The heap while a run is made: the most used, sampled every 5 ms (garbage included: the collector lets it grow
	 * towards the maximum before collecting), and the most left after a collection (what the run really keeps),
	 * from the collectors' notifications.
	 */
	private static final class HeapWatch implements AutoCloseable {

		private final java.util.concurrent.atomic.AtomicLong peakUsed = new java.util.concurrent.atomic.AtomicLong();
		private final java.util.concurrent.atomic.AtomicLong peakAfterGc = new java.util.concurrent.atomic.AtomicLong();
		private final java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();
		private final java.util.List<Runnable> undo = new java.util.ArrayList<>();
		private final java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
				.newSingleThreadScheduledExecutor();

		HeapWatch() {
			var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
			sampler.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
					0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
			var heapPools = new java.util.HashSet<String>();
			for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == java.lang.management.MemoryType.HEAP) {
					heapPools.add(pool.getName());
				}
			}
			for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof javax.management.NotificationEmitter emitter) {
					javax.management.NotificationListener listener = (n, h) -> {
						if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
							var info = com.sun.management.GarbageCollectionNotificationInfo
									.from((javax.management.openmbean.CompositeData) n.getUserData());
							long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
									.filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed())
									.sum();
							peakAfterGc.accumulateAndGet(after, Math::max);
							collections.incrementAndGet();
						}
					};
					emitter.addNotificationListener(listener, null, null);
					undo.add(() -> {
						try {
							emitter.removeNotificationListener(listener);
						} catch (javax.management.ListenerNotFoundException e) {
							// already gone
						}
					});
				}
			}
		}

		long peakUsedMb() {
			return peakUsed.get() >> 20;
		}

		long peakAfterGcMb() {
			return peakAfterGc.get() >> 20;
		}

		int collections() {
			return collections.get();
		}

		@Override
		public void close() {
			sampler.shutdownNow();
			undo.forEach(Runnable::run);
		}
	}
}
