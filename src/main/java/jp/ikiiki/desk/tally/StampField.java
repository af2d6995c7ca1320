package jp.ikiiki.desk.tally;

import java.util.List;
import java.util.Optional;

/**
 * The fields keyed for each booklet, in the order the keying screens and the verify comparison go through them
 * (第7章1(1): 地域の支え手 4P and 2P, 受診 2P per check-up kind, 健康づくり 1P; and the stamps found void). The
 * {@link #apiName() API name} is how the HTTP API and its mismatch lists name a field.
 */
public enum StampField {
	STAMPS_4P("stamps4p", "地域の支え手 4P", 4),
	STAMPS_2P("stamps2p", "地域の支え手 2P", 2),
	CHECKUP_1(1), CHECKUP_2(2), CHECKUP_3(3), CHECKUP_4(4), CHECKUP_5(5), CHECKUP_6(6), CHECKUP_7(7),
	CHECKUP_8(8), CHECKUP_9(9), CHECKUP_10(10), CHECKUP_11(11), CHECKUP_12(12), CHECKUP_13(13), CHECKUP_14(14),
	STAMPS_1P("stamps1p", "健康づくり 1P", 1),
	/** Stamps found void (unreadable number or date, a second stamp on one day): counted, worth nothing. */
	VOID_STAMPS("voidStamps", "無効スタンプ", 0);

	/** Every field in keying order. */
	public static final List<StampField> ALL = List.of(values());

	private final String apiName;
	private final String label;
	private final int points;
	private final int checkup;

	StampField(String apiName, String label, int points) {
		this.apiName = apiName;
		this.label = label;
		this.points = points;
		this.checkup = 0;
	}

	StampField(int checkup) {
		this.apiName = "checkups[" + (checkup - 1) + "]";
		this.label = "受診 2P（" + checkup + "）";
		this.points = 2;
		this.checkup = checkup;
	}

	/** The name in the HTTP API: stamps4p, stamps2p, checkups[0] … checkups[13], stamps1p, voidStamps. */
	public String apiName() {
		return apiName;
	}

	/** The default Japanese label (check-up kinds take theirs from configuration on screens). */
	public String label() {
		return label;
	}

	/** Points one stamp of this kind is worth (0 for void stamps). */
	public int points() {
		return points;
	}

	/** 1–14 for a check-up kind, 0 otherwise. */
	public int checkup() {
		return checkup;
	}

	/** True for the 14 check-up kinds. */
	public boolean isCheckup() {
		return checkup > 0;
	}

	/** The field a stored field number (its ordinal) stands for. */
	public static StampField ofNumber(int number) {
		return values()[number];
	}

	/** The field with this API name. */
	public static Optional<StampField> ofApiName(String name) {
		for (StampField f : values()) {
			if (f.apiName.equals(name)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

	/** The field of check-up kind {@code kind} (1–14). */
	public static StampField checkup(int kind) {
		if (kind < 1 || kind > 14) {
			throw new IllegalArgumentException("check-up kind 1–14: " + kind);
		}
		return values()[CHECKUP_1.ordinal() + kind - 1];
	}
}
