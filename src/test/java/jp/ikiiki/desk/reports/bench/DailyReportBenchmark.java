package jp.ikiiki.desk.reports.bench;

import jp.ikiiki.desk.shared.JapanTime;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.internal.ReportBuilder;
import jp.ikiiki.desk.reports.internal.ReportLayout;
import jp.ikiiki.desk.reports.internal.ReportPdf;
import jp.ikiiki.desk.reports.internal.ReportWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The daily report for a day of {@code bench.calls} calls (default 2,000) inserted into {@code call_record}: the
 * XLSX and the PDF, each generated from the database (statistics, contributed sections, layout, rendering) and
 * timed separately, after {@code bench.warmup} runs, over {@code bench.runs} runs; prints median and max. Goal:
 * under 2 s each, the daily report being made after closing while the console is in use. Run with
 * {@code mvn -Pbench test -Dtest=DailyReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@SpringBootTest
class DailyReportBenchmark {

	static final LocalDate DAY = LocalDate.of(2026, 11, 17);

	@Autowired
	JdbcClient jdbc;
	@Autowired
	JdbcTemplate template;
	@Autowired
	ReportBuilder builder;

	@Test
	void daily_report_of_a_busy_day() {
		int calls = Integer.getInteger("bench.calls", 2_000);
		int warmup = Integer.getInteger("bench.warmup", 3);
		int runs = Integer.getInteger("bench.runs", 10);
		insert(calls);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench",
				null, List.of(new SimpleGrantedAuthority("ROLE_CITY_STAFF"))));
		try {
			Report check = builder.daily(DAY);
			long xlsxSize = ReportWorkbook.write(ReportLayout.of(check)).length;
			long pdfSize = ReportPdf.write(ReportLayout.of(check)).length;
			double[] content = time(warmup, runs, () -> builder.daily(DAY));
			double[] xlsx = time(warmup, runs, () -> ReportWorkbook.write(ReportLayout.of(builder.daily(DAY))));
			double[] pdf = time(warmup, runs, () -> ReportPdf.write(ReportLayout.of(builder.daily(DAY))));
			System.out.printf(Locale.ROOT, "%n[bench] daily report, %,d calls in the day (%,d received, %,d answered, "
					+ "%d contributed sections); %d warm-up + %d runs each%n", calls, check.received(), check.answered(),
					check.sections().size(), warmup, runs);
			print("content only (statistics + sections)", content, -1);
			print("XLSX (content + workbook)", xlsx, xlsxSize);
			print("PDF  (content + document)", pdf, pdfSize);
			if (check.received() + check.outOfHours() + check.excluded() != calls) {
				throw new AssertionError("expected " + calls + " calls, counted "
						+ (check.received() + check.outOfHours() + check.excluded()));
			}
		} finally {
			SecurityContextHolder.clearContext();
			jdbc.sql("delete from call_record where linked_id like 'bench-report-%'").update();
		}
	}

	/** Calls spread over the opening hours (a tenth outside them), with the outcomes of a busy day. */
	void insert(int calls) {
		jdbc.sql("delete from call_record where linked_id like 'bench-report-%'").update();
		Random random = new Random(42);
		String[] outcomes = { "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED",
				"ABANDONED", "TIMEOUT", "REFUSED" };
		long open = DAY.atTime(8, 30).atZone(JapanTime.ZONE).toEpochSecond();
		long span = 8 * 3600 + 45 * 60;
		List<Object[]> rows = new ArrayList<>(calls);
		for (int i = 0; i < calls; i++) {
			boolean inHours = random.nextInt(10) != 0;
			long at = inHours ? open + random.nextLong(span) : DAY.atTime(17, 30).atZone(JapanTime.ZONE).toEpochSecond()
					+ random.nextLong(4 * 3600);
			String outcome = outcomes[random.nextInt(outcomes.length)];
			double wait = "REFUSED".equals(outcome) ? 0 : Math.round(random.nextDouble() * 90 * 1000) / 1000.0;
			Timestamp t = new Timestamp(at * 1000);
			rows.add(new Object[] { "bench-report-" + i, outcome, inHours, t, t, wait });
		}
		template.batchUpdate("insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, ended_at, "
				+ "wait_seconds, hung_up_by) values (?, 'inquiry', ?, ?, ?, ?, ?, 'CALLER')", rows);
	}

	static double[] time(int warmup, int runs, Supplier<Object> work) {
		for (int i = 0; i < warmup; i++) {
			work.get();
		}
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	static void print(String what, double[] sorted, long bytes) {
		double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
		System.out.printf(Locale.ROOT, "[bench]   %-40s median %7.1f ms, max %7.1f ms%s%n", what, median,
				sorted[sorted.length - 1], bytes < 0 ? "" : String.format(Locale.ROOT, " (%,d bytes)", bytes));
	}
}
