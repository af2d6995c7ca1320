package jp.ikiiki.desk.mailings.internal;

import java.text.Normalizer;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;

/**
 * Japan Post's 引受番号 for 書留 and 簡易書留: 11 digits written ***-**-*****-*, the last being a check digit equal
 * to the first ten digits, read as one number, modulo 7 (so it is 0–6). Ten digits are the range the post office
 * hands out; the check digit is computed here.
 */
final class RegisteredNumber {

	static final long MAX_BASE = 9_999_999_999L;

	private RegisteredNumber() {
	}

	/** The check digit of a 10-digit base. */
	static int checkDigit(long base) {
		requireBase(base);
		return (int) (base % 7);
	}

	/** The 11 digits (no hyphens) of a base and its check digit. */
	static String of(long base) {
		return String.format("%010d%d", base, checkDigit(base));
	}

	/** As printed on the labels: 123-45-67890-1. */
	static String display(String elevenDigits) {
		if (elevenDigits == null || elevenDigits.length() != 11) {
			return elevenDigits;
		}
		return elevenDigits.substring(0, 3) + "-" + elevenDigits.substring(3, 5) + "-" + elevenDigits.substring(5, 10)
				+ "-" + elevenDigits.substring(10);
	}

	/** Digits only: hyphens, spaces and full-width digits tolerated. */
	static String digits(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\-ー－‐]", "");
	}

	/** {@link #parseBase(String, String)} for the field 引受番号. */
	static long parseBase(String text) {
		return parseBase("引受番号", text);
	}

	/**
	 * The base of a number as the operator types it: 10 digits, or 11 whose last must be the check digit.
	 *
	 * @param field the field as the operator knows it, named in the refusal
	 * @throws InvalidInputException naming the field, with a message for the operator
	 */
	static long parseBase(String field, String text) {
		String d = digits(text);
		if (!d.matches("[0-9]{10,11}")) {
			throw new InvalidInputException(field, field + "は10桁（チェックデジットなし）または11桁で入力してください: "
					+ (text == null ? "" : text.strip()));
		}
		long base = Long.parseLong(d.substring(0, 10));
		if (d.length() == 11 && d.charAt(10) - '0' != checkDigit(base)) {
			throw new InvalidInputException(field, field + " " + text.strip() + " のチェックデジットが違います（正しくは "
					+ checkDigit(base) + "）");
		}
		return base;
	}

	/** True if the text is an 11-digit number with a correct check digit. */
	static boolean valid(String text) {
		String d = digits(text);
		return d.matches("[0-9]{11}") && d.charAt(10) - '0' == checkDigit(Long.parseLong(d.substring(0, 10)));
	}

	/** A range the post office handed out, with the next unused base. */
	record Range(long id, long next, long last) {
		long left() {
			return Math.max(0, last - next + 1);
		}
	}

	/** The bases taken, in order, and each range's next unused base afterwards. */
	record Allocation(java.util.List<Long> bases, java.util.Map<Long, Long> nextById) {
	}

	/**
	 * Takes {@code needed} consecutive unused bases from the ranges, oldest range first. Nothing is taken unless all
	 * fit: running out is an error, never a reuse.
	 *
	 * @throws StateConflictException if the ranges hold fewer unused numbers than needed (message for the operator)
	 */
	static Allocation allocate(java.util.List<Range> ranges, int needed) {
		long left = ranges.stream().mapToLong(Range::left).sum();
		if (left < needed) {
			throw new StateConflictException("引受番号が足りません（必要 " + needed + " 件、残り " + left
					+ " 件）。郵便局から受け取った番号帯を登録してください");
		}
		var bases = new java.util.ArrayList<Long>(needed);
		var next = new java.util.LinkedHashMap<Long, Long>();
		for (Range r : ranges) {
			long n = r.next();
			while (n <= r.last() && bases.size() < needed) {
				bases.add(n++);
			}
			if (n != r.next()) {
				next.put(r.id(), n);
			}
			if (bases.size() == needed) {
				break;
			}
		}
		return new Allocation(bases, next);
	}

	private static void requireBase(long base) {
		if (base < 0 || base > MAX_BASE) {
			throw new IllegalArgumentException("base out of range");
		}
	}
}
