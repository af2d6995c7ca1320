package jp.ikiiki.desk.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;

/**
 * The stamps of one booklet (or the sum over booklets) per kind, as keyed. Points: 4 × 4P + 2 × 2P + 2 × every
 * check-up stamp + 1 × 1P (第7章1(1)); void stamps are worth nothing but tell "no stamp at all" from "every stamp
 * void" (第8章3).
 *
 * @param stamps4p   地域の支え手となる活動 4P stamps
 * @param stamps2p   地域の支え手となる活動 2P stamps
 * @param checkups   受診 2P stamps per check-up kind, exactly 14 entries (kind 1 first)
 * @param stamps1p   健康づくり・介護予防活動 1P stamps
 * @param voidStamps stamps found void
 */
public record StampCounts(int stamps4p, int stamps2p, List<Integer> checkups, int stamps1p, int voidStamps) {

	/** No stamps at all. */
	public static final StampCounts ZERO = new StampCounts(0, 0, List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0);

	public StampCounts {
		if (checkups == null || checkups.size() != TallyProperties.CHECKUP_KINDS) {
			throw new InvalidInputException("checkups", "受診の件数は14種類すべてを指定してください");
		}
		for (int i = 0; i < checkups.size(); i++) {
			if (checkups.get(i) == null || checkups.get(i) < 0) {
				throw new InvalidInputException("checkups[" + i + "]", "件数は0以上の整数で指定してください");
			}
		}
		checkups = List.copyOf(checkups);
		if (stamps4p < 0 || stamps2p < 0 || stamps1p < 0 || voidStamps < 0) {
			throw new InvalidInputException("件数は0以上の整数で指定してください");
		}
	}

	/** The counts from values per field; every field must be present. */
	public static StampCounts of(Map<StampField, Integer> values) {
		var checkups = new ArrayList<Integer>(14);
		for (int k = 1; k <= 14; k++) {
			checkups.add(values.get(StampField.checkup(k)));
		}
		return new StampCounts(values.get(StampField.STAMPS_4P), values.get(StampField.STAMPS_2P), checkups,
				values.get(StampField.STAMPS_1P), values.get(StampField.VOID_STAMPS));
	}

	/** The value of one field. */
	public int get(StampField field) {
		return switch (field) {
			case STAMPS_4P -> stamps4p;
			case STAMPS_2P -> stamps2p;
			case STAMPS_1P -> stamps1p;
			case VOID_STAMPS -> voidStamps;
			default -> checkups.get(field.checkup() - 1);
		};
	}

	/** Check-up stamps of every kind together (別紙3 col 71 counts their points). */
	public int checkupStamps() {
		int sum = 0;
		for (int c : checkups) {
			sum += c;
		}
		return sum;
	}

	/** Stamps that count (every kind but void). */
	public int validStamps() {
		return stamps4p + stamps2p + checkupStamps() + stamps1p;
	}

	/** Points before the cap: 4 × 4P + 2 × 2P + 2 × check-ups + 1 × 1P. */
	public int points() {
		return 4 * stamps4p + 2 * stamps2p + 2 * checkupStamps() + stamps1p;
	}

	/** The sum of two booklets' counts. */
	public StampCounts plus(StampCounts other) {
		var sum = new ArrayList<Integer>(14);
		for (int i = 0; i < 14; i++) {
			sum.add(checkups.get(i) + other.checkups.get(i));
		}
		return new StampCounts(stamps4p + other.stamps4p, stamps2p + other.stamps2p, sum, stamps1p + other.stamps1p,
				voidStamps + other.voidStamps);
	}
}
