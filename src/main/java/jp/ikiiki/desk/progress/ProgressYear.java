package jp.ikiiki.desk.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's progress record for one business year: 別紙3 columns 49–84 and the dates that are not columns of
 * 別紙3 (notice sent, paid).
 *
 * @param addressNumber 宛名番号
 * @param businessYear  the year it begins in (1 September–31 August)
 * @param values        columns 49..84 as text in the form the 別紙3 import reads (dates ISO, flags 1/0); an empty text is an empty cell
 * @param source        where the year's values came from
 * @param tallyBooklets verified booklets behind columns 55–75 (0 when the figures are not the tally's)
 * @param noticeSentOn  the 獲得ポイント通知 was sent (第8章); null if not (yet) known
 * @param paidOn        the 奨励金 was paid (第7章1(5)); null if not (yet) known
 */
public record ProgressYear(String addressNumber, int businessYear, List<String> values, Source source,
		int tallyBooklets, LocalDate noticeSentOn, LocalDate paidOn) {

	public ProgressYear {
		if (values.size() != YearColumns.COUNT) {
			throw new IllegalArgumentException("a year has 36 values, not " + values.size());
		}
		values = List.copyOf(values);
	}

	/** Where a year's values came from. */
	public enum Source {
		/** The year-less 別紙3 record kept before years were separated, assigned a year by the migration. */
		MIGRATED("移行前の記録"),
		/** The predecessor's data, loaded by the opening-balance import (第9章1(1)). */
		OPENING("前任者からの引継ぎ"),
		/** Produced by this system (the tally received or verified a booklet of the year). */
		SYSTEM("本システムで集計");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		/** The Japanese label. */
		public String label() {
			return label;
		}
	}

	/** The value of column {@code number} (49–84); empty text when empty. */
	public String value(int number) {
		return values.get(YearColumns.index(number));
	}

	/** Column {@code number} as a whole number; null when empty or not a number. */
	public Integer number(int number) {
		String v = value(number);
		return v.matches("[0-9]{1,9}") ? Integer.valueOf(v) : null;
	}

	/** Column {@code number} as a date; null when empty or not an ISO date. */
	public LocalDate date(int number) {
		String v = value(number);
		try {
			return v.isEmpty() ? null : LocalDate.parse(v);
		} catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	/** Credited points: min(ポイント合計, 上限ポイント); null when either is unknown. */
	public Integer credited() {
		Integer total = number(YearColumns.TOTAL);
		Integer cap = number(YearColumns.CAP);
		return total == null || cap == null ? null : Math.min(total, cap);
	}
}
