package jp.ikiiki.desk.payments.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/**
 * The bank master: parsing the bundled zengin-code data (what a first start-up or a refresh reads), re-reading the
 * master from the database into memory (what every later start-up and every node does), and a branch look-up as the
 * keying screens make it, p50/p99 over 200,000 look-ups. Baseline in the same run: gunzipping the bundled file without
 * parsing it, and a {@link HashMap} look-up of the same keys. Prints figures, asserts nothing about time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=BankMasterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class BankMasterBenchmark extends TallyITSupport {

	@Autowired
	BankMaster master;

	@Test
	void load_and_look_up() throws Exception {
		String version;
		try (InputStream v = getClass().getResourceAsStream("/payments/zengin/VERSION")) {
			version = new String(v.readAllBytes(), StandardCharsets.US_ASCII).strip();
		}
		BankMasterService service = AopTestUtils.getTargetObject(master);
		for (int round = 0; round < 3; round++) {
			long t0 = System.nanoTime();
			try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/payments/zengin/zengin-code.json.gz"))) {
				in.readAllBytes();
			}
			long t1 = System.nanoTime();
			try (InputStream in = getClass().getResourceAsStream("/payments/zengin/zengin-code.json.gz")) {
				ZenginData.readBundled(in, version);
			}
			long t2 = System.nanoTime();
			service.readIndex();
			long t3 = System.nanoTime();
			System.out.printf("BENCH bank master round %d: gunzip only %.0f ms (baseline), parse bundled %.0f ms, "
					+ "index from the database %.0f ms%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
		}

		List<String[]> keys = new ArrayList<>();
		Map<String, BankMaster.Branch> plain = new HashMap<>();
		for (BankMaster.Bank b : master.findBanks("", 5_000)) {
			for (BankMaster.Branch r : master.findBranches(b.code(), "", 1_000)) {
				keys.add(new String[] { b.code(), r.code() });
				plain.put(b.code() + "-" + r.code(), r);
			}
		}
		int n = 200_000;
		long[] lookups = new long[n];
		long[] baseline = new long[n];
		var random = ThreadLocalRandom.current();
		for (int i = 0; i < n; i++) {
			String[] k = keys.get(random.nextInt(keys.size()));
			long a = System.nanoTime();
			master.forNewAccount(k[0], k[1]);
			long b = System.nanoTime();
			plain.get(k[0] + "-" + k[1]);
			long c = System.nanoTime();
			lookups[i] = b - a;
			baseline[i] = c - b;
		}
		System.out.printf("BENCH branch look-up over %d branches: p50 %.4f ms, p99 %.4f ms, max %.3f ms; "
				+ "baseline HashMap p50 %.4f ms, p99 %.4f ms%n", keys.size(), pct(lookups, 50), pct(lookups, 99),
				pct(lookups, 100), pct(baseline, 50), pct(baseline, 99));
	}

	private static double pct(long[] nanos, double p) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
		return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
	}
}
