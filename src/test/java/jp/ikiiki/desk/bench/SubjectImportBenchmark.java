package jp.ikiiki.desk.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Import of a 190,000-row 別紙3 CSV (84 columns, UTF-8): rows/s and peak heap of the first import (all added)
 * and of a re-import (nothing changes), next to a plain PostgreSQL COPY of the same file into an 84-column
 * text table in the same run. Prints figures; asserts nothing. Run with
 * {@code mvn -Pbench test -Dtest=SubjectImportBenchmark} (heap limited to 512 MB by the profile);
 * {@code -Dbench.rows=N} changes the size.
 */
@Tag("bench")
@SpringBootTest
@WithMockUser(username = "bench", roles = "OPERATOR")
class SubjectImportBenchmark {

	@Autowired SubjectImports imports;
	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;

	@Test
	void import_190k_progress_rows() throws Exception {
		int rows = Integer.getInteger("bench.rows", 190_000);
		Path file = Files.createTempFile("bench-progress", ".csv");
		try {
			write(file, rows);
			System.out.printf("%n[bench] 別紙3 CSV: %,d rows × 84 columns, %,d bytes, max heap %,d MB%n", rows,
					Files.size(file), Runtime.getRuntime().maxMemory() >> 20);
			jdbc.sql("delete from subject").update();

			long copyMs = plainCopy(file);
			System.out.printf("[bench] plain COPY into an 84-column text table: %,d ms (%,.0f rows/s)%n", copyMs,
					rows * 1000.0 / copyMs);

			measure("first import (all added)", file, rows, copyMs);
			measure("re-import (nothing changes)", file, rows, copyMs);
		} finally {
			Files.deleteIfExists(file);
		}
	}

	private void measure(String what, Path file, int rows, long copyMs) throws Exception {
		System.gc();
		resetPeaks();
		long t0 = System.nanoTime();
		ImportOutcome outcome;
		try (InputStream in = Files.newInputStream(file)) {
			outcome = imports.importFile(SubjectFileKind.PROGRESS, file.getFileName().toString(), in, ImportOptions.APPLY);
		}
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.printf("[bench] %s: %,d ms (%,.0f rows/s, %.1f× COPY), peak heap %,d MB; status %s, added %,d, "
				+ "changed %,d, ended %,d, rejected %,d%n", what, ms, rows * 1000.0 / ms, (double) ms / copyMs,
				peakHeap() >> 20, outcome.status(), outcome.added(), outcome.changed(), outcome.ended(), outcome.rejected());
	}

	private long plainCopy(Path file) throws Exception {
		String cols = IntStream.rangeClosed(1, 84).mapToObj(i -> "c" + i + " text").collect(Collectors.joining(", "));
		long t0 = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (var s = c.createStatement()) {
				s.execute("create temporary table bench_copy (" + cols + ") on commit drop");
			}
			try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin with (format csv, header true)", r);
			}
			c.commit();
		}
		return (System.nanoTime() - t0) / 1_000_000;
	}

	private static void write(Path file, int rows) throws Exception {
		List<String> headers = SubjectFileKind.PROGRESS.columns().stream().map(Column::header).toList();
		String[] family = {"ヤマダ", "タナカ", "スズキ", "サトウ", "タカハシ", "イトウ", "ワタナベ", "ナカムラ", "コバヤシ", "カトウ"};
		String[] familyKanji = {"山田", "田中", "鈴木", "佐藤", "高橋", "伊藤", "渡辺", "中村", "小林", "加藤"};
		String[] given = {"タロウ", "ハナコ", "イチロウ", "ヨシコ", "ケンジ", "カズコ", "ヒロシ", "ミチコ"};
		String[] givenKanji = {"太郎", "花子", "一郎", "良子", "健二", "和子", "博", "美智子"};
		String[] wards = {"中区基町", "東区光町", "南区比治山本町", "西区横川町", "安佐南区古市", "安佐北区可部", "安芸区船越", "佐伯区五日市"};
		String[] care = {"要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "事業対象者", ""};
		String[] tickets = {"タクシー券", "バス・電車券", "交通系ICカード", "自家用車燃料券", ""};
		var random = new Random(20260901);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", headers));
			w.write("\r\n");
			List<String> cells = new ArrayList<>(84);
			for (int i = 0; i < rows; i++) {
				cells.clear();
				int f = random.nextInt(family.length);
				int g = random.nextInt(given.length);
				int ward = random.nextInt(wards.length);
				for (Column c : SubjectFileKind.PROGRESS.columns()) {
					cells.add(switch (c.header()) {
						case "宛名番号" -> String.valueOf(100_000_000L + i);
						case "氏名カナ" -> family[f] + "　" + given[g];
						case "氏名漢字" -> familyKanji[f] + "　" + givenKanji[g];
						case "性別" -> String.valueOf(1 + random.nextInt(2));
						case "郵便番号" -> String.format("73%d-%04d", ward % 10, random.nextInt(10000));
						case "住所漢字" -> "広島市" + wards[ward] + (1 + random.nextInt(20)) + "丁目" + (1 + random.nextInt(30)) + "番"
								+ (1 + random.nextInt(20)) + "号";
						case "方書漢字" -> random.nextInt(4) == 0 ? "コーポ" + (101 + random.nextInt(300)) : "";
						case "申請書管理番号" -> "P" + (1_000_000 + i);
						case "生年月日" -> "S" + (2 + random.nextInt(34)) + "." + (1 + random.nextInt(12)) + "." + (1 + random.nextInt(28));
						case "交通助成", "ポイント手帳交付希望" -> String.valueOf(random.nextInt(2));
						case "利用券種" -> tickets[random.nextInt(tickets.length)];
						case "被保険者番号" -> String.format("%010d", random.nextInt(1_000_000_000));
						case "要介護認定状態" -> care[random.nextInt(care.length)];
						case "認定有効開始年月日" -> "R7.4.1";
						case "認定有効終了年月日" -> "R9.3.31";
						case "ステータス" -> "交付済";
						default -> "";
					});
				}
				w.write(String.join(",", cells));
				w.write("\r\n");
			}
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}
}
