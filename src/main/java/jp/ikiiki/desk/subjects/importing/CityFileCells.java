package jp.ikiiki.desk.subjects.importing;

import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.columns.FieldType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * The subjects import's reading and cell rules, for other modules that import a city file of the same shape (the
 * 別紙3 opening balances of the progress module): the same streaming CSV reader with the same configured limits
 * ({@code ikiiki.subjects.import.*}), the same encoding detection (UTF-8 with or without BOM, Windows-31J) and the
 * same normalisation of a cell by its {@link FieldType}. One place for the rules, so that a file accepted here is
 * accepted there.
 */
@NamedInterface("city-file-cells")
public final class CityFileCells {

	/** Advisory lock key of the progress module's opening-balance import (after the subject file kinds). */
	public static final int OPENING_BALANCE_LOCK = 100;

	private final ReadLimits limits;
	private final FieldRules rules;

	/** The rules and limits as configured for the subjects import. */
	public CityFileCells(SubjectsProperties properties) {
		this.limits = ReadLimits.of(properties.importing());
		this.rules = new FieldRules(properties.ticketTypes());
	}

	/**
	 * Reads a CSV file record by record (header first), streaming; one record in memory at a time.
	 *
	 * @param each receives the row number (physical line, header = 1) and the cells
	 * @throws InvalidInputException naming the file ({@code file}) with the Japanese reason, when the file cannot be
	 *                               read on (encoding, unterminated quote) or passes a configured limit; rows before
	 *                               it were handed over
	 */
	public void readCsv(InputStream in, BiConsumer<Long, List<String>> each) {
		try {
			CsvReader.read(in, limits, row -> each.accept(row.row(), row.cells()));
		} catch (UnreadableFileException e) {
			throw new InvalidInputException("file", e.getMessage()).with("row", e.row());
		} catch (LimitExceededException e) {
			throw new InvalidInputException("file", e.getMessage()).with("row", e.row());
		}
	}

	/**
	 * Normalises a non-blank, trimmed cell as the subjects import does (dates ISO, flags 1/0, digits, …).
	 *
	 * @throws InvalidInputException with the reason when the value does not fit the type
	 */
	public String normalize(FieldType type, String value) {
		return rules.normalize(type, value);
	}

	/** The most cells a row may have. */
	public int maxColumns() {
		return limits.maxColumns();
	}

	/**
	 * Takes the transaction-level advisory lock {@code key} in the subjects imports' lock class, if free (see
	 * {@link ImportLocks}); false when another import holds it.
	 */
	public static boolean tryLock(JdbcClient jdbc, int key) {
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:class, :key)")
				.param("class", ImportLocks.LOCK_CLASS).param("key", key).query(Boolean.class).single());
	}
}
