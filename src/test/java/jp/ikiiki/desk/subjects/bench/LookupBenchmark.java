package jp.ikiiki.desk.subjects.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.bench.BenchSubjects.Row;
import jp.ikiiki.desk.subjects.internal.LookupStatements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Look-up benchmark: 190,000 subjects, 20 concurrent agents searching with a mix of criteria through
 * the real {@link SubjectLookup} (method security and the audit insert included), no think time. Prints p50,
 * p95, p99 and throughput, overall and per kind, and the plan of one statement of each kind (EXPLAIN ANALYZE).
 * Not a test: it asserts nothing about time.
 * <p>
 * Run: {@code mvn -B -o test -Dtest=LookupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; optional
 * {@code -Dbench.subjects=190000 -Dbench.threads=20 -Dbench.searches=500} (searches per thread, after a warm-up).
 */
@Tag("bench")
@SpringBootTest
class LookupBenchmark {

	enum Kind {
		MANAGEMENT_NUMBER, SCANNED_IN_BOX, ADDRESS_NUMBER, NUMBER_IN_BOX, KANA_PREFIX, KANA_IN_BOX, KANJI_FRAGMENT,
		BIRTH_DATE, ERA_DATE_IN_BOX, ADDRESS_FRAGMENT, KANA_AND_BIRTH, KANJI_AND_ADDRESS, BOX_NAME_AND_TOWN,
		SINGLE_KANJI_AND_BIRTH
	}

	static final String CHANNEL = "bench:対象者検索";

	@Autowired
	SubjectLookup lookup;
	@Autowired
	DataSource dataSource;
	@Autowired
	@Qualifier("ownerDataSource")
	DataSource ownerDataSource;

	@Test
	void lookup_at_190k_subjects() throws Exception {
		int subjects = Integer.getInteger("bench.subjects", 190_000);
		int threads = Integer.getInteger("bench.threads", 20);
		int perThread = Integer.getInteger("bench.searches", 500);
		var jdbc = JdbcClient.create(dataSource);
		var owner = JdbcClient.create(ownerDataSource);

		jdbc.sql("delete from subject").update();
		long t0 = System.nanoTime();
		Row[] rows = new BenchSubjects(20260901L, subjects).load(dataSource);
		long loaded = System.nanoTime();
		// What autovacuum does soon after a bulk import: statistics, and the GIN pending lists merged.
		owner.sql("vacuum analyze subject").update();
		// The look-up reads subject_record too (for the page of results): without this, the measured run would be
		// the first to read its freshly loaded rows and would pay for setting their hint bits and writing them out.
		owner.sql("vacuum analyze subject_record").update();
		// And the bulk load's dirty pages written now, not by a checkpoint in the middle of the measured run.
		owner.sql("checkpoint").update();
		long vacuumed = System.nanoTime();
		System.out.printf("%nLOOKUP BENCHMARK: %,d subjects loaded by COPY in %.1f s, vacuum analyze %.1f s, table %s + indexes %s%n",
				subjects, (loaded - t0) / 1e9, (vacuumed - loaded) / 1e9,
				jdbc.sql("select pg_size_pretty(pg_table_size('subject'))").query(String.class).single(),
				jdbc.sql("select pg_size_pretty(pg_indexes_size('subject'))").query(String.class).single());

		System.out.println("commonest surname " + BenchSubjects.SURNAMES[0][0] + ": " + jdbc.sql(
				"select count(*) from subject where name_kanji like :p").param("p", BenchSubjects.SURNAMES[0][0] + "%")
				.query(Long.class).single() + " subjects");
		System.out.println("average stored bytes per row: " + jdbc.sql("""
				select format('subject row %s, address_key %s, heap rows per page %s; index_record %s, progress_record %s',
				  avg(pg_column_size(s.*))::int, avg(pg_column_size(address_key))::int,
				  round(count(*)::numeric / greatest(1, pg_relation_size('subject') / 8192), 1),
				  avg(pg_column_size(r.index_record))::int, avg(pg_column_size(r.progress_record))::int)
				from subject s left join subject_record r on r.address_number = s.address_number""").query(String.class).single());

		// Warm-up (JIT, plan caches, buffers), then the measured run.
		run(rows, threads, 100, 1, null);
		var latencies = new EnumMap<Kind, ConcurrentLinkedQueue<Long>>(Kind.class);
		for (Kind k : Kind.values()) {
			latencies.put(k, new ConcurrentLinkedQueue<>());
		}
		var results = new AtomicLong();
		long start = System.nanoTime();
		run(rows, threads, perThread, 2, (kind, nanos, n) -> {
			latencies.get(kind).add(nanos);
			results.addAndGet(n);
		});
		double seconds = (System.nanoTime() - start) / 1e9;

		long[] all = latencies.values().stream().flatMap(q -> q.stream()).mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%n%d threads x %d searches = %,d searches in %.1f s: %.0f searches/s, %.1f rows per search%n",
				threads, perThread, all.length, seconds, all.length / seconds, results.get() / (double) all.length);
		System.out.printf("%-24s %7s %8s %8s %8s %8s%n", "kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
		for (Kind k : Kind.values()) {
			long[] l = latencies.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
			if (l.length > 0) {
				print(k.name(), l);
			}
		}
		print("ALL", all);
		System.out.printf("goal: p95 <= 50 ms -> %s%n", percentile(all, 95) / 1e6 <= 50 ? "met" : "NOT met");

		// The same mix at lower concurrency: how much of the latency above is the search itself and how much
		// is waiting for one of the machine's cores, which the searching threads and their database backends share.
		System.out.printf("%nconcurrency sweep (same mix):%n%-24s %7s %8s %8s %8s %8s%n", "threads", "count", "p50 ms",
				"p95 ms", "p99 ms", "max ms");
		for (int t : new int[] {1, 2, 5, 10}) {
			var sweep = new ConcurrentLinkedQueue<Long>();
			long sweepStart = System.nanoTime();
			run(rows, t, 2000 / t, 3 + t, (kind, nanos, n) -> sweep.add(nanos));
			double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
			long[] l = sweep.stream().mapToLong(Long::longValue).sorted().toArray();
			print(t + " (" + Math.round(l.length / sweepSeconds) + "/s)", l);
		}

		System.out.println("\nPlans (EXPLAIN ANALYZE of the statement the look-up runs, one sample per kind):");
		var random = new SplittableRandom(7);
		for (Kind k : Kind.values()) {
			SubjectQuery q = query(k, rows[random.nextInt(rows.length)], random);
			System.out.println("-- " + k);
			jdbc.sql("explain (analyze, buffers, costs off, summary on) " + LookupStatements.sql(q))
					.params(LookupStatements.params(q, SubjectLookup.DEFAULT_LIMIT))
					.query(String.class).list()
					.forEach(line -> System.out.println("   " + line));
		}
		// The broadest searches: the commonest surname as a kanji fragment and its first kana.
		for (SubjectQuery q : List.of(
				SubjectQuery.ofFields(null, null, null, BenchSubjects.SURNAMES[0][0], null, null),
				SubjectQuery.ofFields(null, null, BenchSubjects.SURNAMES[0][1].substring(0, 1), null, null, null),
				SubjectQuery.parse(BenchSubjects.SURNAMES[0][0] + " " + BenchSubjects.TOWNS[0][0]))) {
			System.out.println("-- broad: " + q.describe());
			jdbc.sql("explain (analyze, buffers, costs off, summary on) " + LookupStatements.sql(q))
					.params(LookupStatements.params(q, SubjectLookup.DEFAULT_LIMIT))
					.query(String.class).list()
					.forEach(line -> System.out.println("   " + line));
		}
		jdbc.sql("delete from subject").update();
	}

	interface Sink {
		void accept(Kind kind, long nanos, int rows);
	}

	private void run(Row[] rows, int threads, int perThread, long seed, Sink sink) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		var ready = new CountDownLatch(threads);
		var go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			var random = new SplittableRandom(seed * 1000 + t);
			futures.add(pool.submit(() -> {
				SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
						"bench", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
				ready.countDown();
				go.await();
				Kind[] kinds = Kind.values();
				for (int i = 0; i < perThread; i++) {
					Kind kind = kinds[random.nextInt(kinds.length)];
					SubjectQuery q = query(kind, rows[random.nextInt(rows.length)], random);
					long s = System.nanoTime();
					int n = lookup.search(q, SubjectLookup.DEFAULT_LIMIT, CHANNEL).size();
					long nanos = System.nanoTime() - s;
					if (sink != null) {
						sink.accept(kind, nanos, n);
					}
				}
				SecurityContextHolder.clearContext();
				return null;
			}));
		}
		ready.await();
		go.countDown();
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
	}

	/** A search an agent would make for subject {@code r}, as typed into the box or the separate fields. */
	static SubjectQuery query(Kind kind, Row r, SplittableRandom random) {
		String kanaPrefix = r.kanaKey().substring(0, Math.min(r.kanaKey().length(), 2 + random.nextInt(3)));
		return switch (kind) {
			case MANAGEMENT_NUMBER -> SubjectQuery.ofFields(r.managementNumber() == null ? "0000000000" : r.managementNumber(),
					null, null, null, null, null);
			case SCANNED_IN_BOX -> SubjectQuery.parse("*" + (r.managementNumber() == null ? "0000000000" : r.managementNumber()) + "*\r\n");
			case ADDRESS_NUMBER -> SubjectQuery.ofFields(null, r.addressNumber(), null, null, null, null);
			case NUMBER_IN_BOX -> SubjectQuery.parse(r.addressNumber());
			case KANA_PREFIX -> SubjectQuery.ofFields(null, null, kanaPrefix, null, null, null);
			case KANA_IN_BOX -> SubjectQuery.parse(toHiragana(kanaPrefix));
			case KANJI_FRAGMENT -> SubjectQuery.ofFields(null, null, null,
					r.surname().length() >= 2 ? r.surname() : r.surname() + r.givenName().charAt(0), null, null);
			case BIRTH_DATE -> SubjectQuery.ofFields(null, null, null, null, JapaneseDates.toWestern(r.birthDate()), null);
			case ERA_DATE_IN_BOX -> SubjectQuery.parse(JapaneseDates.toEraKanji(r.birthDate()));
			case ADDRESS_FRAGMENT -> SubjectQuery.ofFields(null, null, null, null, null,
					random.nextBoolean() ? r.town() : r.town() + r.chome() + "丁目");
			case KANA_AND_BIRTH -> SubjectQuery.ofFields(null, null, kanaPrefix, null, r.birthDate().toString(), null);
			case KANJI_AND_ADDRESS -> SubjectQuery.ofFields(null, null, null, r.surname(), null, r.town());
			case BOX_NAME_AND_TOWN -> SubjectQuery.parse(r.surname() + " " + r.town());
			case SINGLE_KANJI_AND_BIRTH -> SubjectQuery.ofFields(null, null, null, r.givenName().substring(0, 1), JapaneseDates.toEraKanji(r.birthDate()), null);
		};
	}

	private static String toHiragana(String katakana) {
		var sb = new StringBuilder();
		for (char c : katakana.toCharArray()) {
			sb.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
		}
		return sb.toString();
	}

	private static void print(String label, long[] sorted) {
		System.out.printf("%-24s %7d %8.1f %8.1f %8.1f %8.1f%n", label, sorted.length, percentile(sorted, 50) / 1e6,
				percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	private static long percentile(long[] sorted, double p) {
		int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

}
