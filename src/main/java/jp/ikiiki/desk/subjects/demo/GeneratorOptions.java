package jp.ikiiki.desk.subjects.demo;

import java.time.LocalDate;
import java.util.Objects;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;

/**
 * What {@link SubjectGenerator} writes.
 *
 * @param kind          別紙2 ({@link SubjectFileKind#INDEX}) or 別紙3 ({@link SubjectFileKind#PROGRESS})
 * @param format        CSV UTF-8 with BOM, CSV Windows-31J or XLSX
 * @param size          number of data rows (≥ 0); the header row comes on top
 * @param seed          same seed and size give the same people and a byte-identical CSV file; INDEX and
 *                      PROGRESS files of the same seed describe the same people (row {@code i} is person {@code i})
 * @param gaijiShare    share of people, 0–1, whose name or 方書 holds a character the import must flag for
 *                      外字 review (outside JIS X 0208, or the placeholders 〓 ■ ・)
 * @param badShare      share of rows, 0–1, carrying exactly one defect the import must reject
 * @param referenceDate the day ages are counted on (everyone is 65–100 on it) and current dates lie around
 */
public record GeneratorOptions(SubjectFileKind kind, OutputFormat format, int size, long seed, double gaijiShare,
		double badShare, LocalDate referenceDate) {

	/** The default reference date: the first day of the 2026 business year (1 September). */
	public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 9, 1);

	public GeneratorOptions {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(referenceDate, "referenceDate");
		if (size < 0) {
			throw new IllegalArgumentException("size must be ≥ 0: " + size);
		}
		if (!(gaijiShare >= 0 && gaijiShare <= 1)) {
			throw new IllegalArgumentException("gaijiShare must be within 0–1: " + gaijiShare);
		}
		if (!(badShare >= 0 && badShare <= 1)) {
			throw new IllegalArgumentException("badShare must be within 0–1: " + badShare);
		}
	}

	/** UTF-8 CSV, no 外字 and no bad rows, reference date 2026-09-01. */
	public static GeneratorOptions of(SubjectFileKind kind, int size, long seed) {
		return new GeneratorOptions(kind, OutputFormat.CSV_UTF8, size, seed, 0, 0, DEFAULT_REFERENCE_DATE);
	}

	public GeneratorOptions withKind(SubjectFileKind kind) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withFormat(OutputFormat format) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withSize(int size) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withSeed(long seed) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withGaijiShare(double gaijiShare) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withBadShare(double badShare) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}

	public GeneratorOptions withReferenceDate(LocalDate referenceDate) {
		return new GeneratorOptions(kind, format, size, seed, gaijiShare, badShare, referenceDate);
	}
}
