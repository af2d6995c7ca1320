package jp.ikiiki.desk.progress.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import jp.ikiiki.desk.progress.ProgressList;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 対象者別進捗状況一覧 (84 columns of 別紙3) for 190,000 subjects, XLSX and CSV, next to a plain
 * {@code COPY (select …) TO STDOUT} of the same columns and the former SXSSF writer (the baseline) in the same run. Generated subjects with full 別紙3 records
 * and a year record each (points, dates, bank details). Prints times, file sizes and peak heap; asserts nothing about
 * time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=ProgressListBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (heap 512 MB
 * by the profile); {@code -Dbench.subjects=N} changes the size.
 */
@Tag("bench")
class ProgressListBenchmark extends TallyITSupport {

	static final String FIRST = "6000000000";

	@Autowired
	ProgressList list;
	@Autowired
	DataSource dataSource;

	@Test
	void progress_list_of_190000_subjects_as_xlsx_and_csv_beside_a_plain_copy() throws Exception {
		int subjects = Integer.getInteger("bench.subjects", 190_000);
		clear();
		long t0 = System.nanoTime();
		insert(subjects);
		System.out.printf("%n[bench] %,d subjects with 別紙3 records and 2025 year records inserted in %,d ms; max heap %,d MB%n",
				subjects, (System.nanoTime() - t0) / 1_000_000, Runtime.getRuntime().maxMemory() >> 20);
		Path dir = Files.createTempDirectory("progress-bench");
		try {
			for (int round = 1; round <= 2; round++) {
				System.gc();
				resetPeaks();
				long start = System.nanoTime();
				long copyRows = copy(dir.resolve("copy.csv"));
				long copyMs = (System.nanoTime() - start) / 1_000_000;
				long copyHeap = peakHeapMb();
				System.out.printf("[bench] round %d: plain COPY of the same 84 columns: %,d rows, %,d ms, %,d bytes, peak heap %,d MB%n",
						round, copyRows, copyMs, Files.size(dir.resolve("copy.csv")), copyHeap);
				System.gc();
				resetPeaks();
				start = System.nanoTime();
				long sxssfRows = sxssfBaseline(dir.resolve("sxssf.xlsx"));
				long sxssfMs = (System.nanoTime() - start) / 1_000_000;
				System.out.printf("[bench] round %d: baseline, the former SXSSF writer (POI cell objects, temporary file, "
						+ "then zip): %,d rows, %,d ms (%.1f× the COPY), %,d bytes, peak heap %,d MB%n", round, sxssfRows,
						sxssfMs, copyMs == 0 ? 0.0 : (double) sxssfMs / copyMs, Files.size(dir.resolve("sxssf.xlsx")),
						peakHeapMb());
				for (ProgressList.Format format : ProgressList.Format.values()) {
					System.gc();
					resetPeaks();
					Path file = dir.resolve("list." + format.extension());
					start = System.nanoTime();
					long rows;
					try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
						rows = as("bench", () -> {
							try {
								return list.write(2025, format, out, "bench");
							} catch (IOException e) {
								throw new java.io.UncheckedIOException(e);
							}
						}, "OPERATOR");
					}
					long ms = (System.nanoTime() - start) / 1_000_000;
					System.out.printf("[bench] round %d: %s of %,d rows: %,d ms (%.1f× the COPY), %,d bytes, peak heap %,d MB%n",
							round, format, rows, ms, copyMs == 0 ? 0.0 : (double) ms / copyMs, Files.size(file), peakHeapMb());
				}
			}
		} finally {
			try (var files = Files.list(dir)) {
				for (Path p : files.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
			clear();
		}
	}

	private void clear() {
		jdbc.sql("delete from subject where address_number >= :a and address_number < '7000000000'").param("a", FIRST)
				.update();
	}

	private void insert(int n) {
		jdbc.sql("""
				insert into subject (address_number, management_number, name_kana, name_kana_key, name_kanji, name_kanji_key,
				                     birth_date, ward_code, postal_code, address, address_key)
				select (6000000000 + g)::text, 'K' || (6000000000 + g), 'ヤマダ　タロウ', 'ヤマダタロウ', '山田　太郎' || g,
				       '山田太郎' || g, date '1940-01-01' + (g % 5000), 101 + g % 8, '7300011', '広島市中区基町' || g || '番',
				       '広島市中区基町' || g || '番'
				from generate_series(1, :n) g""").param("n", n).update();
		jdbc.sql("""
				insert into subject_record (address_number, progress_record)
				select (6000000000 + g)::text,
				       array[(6000000000 + g)::text, 'ヤマダ　タロウ', '山田　太郎' || g, '', '1', '7300011',
				             '広島市中区基町' || g || '番', '', '', '', '', 'K' || (6000000000 + g), '1940-03-02', '1',
				             '敬老乗車証', '', '12345678', '', '', '', '要支援1', '', '', '', '0', '', '', '', '0', '1',
				             '2026-05-01', '0', '0', '0', '', '0', '', '', '1', '2026-05-01', '', '0', '交付済', '', '',
				             '0', '', 'メモ' || g]
				       || array_fill(''::text, array[36])
				from generate_series(1, :n) g""").param("n", n).update();
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, tally_booklets)
				select (6000000000 + g)::text, 2025,
				       array['2025-08-20', '2026-06-01', '2026-06-10', '', '2026-07-25', '1',
				             (4 * (g % 13))::text, (2 * (g % 11))::text, '2', '0', '2', '0', '0', '0', '0', '0', '0', '0',
				             '0', '0', '0', '2', '6', (g % 29)::text,
				             (4 * (g % 13) + 2 * (g % 11) + 6 + g % 29)::text, '100',
				             (least(4 * (g % 13) + 2 * (g % 11) + 6 + g % 29, 100) * 100)::text,
				             'S' || g || '.pdf', '', '0169', '広島銀行', '001', 'ヤマダ　タロウ', 'A' || g, '2026-06-15',
				             case when g % 100 = 0 then '=注意' else '' end],
				       'SYSTEM', 1
				from generate_series(1, :n) g""").param("n", n).update();
		jdbc.sql("analyze subject").update();
		jdbc.sql("analyze subject_record").update();
		jdbc.sql("analyze progress_year").update();
	}

	/** COPY of the same columns (1–48 of the person, 49–84 of the year) as CSV to a file. */
	private long copy(Path file) throws Exception {
		try (var con = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file)) {
			var copy = con.unwrap(PGConnection.class).getCopyAPI();
			return copy.copyOut("""
					copy (select r.progress_record[1:48] || coalesce(p.year_record, array_fill(''::text, array[36]))
					      from subject_record r join subject s on s.address_number = r.address_number
					      left join progress_year p on p.address_number = r.address_number and p.business_year = 2025
					      where r.progress_record is not null and (s.progress_ended_at is null or p.address_number is not null)
					      order by r.address_number) to stdout with (format csv)""", out);
		}
	}

	/**
	 * The XLSX as the list was written before: SXSSF with a window of 100 rows, inline strings, one text style
	 * shared by every cell, uncompressed temporary file, fastest deflate, from a cursor over the same rows.
	 */
	private long sxssfBaseline(Path file) throws Exception {
		try (var con = dataSource.getConnection();
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
				var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100) {
					@Override
					protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
							OutputStream stream) {
						var zip = super.createArchiveOutputStream(stream);
						zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
						return zip;
					}
				}) {
			con.setAutoCommit(false);
			workbook.setCompressTempFiles(false);
			var text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			var sheet = workbook.createSheet("対象者別進捗状況一覧");
			for (int i = 0; i < 84; i++) {
				sheet.setDefaultColumnStyle(i, text);
			}
			sheet.createFreezePane(0, 1);
			long rows = 0;
			try (var ps = con.prepareStatement("select r.progress_record[1:48] || coalesce(p.year_record, "
					+ "array_fill(''::text, array[36])) from subject_record r join subject s on s.address_number = "
					+ "r.address_number left join progress_year p on p.address_number = r.address_number and "
					+ "p.business_year = 2025 where r.progress_record is not null and (s.progress_ended_at is null or "
					+ "p.address_number is not null) order by r.address_number")) {
				ps.setFetchSize(2_000);
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						String[] values = (String[]) rs.getArray(1).getArray();
						var row = sheet.createRow((int) ++rows);
						for (int i = 0; i < values.length; i++) {
							if (values[i] != null && !values[i].isEmpty()) {
								var cell = row.createCell(i);
								cell.setCellStyle(text);
								cell.setCellValue(values[i]);
							}
						}
					}
				}
			}
			con.commit();
			workbook.write(out);
			workbook.dispose();
			return rows;
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum >> 20;
	}
}
