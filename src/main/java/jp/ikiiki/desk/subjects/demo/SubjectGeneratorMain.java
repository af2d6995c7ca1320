package jp.ikiiki.desk.subjects.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * Command line for {@link SubjectGenerator}, for operators and benchmarks. Writes no personal data to the
 * console (it is synthetic anyway): only counts and the file name.
 *
 * <pre>
 * --kind index|progress        別紙2 (33 columns) or 別紙3 (84 columns); default progress
 * --size N                     data rows; default 1000
 * --seed N                     default 20260901
 * --format csv-utf8|csv-windows-31j|xlsx   default csv-utf8 (sjis and cp932 are accepted for Windows-31J)
 * --out FILE                   default ./{kind}-{size}-{seed}.{csv|xlsx}
 * --gaiji-share X              share 0–1 of people with 外字 characters; default 0
 * --bad-share X                share 0–1 of rows with one defect; default 0
 * --reference-date yyyy-MM-dd  the day ages are counted on; default 2026-09-01
 * --expected FILE              also write the expected problems and 外字 cells as UTF-8 TSV
 * </pre>
 */
public final class SubjectGeneratorMain {

	private SubjectGeneratorMain() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> a;
		GeneratorOptions options;
		try {
			a = parse(args);
			if (a.containsKey("help")) {
				usage();
				return;
			}
			options = new GeneratorOptions(
					SubjectFileKind.ofCode(a.getOrDefault("kind", "progress")),
					OutputFormat.parse(a.getOrDefault("format", "csv-utf8")),
					Integer.parseInt(a.getOrDefault("size", "1000").replace("_", "")),
					Long.parseLong(a.getOrDefault("seed", "20260901")),
					Double.parseDouble(a.getOrDefault("gaiji-share", "0")),
					Double.parseDouble(a.getOrDefault("bad-share", "0")),
					LocalDate.parse(a.getOrDefault("reference-date", GeneratorOptions.DEFAULT_REFERENCE_DATE.toString())));
		}
		catch (IllegalArgumentException | java.time.DateTimeException e) {
			System.err.println("error: " + e.getMessage());
			usage();
			System.exit(2);
			return;
		}
		Path out = Path.of(a.getOrDefault("out", options.kind().code() + "-" + options.size() + "-" + options.seed()
				+ "." + options.format().extension()));
		if (out.toAbsolutePath().getParent() != null) {
			Files.createDirectories(out.toAbsolutePath().getParent());
		}
		long started = System.nanoTime();
		GeneratedFile result = new SubjectGenerator(options).write(out);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("%s: %d rows (%s, %s, seed %d), %d bad rows, %d 外字 cells, %d bytes, %d ms%n", out,
				result.rows(), options.kind().code(), options.format(), options.seed(), result.problems().size(),
				result.gaiji().size(), Files.size(out), millis);
		if (a.containsKey("expected")) {
			writeExpected(result, Path.of(a.get("expected")));
		}
	}

	private static void writeExpected(GeneratedFile result, Path file) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("kind\trow\tcolumn\tdefect\tvalue\tduplicate_of_row\n");
			for (var p : result.problems()) {
				w.write("ERROR\t" + p.row() + "\t" + p.column() + "\t" + p.defect() + "\t" + p.value() + "\t"
						+ (p.duplicateOfRow() == 0 ? "" : p.duplicateOfRow()) + "\n");
			}
			for (var g : result.gaiji()) {
				w.write("GAIJI\t" + g.row() + "\t" + g.column() + "\t" + g.characters() + "\t" + g.value() + "\t\n");
			}
		}
	}

	private static Map<String, String> parse(String[] args) {
		var map = new LinkedHashMap<String, String>();
		for (int k = 0; k < args.length; k++) {
			String arg = args[k];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + arg);
			}
			String key = arg.substring(2);
			String value;
			int eq = key.indexOf('=');
			if (eq >= 0) {
				value = key.substring(eq + 1);
				key = key.substring(0, eq);
			}
			else if (key.equals("help")) {
				value = "";
			}
			else if (k + 1 < args.length) {
				value = args[++k];
			}
			else {
				throw new IllegalArgumentException("missing value for --" + key);
			}
			if (!key.matches("kind|size|seed|format|out|gaiji-share|bad-share|reference-date|expected|help")) {
				throw new IllegalArgumentException("unknown option --" + key);
			}
			map.put(key, value);
		}
		return map;
	}

	private static void usage() {
		System.err.println("""
				usage: SubjectGeneratorMain [--kind index|progress] [--size N] [--seed N]
				                            [--format csv-utf8|csv-windows-31j|xlsx] [--out FILE]
				                            [--gaiji-share 0..1] [--bad-share 0..1] [--reference-date yyyy-MM-dd]
				                            [--expected FILE]""");
	}
}
