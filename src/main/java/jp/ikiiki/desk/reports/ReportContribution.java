package jp.ikiiki.desk.reports;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A part of the daily report and monthly summary that another module owns (counts by inquiry category,
 * escalations opened and closed, ...). Every Spring bean of this type adds one section to every report, in
 * {@link #order()}; the reports module knows nothing else of the module behind it.
 *
 * <p>A section is a list of typed {@link ReportLine lines}; the type, never the label, says what may be added up.
 * The report totals a section only over its {@link ReportLine.Part parts}: a {@link ReportLine.Subset subset}
 * (「うち…」) is shown under that total and never added; a {@link ReportLine.Count count on its own} and a
 * {@link ReportLine.Measure measure} (days, a rate) are never added, and a section without parts has no total.
 */
public interface ReportContribution {

	/** Stable key of the section, used as the JSON property of the report, e.g. {@code categories}. */
	String key();

	/** The section's Japanese heading in the XLSX and PDF, e.g. {@code 問合せ区分別件数}. */
	String title();

	/** Position among the sections, ascending. */
	int order();

	/**
	 * The section's lines for the days {@code from}..{@code to} inclusive (dates in Asia/Tokyo; {@code to} is
	 * today for a period still in progress). Lines with a zero count are included where the reader expects to see
	 * them (every category, even without calls). Subsets follow the parts they are a subset of.
	 */
	List<ReportLine> lines(LocalDate from, LocalDate to);

	/**
	 * One line of a section. In the JSON of a report each line has {@code kind} ({@code PART}, {@code SUBSET},
	 * {@code COUNT}, {@code MEASURE}), {@code group}, {@code label} and either {@code count} or {@code value} with
	 * {@code unit}.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = ReportLine.Part.class, name = "PART"),
			@JsonSubTypes.Type(value = ReportLine.Subset.class, name = "SUBSET"),
			@JsonSubTypes.Type(value = ReportLine.Count.class, name = "COUNT"),
			@JsonSubTypes.Type(value = ReportLine.Measure.class, name = "MEASURE") })
	sealed interface ReportLine permits ReportLine.Part, ReportLine.Subset, ReportLine.Count, ReportLine.Measure {

		/** The first level of a two-level breakdown (e.g. the parent category), or null. */
		String group();

		/** What the line is, in Japanese. */
		String label();

		/**
		 * A count that is one part of the section's whole: every item counted by the section is in exactly one
		 * part, so the parts add up to the section's 合計 (calls per inquiry category).
		 *
		 * @param count 0 or more
		 */
		record Part(String group, String label, long count) implements ReportLine {
			public Part {
				requireCount(label, count);
			}
		}

		/**
		 * A count of some of the items the parts count (「うち手動記録」): shown under the section's 合計 and never
		 * added to it. Not more than the parts' total.
		 *
		 * @param count 0 or more
		 */
		record Subset(String group, String label, long count) implements ReportLine {
			public Subset {
				requireCount(label, count);
			}
		}

		/**
		 * A count on its own, not a part of a whole (cases reported to the city in the period; cases still open at
		 * its end: one case may be in several such lines): never added to anything.
		 *
		 * @param count 0 or more
		 */
		record Count(String group, String label, long count) implements ReportLine {
			public Count {
				requireCount(label, count);
			}
		}

		/**
		 * A figure that is not a count of items — a number of days, a rate — written with its unit and never added.
		 *
		 * @param value the figure in its unit (a {@link Unit#SHARE} is 0..1)
		 * @param unit  its unit
		 */
		record Measure(String group, String label, double value, Unit unit) implements ReportLine {
			public Measure {
				Objects.requireNonNull(label, "label");
				Objects.requireNonNull(unit, "unit");
				if (!Double.isFinite(value)) {
					throw new IllegalArgumentException("measure '" + label + "' is not a finite number");
				}
			}
		}

		/** A part without a group. */
		static Part part(String label, long count) {
			return new Part(null, label, count);
		}

		/** A subset without a group. */
		static Subset subset(String label, long count) {
			return new Subset(null, label, count);
		}

		/** A count on its own, without a group. */
		static Count count(String label, long count) {
			return new Count(null, label, count);
		}

		/** A measure without a group. */
		static Measure measure(String label, double value, Unit unit) {
			return new Measure(null, label, value, unit);
		}

		private static void requireCount(String label, long count) {
			Objects.requireNonNull(label, "label");
			if (count < 0) {
				throw new IllegalArgumentException("count of '" + label + "' is negative: " + count);
			}
		}
	}

	/** The unit of a {@link ReportLine.Measure}. */
	enum Unit {
		/** Calendar days. */
		DAYS("日"),
		/** Open days of the call centre (第6章1(1)). */
		OPEN_DAYS("開庁日"),
		/** A share 0..1, written as a percentage. */
		SHARE("%"),
		/** Seconds. */
		SECONDS("秒");

		private final String label;

		Unit(String label) {
			this.label = label;
		}

		/** How the unit is written after the figure. */
		public String label() {
			return label;
		}
	}
}
