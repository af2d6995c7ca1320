package jp.ikiiki.desk.printing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.common.BitMatrix;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.internal.DecisionSet;
import jp.ikiiki.desk.printing.internal.FormLayout;
import jp.ikiiki.desk.printing.internal.FormLayouts;
import jp.ikiiki.desk.printing.internal.FormRenderer;
import jp.ikiiki.desk.printing.internal.Units;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Booklet covers for the contract's 188,700 subjects (第3章2: 18万8,700件), streamed into one PDF per bundle of 1,000,
 * on every core (one parsed font per thread): the application's path (layout from data, unprintable-character check,
 * decisions applied, barcode encoded and checked, then drawn) next to plain PDFBox writing the same pages at fixed
 * positions with no application logic, in the same run. Prints pages/s and peak heap (the heap pools' peak usage, reset
 * before each part). Asserts only that every page was written.
 * <p>
 * {@code mvn -B -o -Pbench test -Dtest=BookletCoverBenchmark -Dtest.argLine="-Xmx1g -XX:+UseG1GC"
 * [-Dbench.covers=20000] [-Dbench.threads=2]}
 */
@Tag("bench")
class BookletCoverBenchmark {

	static final int COVERS = Integer.getInteger("bench.covers", 188_700);
	static final int BUNDLE = Integer.getInteger("bench.bundle", 1_000);
	static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
	static final Path OUT = Path.of("target/bench-booklet-covers");

	static final String[] SURNAMES = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
			"山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下",
			"中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "齋藤", "髙橋" };
	static final String[] GIVEN = { "和子", "洋子", "幸子", "節子", "弘子", "京子", "美智子", "久子", "恵美子", "清", "茂", "博",
			"実", "勇", "進", "正", "昭", "稔", "隆", "修", "光子", "トシ子", "千代子", "静江", "文子", "正雄", "義雄", "幸雄", "敏夫" };

	/** The n-th generated subject (deterministic). */
	static PrintItem cover(int n) {
		Map<String, String> f = new HashMap<>(4);
		f.put(PrintFields.NAME, SURNAMES[n % SURNAMES.length] + "　" + GIVEN[(n / 7) % GIVEN.length]);
		f.put(PrintFields.APPLICATION_NUMBER, String.format("%010d", 2_024_000_000L + n));
		if (n % 20 == 0) {
			f.put(PrintFields.MARK, PrintFields.MARK_REISSUE);
		}
		else if (n % 50 == 1) {
			f.put(PrintFields.MARK, PrintFields.MARK_ADDITIONAL);
		}
		return new PrintItem(String.valueOf(1_000_000_000L + n), f);
	}

	@Test
	void booklet_covers_for_every_subject_of_the_contract() throws Exception {
		FormLayout layout = FormLayouts.load(null).get("booklet-cover");
		// the decisions a run reads from the database: one rule for everyone (髙 → 高), applied to every name
		DecisionSet decisions = DecisionSet.of(List.of(CharacterDecision.replace(null, "*", "髙", "高", null)));
		FormRenderer renderer = new FormRenderer();
		System.out.printf("%nBooklet covers: %,d pages, bundles of %,d, %d thread(s), max heap %,d MB%n", COVERS, BUNDLE,
				THREADS, Runtime.getRuntime().maxMemory() >> 20);

		// warm-up (JIT, font parsing) on a small share, not counted
		run("warm-up app", 2_000, (items, out) -> renderer.render(layout, items, decisions, out), false);
		run("warm-up plain", 2_000, new Plain()::write, false);

		Result plain = run("plain PDFBox", COVERS, new Plain()::write, true);
		Result app = run("application", COVERS, (items, out) -> renderer.render(layout, items, decisions, out), true);
		System.out.printf("application / plain PDFBox: %.0f %% of the plain rate%n%n", 100.0 * app.pagesPerSecond()
				/ plain.pagesPerSecond());
		assertThat(app.pages()).isEqualTo(COVERS);
		assertThat(plain.pages()).isEqualTo(COVERS);
	}

	interface Writer {
		void write(List<PrintItem> items, OutputStream out) throws IOException;
	}

	record Result(long pages, double seconds, long peakHeapBytes, long bytes) {
		double pagesPerSecond() {
			return pages / seconds;
		}
	}

