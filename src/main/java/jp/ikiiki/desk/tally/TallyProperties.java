package jp.ikiiki.desk.tally;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The tally's configuration ({@code ikiiki.tally}); defaults in {@code application.yml} are the contract's values.
 *
 * @param openYears      the business years open at once, at most three; empty: those of the current fiscal year F
 *                       (F−2, F−1, F), so that the years roll over every April without a change here
 * @param years          dates of single years where they differ from the rules of the contract (keys: the year it
 *                       begins in)
 * @param yenPerPoint    奨励金 per credited point, in yen
 * @param baseCap        上限ポイント of a subject no cap rule applies to (第7章: 100 P)
 * @param capRules       lower caps for subjects who also receive other support (the city's published rules); the
 *                       lowest that applies wins
 * @param checkupLabels  names of the 14 check-up kinds (受診 2P 1–14) as the booklet prints them, for the keying
 *                       screens; empty: numbered only
 * @param maxStamps      the largest count one field of one booklet may hold (a keying error check)
 * @param claimTimeout   a keying pass left untouched this long may be taken over by another operator
 * @param scan           scanned booklets
 */
@Validated
@ConfigurationProperties("ikiiki.tally")
public record TallyProperties(List<Integer> openYears, Map<Integer, @Valid YearSettings> years,
		@Min(1) @Max(10_000) int yenPerPoint, @Min(1) @Max(10_000) int baseCap, List<@Valid CapRule> capRules,
		List<String> checkupLabels, @Min(1) @Max(9_999) int maxStamps, @NotNull Duration claimTimeout,
		@NotNull @Valid Scan scan) {

	/** The contract's number of check-up kinds (別紙3 cols 57–70). */
	public static final int CHECKUP_KINDS = 14;

	public TallyProperties {
		openYears = openYears == null ? List.of() : openYears.stream().sorted().distinct().toList();
		if (openYears.size() > 3) {
			throw new IllegalArgumentException("ikiiki.tally.open-years: at most three business years are open at once "
					+ "(旧々, 旧, 新), got " + openYears);
		}
		for (int i = 1; i < openYears.size(); i++) {
			if (openYears.get(i) != openYears.get(i - 1) + 1) {
				throw new IllegalArgumentException("ikiiki.tally.open-years must be consecutive years, got " + openYears);
			}
		}
		years = years == null ? Map.of() : new TreeMap<>(years);
		capRules = capRules == null ? List.of() : List.copyOf(capRules);
		for (CapRule rule : capRules) {
			if (rule.cap() > baseCap) {
				throw new IllegalArgumentException("ikiiki.tally.cap-rules: " + rule.name() + " caps at " + rule.cap()
						+ " P, above the base cap of " + baseCap + " P");
			}
		}
		if (checkupLabels == null || checkupLabels.isEmpty()) {
			checkupLabels = java.util.Collections.nCopies(CHECKUP_KINDS, "");
		} else if (checkupLabels.size() != CHECKUP_KINDS) {
			throw new IllegalArgumentException("ikiiki.tally.checkup-labels needs exactly " + CHECKUP_KINDS
					+ " names (受診2P_1 … 受診2P_14), got " + checkupLabels.size());
		} else {
			checkupLabels = checkupLabels.stream().map(l -> l == null ? "" : l.strip()).toList();
		}
	}

	/** The settings of {@code year}, or all-default ones. */
	public YearSettings settingsOf(int year) {
		return years.getOrDefault(year, YearSettings.DEFAULTS);
	}

	/**
	 * Dates of one business year that differ from the contract's rules; each blank one follows the rule.
	 *
	 * @param bookletDeadline last day the city may receive the year's booklets (yyyy-MM-dd); rule: 31 March after
	 *                        the year ends (第7章1(2): 2024-09..2025-08 due 2026-03-31)
	 * @param noticesFrom     first month of the year's notices (yyyy-MM); rule: the February after the year begins
	 *                        (第8章2: the 新 year 2026 from 2027-02)
	 * @param paymentMonths   months of the year's payments (yyyy-MM, or yyyy-MM..yyyy-MM for a run of months); rule:
	 *                        every month from May after the year begins to May after it ends (第7章1(5): the 旧 year
	 *                        2025 from 2026-05, the 旧々 year 2024 in 2026-04 and 2026-05)
	 */
	public record YearSettings(String bookletDeadline, String noticesFrom, List<String> paymentMonths) {

		static final YearSettings DEFAULTS = new YearSettings(null, null, null);

		public YearSettings {
			// Parse once here so that a mistyped date stops the start-up with the key and value.
			if (bookletDeadline != null && !bookletDeadline.isBlank()) {
				parseDate("booklet-deadline", bookletDeadline);
			}
			if (noticesFrom != null && !noticesFrom.isBlank()) {
				parseMonth("notices-from", noticesFrom);
			}
			paymentMonths = paymentMonths == null ? null : List.copyOf(paymentMonths);
			if (paymentMonths != null) {
				paymentMonths.forEach(m -> expandMonths(m));
			}
		}

		/** The deadline if set, else null. */
		public LocalDate deadline() {
			return bookletDeadline == null || bookletDeadline.isBlank() ? null : parseDate("booklet-deadline", bookletDeadline);
		}

		/** The first notice month if set, else null. */
		public YearMonth firstNoticeMonth() {
			return noticesFrom == null || noticesFrom.isBlank() ? null : parseMonth("notices-from", noticesFrom);
		}

		/** The payment months if set (possibly empty: the city has not said yet), else null. */
		public List<YearMonth> months() {
			if (paymentMonths == null) {
				return null;
			}
			var all = new ArrayList<YearMonth>();
			paymentMonths.forEach(m -> all.addAll(expandMonths(m)));
			return all.stream().sorted().distinct().toList();
		}

		private static List<YearMonth> expandMonths(String text) {
			String s = text.strip();
			int dots = s.indexOf("..");
			if (dots < 0) {
				return List.of(parseMonth("payment-months", s));
			}
			YearMonth from = parseMonth("payment-months", s.substring(0, dots));
			YearMonth to = parseMonth("payment-months", s.substring(dots + 2));
			if (to.isBefore(from) || from.plusMonths(36).isBefore(to)) {
				throw new IllegalArgumentException("ikiiki.tally.years.*.payment-months: not a run of months: " + s);
			}
			var months = new ArrayList<YearMonth>();
			for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
				months.add(m);
			}
			return months;
		}

		private static LocalDate parseDate(String key, String text) {
			try {
				return LocalDate.parse(text.strip());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("ikiiki.tally.years.*." + key + " must be yyyy-MM-dd, got " + text);
			}
		}

		private static YearMonth parseMonth(String key, String text) {
			try {
				return YearMonth.parse(text.strip());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("ikiiki.tally.years.*." + key + " must be yyyy-MM, got " + text);
			}
		}
	}

	/**
	 * A lower cap (上限ポイント) for subjects who also receive other support. Every condition given must hold; a
	 * condition left out does not matter. Read from the subject's 別紙3 record: 交通助成 (col 14), 要介護認定状態
	 * (col 21, as the import normalises it: 要支援1, 要支援2, 要介護1 … 要介護5, 事業対象者, 非該当) and 障害者交通助成
	 * (col 25).
	 *
	 * @param name                     the rule's name as lists and screens show it
	 * @param cap                      the cap in points
	 * @param transportSubsidy         交通助成 must be this (1 = true)
	 * @param careLevels               要介護認定状態 must be one of these
	 * @param disabledTransportSubsidy 障害者交通助成 must be this
	 */
	public record CapRule(@NotBlank String name, @Min(0) int cap, Boolean transportSubsidy, List<String> careLevels,
			Boolean disabledTransportSubsidy) {

		public CapRule {
			careLevels = careLevels == null ? List.of() : List.copyOf(careLevels);
			if (transportSubsidy == null && careLevels.isEmpty() && disabledTransportSubsidy == null) {
				throw new IllegalArgumentException("ikiiki.tally.cap-rules: " + name + " has no condition");
			}
		}
	}

	/**
	 * Scanned booklets (第10章1).
	 *
	 * @param dir             where linked scans and the queue are kept (outside the database)
	 * @param inbox           the folder the scanner's PDFs are dropped into for 「フォルダから取込」
	 * @param maxFileSize     the largest file accepted
	 * @param maxPages        the most pages one booklet's file may have
	 * @param maxPageMm       the longest page side accepted, in mm (A3 is 420)
	 * @param maxImagePixels  the most pixels one embedded image may declare (a 300 dpi A4 page is 8.7 million)
	 * @param dpi             resolution the cover is rendered at to read its barcode
	 * @param threads         files read at once when a folder or an upload of several files is imported
	 */
	public record Scan(@NotNull Path dir, @NotNull Path inbox, @NotNull DataSize maxFileSize, @Min(1) @Max(2_000) int maxPages,
			@Min(50) @Max(2_000) int maxPageMm, @Min(1_000_000) long maxImagePixels, @Min(72) @Max(600) int dpi,
			@Min(1) @Max(16) int threads) {
	}
}
