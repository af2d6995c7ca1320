package jp.ikiiki.desk.bench;

import java.util.List;
import java.util.function.Supplier;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.Erasures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The end-of-contract erasure of a year's volume: 190,000 subjects with their 別紙2/別紙3 records, 95,000 booklets with
 * keyed stamps, a year of calls (250 open days × 600 calls) with their call log, and 500,000 audit entries; the time of
 * the run and the database size before and after. Data is written by SQL (generate_series) for speed; the erasure runs
 * through the service as two administrators. Prints figures; asserts nothing. Run with
 * {@code mvn -Pbench test -Dtest=ErasureBenchmark}; {@code -Dbench.subjects=N} scales every volume.
 */
@Tag("bench")
@SpringBootTest(properties = {"ikiiki.demo.enabled=false", "ikiiki.erasure.confirmation-window=1h"})
class ErasureBenchmark {

	@Autowired Erasures erasures;
	@Autowired JdbcClient jdbc;

	@Test
	void erase_a_year_of_data() {
		int subjects = Integer.getInteger("bench.subjects", 190_000);
		double scale = subjects / 190_000.0;
		int booklets = (int) (95_000 * scale);
		int calls = (int) (150_000 * scale);
		int audits = (int) (500_000 * scale);
		long t0 = System.nanoTime();
		fill(subjects, booklets, calls, audits);
		System.out.printf("%n[bench] filled %,d subjects, %,d booklets, %,d calls, %,d audit entries in %,d ms%n", subjects,
				booklets, calls, audits, (System.nanoTime() - t0) / 1_000_000);
		long before = size();
		var dry = as("bench-a", erasures::dryRun);
		System.out.printf("[bench] database size before: %,d MB; personal items: %,d%n", before >> 20, dry.totalBefore());
		var request = as("bench-a", () -> erasures.request("ベンチマーク"));
		long t1 = System.nanoTime();
		ErasureCertificate done = as("bench-b", () -> erasures.confirmAndRun(request.id()));
		long ms = (System.nanoTime() - t1) / 1_000_000;
		long after = size();
		System.out.printf("[bench] erasure: %,d ms; items %,d → %,d; database size after: %,d MB (%.1f %% of before)%n", ms,
				done.totalBefore(), done.totalAfter(), after >> 20, after * 100.0 / before);
		done.kinds().stream().filter(k -> k.before() > 0)
				.forEach(k -> System.out.printf("[bench]   %-45s %,10d → %,d%n", k.key(), k.before(), k.after()));
	}

	private long size() {
		return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
	}

	private void fill(int subjects, int booklets, int calls, int audits) {
		jdbc.sql("""
				insert into subject (address_number, management_number, name_kana, name_kana_key, name_kanji, name_kanji_key,
				                     birth_date, ward_code, postal_code, address, address_key)
				select '2' || lpad(g::text, 9, '0'), 'K' || g, 'ヤマダ タロウ' || g, 'ヤマダタロウ' || g, '山田 太郎' || g, '山田太郎' || g,
				       date '1940-01-01' + (g % 9000), 101 + g % 8, '7300011', '広島市中区基町' || g || '番地', '広島市中区基町' || g
				  from generate_series(1, :n) g""").param("n", subjects).update();
		jdbc.sql("""
				insert into subject_record (address_number, progress_record)
				select '2' || lpad(g::text, 9, '0'), array_fill('値'::text || g, array[84]) || array[repeat('備考', 20)]
				  from generate_series(1, :n) g""")
				.param("n", subjects).update();
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				                     received_at, state)
				select '2' || lpad(g::text, 9, '0'), 'K' || g, 2026, 'MAIN', date '2026-09-01' + (g % 300), 'operator', now(), 'RECEIVED'
				  from generate_series(1, :n) g""").param("n", booklets).update();
		jdbc.sql("""
				insert into booklet_key (booklet_id, pass, field, value, status, keyed_by, keyed_at)
				select b.id, p, f, f + 1, 'MATCHED', 'operator', now()
				  from booklet b, unnest(array['ENTRY', 'VERIFY']) p, generate_series(0, 17) f""").update();
		jdbc.sql("""
				insert into call_record (linked_id, outcome, in_hours, arrived_at, ended_at, hung_up_by, caller_number)
				select 'bench-' || g, 'ANSWERED', true, now() - (g || ' minutes')::interval, now(), 'CALLER',
				       '082' || lpad((g * 7919 % 10000000)::text, 7, '0')
				  from generate_series(1, :n) g""").param("n", calls).update();
		jdbc.sql("""
				insert into call_log (linked_id, manual, caller_number, agent, started_at, subject_id, note)
				select 'bench-' || g, false, '082' || lpad((g * 7919 % 10000000)::text, 7, '0'), 'agent', now(),
				       '2' || lpad((g % :s + 1)::text, 9, '0'), '手帳の再発行について'
				  from generate_series(1, :n) g""").param("n", calls).param("s", subjects).update();
		jdbc.sql("""
				insert into audit_event (username, action, channel, subject_ids, detail)
				select 'agent', 'VIEW', '画面:対象者詳細', array['2' || lpad((g % :s + 1)::text, 9, '0')], '氏名=山田'
				  from generate_series(1, :n) g""").param("n", audits).param("s", subjects).update();
	}

	private static <T> T as(String user, Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
				List.of(new SimpleGrantedAuthority("ROLE_SECURITY_ADMIN"))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