	static Result run(String name, int covers, Writer writer, boolean print) throws Exception {
		Path dir = OUT.resolve(name.replace(' ', '-'));
		clean(dir);
		Files.createDirectories(dir);
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		AtomicLong sampledPeak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
						Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		int bundles = (covers + BUNDLE - 1) / BUNDLE;
		AtomicInteger next = new AtomicInteger();
		AtomicLong pages = new AtomicLong();
		long cpuStart = cpuNanos();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(pool.submit(() -> {
					for (int b = next.getAndIncrement(); b < bundles; b = next.getAndIncrement()) {
						int from = b * BUNDLE;
						int to = Math.min(covers, from + BUNDLE);
						List<PrintItem> items = new ArrayList<>(to - from);
						for (int n = from; n < to; n++) {
							items.add(cover(n));
						}
						Path file = dir.resolve(String.format("bundle-%04d.pdf", b + 1));
						try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
							writer.write(items, out);
						}
						pages.addAndGet(items.size());
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
		sampler.interrupt();
		long poolPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		long bytes;
		try (Stream<Path> files = Files.list(dir)) {
			bytes = files.mapToLong(p -> p.toFile().length()).sum();
		}
		try (PDDocument first = Loader.loadPDF(dir.resolve("bundle-0001.pdf").toFile())) {
			assertThat(first.getNumberOfPages()).isEqualTo(Math.min(BUNDLE, covers));
		}
		Result r = new Result(pages.get(), seconds, Math.max(poolPeak, sampledPeak.get()), bytes);
		if (print) {
			System.out.printf("%-14s %,9d pages in %7.1f s = %6.0f pages/s; peak heap %,5d MB (pools' peak %,d MB, "
					+ "sampled %,d MB); %,d files, %,d MB written%n", name, r.pages(), seconds, r.pagesPerSecond(),
					r.peakHeapBytes() >> 20, poolPeak >> 20, sampledPeak.get() >> 20, bundles, bytes >> 20);
			System.out.printf("%-14s process CPU %.1f s = %.0f pages per CPU-second (load average now %.1f)%n", "",
					cpuSeconds, r.pages() / cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
		clean(dir);
		return r;
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	static void clean(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				for (Path p : files.toList()) {
					Files.delete(p);
				}
			}
		}
	}

	/**
	 * Plain PDFBox: the same page (texts, rule, Code128 bars from ZXing) at fixed positions, fonts parsed once per
	 * thread and loaded per document — no layout, no checks, no decisions.
	 */
	static final class Plain {

		private final ThreadLocal<Map<Face, TrueTypeFont>> fonts = ThreadLocal.withInitial(() -> {
			Map<Face, TrueTypeFont> m = new EnumMap<>(Face.class);
			m.put(Face.GOTHIC, JapaneseFonts.parse(Face.GOTHIC));
			m.put(Face.MINCHO, JapaneseFonts.parse(Face.MINCHO));
			return m;
		});

		void write(List<PrintItem> items, OutputStream out) throws IOException {
			try (PDDocument doc = new PDDocument()) {
				PDType0Font gothic = JapaneseFonts.load(doc, fonts.get().get(Face.GOTHIC));
				PDType0Font mincho = JapaneseFonts.load(doc, fonts.get().get(Face.MINCHO));
				// The booklet is B6 (第2章1(1)ア): the same positions as forms/booklet-cover.json, fixed.
				PDRectangle b6 = new PDRectangle(Units.mmToPt(128), Units.mmToPt(182));
				float h = b6.getHeight();
				for (PrintItem item : items) {
					PDPage page = new PDPage(b6);
					doc.addPage(page);
					try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
						text(cs, gothic, 18, Units.mmToPt(10), h - Units.mmToPt(44), "高齢者いきいき活動ポイント手帳");
						text(cs, gothic, 13, Units.mmToPt(58), h - Units.mmToPt(54), "広島市");
						text(cs, gothic, 10, Units.mmToPt(14), h - Units.mmToPt(117), "氏名");
						text(cs, mincho, 20, Units.mmToPt(27), h - Units.mmToPt(117),
								item.fields().get(PrintFields.NAME).replace("髙", "高"));
						text(cs, gothic, 10, Units.mmToPt(14), h - Units.mmToPt(135),
								"申請書管理番号　" + item.fields().get(PrintFields.APPLICATION_NUMBER));
						String mark = item.fields().get(PrintFields.MARK);
						if (mark != null) {
							text(cs, gothic, 16, Units.mmToPt(106), h - Units.mmToPt(15), mark);
						}
						cs.setLineWidth(Units.mmToPt(0.3));
						cs.moveTo(Units.mmToPt(12), h - Units.mmToPt(123));
						cs.lineTo(Units.mmToPt(116), h - Units.mmToPt(123));
						cs.stroke();
						BitMatrix m = new MultiFormatWriter().encode(item.fields().get(PrintFields.APPLICATION_NUMBER),
								BarcodeFormat.CODE_128, 1, 1, Map.of(EncodeHintType.MARGIN, 0));
						float module = Units.mmToPt(0.33);
						for (int x = 0; x < m.getWidth(); x++) {
							int s = x;
							while (x < m.getWidth() && m.get(x, 0)) {
								x++;
							}
							if (x > s) {
								cs.addRect(Units.mmToPt(14) + s * module, h - Units.mmToPt(150), (x - s) * module,
										Units.mmToPt(12));
							}
						}
						cs.fill();
					}
				}
				doc.save(out);
			}
			catch (com.google.zxing.WriterException e) {
				throw new IllegalStateException(e);
			}
		}

		private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
				throws IOException {
			cs.beginText();
			cs.setFont(font, size);
			cs.newLineAtOffset(x, y);
			cs.showText(s);
			cs.endText();
		}
	}
}
