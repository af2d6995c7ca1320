package jp.ikiiki.desk.subjects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the subjects module.
 *
 * @param ticketTypes the subsidy ticket types (利用券種) a city file may name, exactly as written there
 *                    (at most 40 characters each, the width of {@code subject.ticket_type}); a cell with any
 *                    other value rejects its row
 * @param lookupConcurrency how many look-ups run against the database at once; further ones wait their turn in
 *                    arrival order. 0: twice the processors. Letting every agent's search reach PostgreSQL at
 *                    once only makes the backends compete for the same cores (see the look-up benchmark)
 * @param importing   limits and the mass-ending guard of the city-file import ({@code ikiiki.subjects.import.*})
 */
@Validated
@ConfigurationProperties("ikiiki.subjects")
public record SubjectsProperties(@NotEmpty List<@NotBlank @Size(max = 40) String> ticketTypes,
		@Min(0) int lookupConcurrency, @Name("import") @DefaultValue @Valid ImportSettings importing) {

	public SubjectsProperties {
		ticketTypes = ticketTypes == null ? List.of() : List.copyOf(ticketTypes);
		importing = importing == null ? ImportSettings.DEFAULTS : importing;
	}

	/** {@link #lookupConcurrency()} with 0 resolved. */
	public int effectiveLookupConcurrency() {
		return lookupConcurrency > 0 ? lookupConcurrency : 2 * Runtime.getRuntime().availableProcessors();
	}

	/**
	 * What a city file may be, checked while it is read (a file beyond a limit is refused at once, nothing is
	 * imported), and when a full file is held for a floor manager's confirmation. The defaults come from the 別紙:
	 * 別紙3 has 84 columns and the longest line of a generated 190,000-row 別紙3 file is about 1,600 bytes (the
	 * average 320), so a legitimate file is about 60 MB as CSV.
	 *
	 * @param maxFileSize          the largest upload (default 200 MB, three times a full 別紙3 CSV)
	 * @param maxLineLength        the most characters one CSV record may have (default 32,768: twenty times the
	 *                             longest legitimate line)
	 * @param maxCellLength        the most characters one cell may have (default 4,000; an address is under 200,
	 *                             the free-text columns of 別紙3 under a few hundred)
	 * @param maxColumns           the most columns a row may have (default 100: 別紙3's 84 and room for blank
	 *                             columns a spreadsheet adds at the end)
	 * @param maxRows              the most data rows a file may have (default 500,000: more than twice the
	 *                             programme's 190,000 subjects)
	 * @param maxXlsxPartSize      the largest unpacked sheet of an XLSX file (default 1 GB; a 190,000-row 別紙3
	 *                             sheet is about 300 MB)
	 * @param maxSharedStringsSize the largest unpacked shared-strings part of an XLSX file, which is held in memory
	 *                             while the sheet is read (default 100 MB)
	 * @param guard                when a full file is held instead of applied
	 */
	public record ImportSettings(@DefaultValue("200MB") @NotNull DataSize maxFileSize,
			@DefaultValue("32768") @Min(1024) int maxLineLength, @DefaultValue("4000") @Min(100) int maxCellLength,
			@DefaultValue("100") @Min(84) int maxColumns, @DefaultValue("500000") @Min(1) int maxRows,
			@DefaultValue("1GB") @NotNull DataSize maxXlsxPartSize,
			@DefaultValue("100MB") @NotNull DataSize maxSharedStringsSize, @DefaultValue @Valid Guard guard) {

		/** The defaults above, for code that builds the settings itself (tests, tools). */
		public static final ImportSettings DEFAULTS = new ImportSettings(DataSize.ofMegabytes(200), 32_768, 4_000, 100,
				500_000, DataSize.ofGigabytes(1), DataSize.ofMegabytes(100), Guard.DEFAULTS);

		public ImportSettings {
			guard = guard == null ? Guard.DEFAULTS : guard;
		}
	}

	/**
	 * The mass-ending guard: a full file ends every subject of its kind that it no longer holds, so a tiny or wrong
	 * file would end almost everyone. Such a file is held — nothing changes — until a floor manager confirms it with
	 * the exact number of subjects it ends. A file is held when, against the subjects of its kind active before it:
	 * <ul>
	 * <li>it would end more than {@code maxEndedShare} of them (default 2 %: a month's deaths and moves are well
	 * below 1 %), or</li>
	 * <li>its valid rows are fewer than {@code minValidShare} of them (default 50 %: a full file holds nearly
	 * everyone; half of them missing or rejected means a wrong, truncated or broken file even when the rejected
	 * rows keep their subjects from ending).</li>
	 * </ul>
	 * A difference of at most {@code tolerance} subjects (ended, or missing valid rows) never holds a file, so that a
	 * small population's ordinary turnover (a pilot, a test) is not held for one person. A file with no valid row is
	 * never applied, confirmed or not.
	 *
	 * @param maxEndedShare share of the active subjects a file may end without confirmation (0–1)
	 * @param minValidShare share of the active subjects a file's valid rows must reach (0–1)
	 * @param tolerance     a difference of at most this many subjects never holds a file
	 */
	public record Guard(@DefaultValue("0.02") @DecimalMin("0") @DecimalMax("1") double maxEndedShare,
			@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double minValidShare,
			@DefaultValue("10") @Min(0) int tolerance) {

		public static final Guard DEFAULTS = new Guard(0.02, 0.5, 10);
	}
}
