package jp.ikiiki.desk.tally.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.ScanFixtures;
import jp.ikiiki.desk.tally.TallyITSupport;
import jp.ikiiki.desk.tally.scan.CoverBarcodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Barcode linking of scanned booklets (第10章1): covers printed by the printing module (booklet-cover), rasterised at
 * 200 dpi, rotated by 1–3° either way, with noise, JPEG-compressed and wrapped with the booklet's inside pages, then
 * imported through {@link BookletScans} (checked, hashed, cover read, linked, stored) on the configured threads.
 * Baseline in the same run: plain ZXing on the same covers rasterised and not rotated. Prints booklets/s and the share
 * read; asserts nothing about time.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=ScanLinkingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.scans=N}, {@code -Dbench.insidePages=N}).
 */
@Tag("bench")
class ScanLinkingBenchmark extends TallyITSupport {

	@Autowired
	PrintFiles printFiles;
	@Autowired
	BookletScans scans;

	@Test
	void link_generated_scans_by_their_barcode() throws IOException {
		int n = Integer.getInteger("bench.scans", 400);
		int inside = Integer.getInteger("bench.insidePages", 30);
		clearTally();
		var numbers = new ArrayList<String>();
		for (int i = 0; i < n; i++) {
			numbers.add("K" + (2_025_000_000L + i));
		}
		jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, received_by,
				  received_at, state)
				select lpad((810000000 + g)::text, 10, '0'), 'K' || (2025000000 + g), 2025, 'MAIN', date '2026-06-01',
				  'bench', now(), 'RECEIVED'
				from generate_series(0, :last) g""").param("last", n - 1).update();

		long t0 = System.nanoTime();
		var items = new ArrayList<PrintItem>();
		for (String number : numbers) {
			items.add(new PrintItem(null, Map.of(PrintFields.NAME, "山田　太郎", PrintFields.APPLICATION_NUMBER, number,
					PrintFields.MARK, "")));
		}
		var pdf = new ByteArrayOutputStream();
		run("bench", () -> {
			try {
				printFiles.render("booklet-cover", items, pdf);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, "OPERATOR");
		var random = new Random(20260601);
		var uploads = new ArrayList<BookletScans.Upload>();
		var plainImages = new ArrayList<BufferedImage>();
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tally-bench-scans");
		long bytes = 0;
		try (PDDocument covers = Loader.loadPDF(pdf.toByteArray())) {
			var renderer = new PDFRenderer(covers);
			for (int i = 0; i < n; i++) {
				BufferedImage page = renderer.renderImageWithDPI(i, 200, ImageType.GRAY);
				if (i < 30) {
					plainImages.add(page);
				}
				double degrees = (1 + 2 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
				byte[] scan = ScanFixtures.scannedBooklet(ScanFixtures.skewAndNoise(page, degrees, 0.003, i), inside, 0.7f);
				bytes += scan.length;
				String name = String.format("%05d.pdf", i);
				java.nio.file.Path file = java.nio.file.Files.write(dir.resolve(name), scan);
				uploads.add(new BookletScans.Upload() {
					@Override
					public String name() {
						return name;
					}

					@Override
					public InputStream open() throws IOException {
						return java.nio.file.Files.newInputStream(file);
					}
				});
			}
		}
		System.out.printf("%n[bench] %,d scanned booklets generated (cover from the printing module at 200 dpi, ±1–3°, noise, "
				+ "JPEG 0.7, %d inside pages; %,d KB on average) in %,d ms; %d processors, %s threads%n", n, inside,
				bytes / n / 1024, (System.nanoTime() - t0) / 1_000_000, Runtime.getRuntime().availableProcessors(),
				properties.scan().threads());

		// baseline: plain ZXing on unrotated covers, no PDF
		long b0 = System.nanoTime();
		long bcpu0 = BenchSupport.processCpuNanos();
		int plainRead = 0;
		for (BufferedImage image : plainImages) {
			if (CoverBarcodeReader.decode(image).isPresent()) {
				plainRead++;
			}
		}
		double plainMs = (System.nanoTime() - b0) / 1e6 / plainImages.size();
		double plainCpuMs = (BenchSupport.processCpuNanos() - bcpu0) / 1e6 / plainImages.size();
		System.out.printf("[bench] baseline: plain ZXing on %d unrotated 200 dpi covers: %.1f ms each (%.1f/s on one thread, "
				+ "%.1f ms CPU each), %d read%n", plainImages.size(), plainMs, 1000 / plainMs, plainCpuMs, plainRead);

		System.gc();
		BenchSupport.resetPeaks();
		long cpu0 = BenchSupport.processCpuNanos();
		long s0 = System.nanoTime();
		var result = as("bench", () -> scans.importFiles(uploads, null, "bench"), "OPERATOR");
		double seconds = (System.nanoTime() - s0) / 1e9;
		double cpuSeconds = (BenchSupport.processCpuNanos() - cpu0) / 1e9;
		System.out.printf("[bench] import through BookletScans: %,d booklets in %.1f s = %.1f booklets/s (%.1f per CPU-second, "
				+ "load average %.1f); linked %,d (%.2f %%), not linked %,d; peak heap %,d MB%n", n, seconds, n / seconds,
				n / cpuSeconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				result.linked().size(), 100.0 * result.linked().size() / n, result.unreadable().size(),
				BenchSupport.peakHeapMb());
		result.unreadable().stream().limit(10).forEach(u -> System.out.printf("[bench]   not linked: %s — %s%n", u.file(),
				u.reason()));
		clearTally();
		try (var files = java.nio.file.Files.list(dir)) {
			for (var f : files.toList()) {
				java.nio.file.Files.delete(f);
			}
		}
		java.nio.file.Files.delete(dir);
	}
}
