package jp.ikiiki.desk.postal;

import static jp.ikiiki.desk.postal.Bar.LONG;
import static jp.ikiiki.desk.postal.Bar.SEMI_LONG_LOWER;
import static jp.ikiiki.desk.postal.Bar.SEMI_LONG_UPPER;
import static jp.ikiiki.desk.postal.Bar.TIMING;

import java.util.List;

/**
 * One character of the customer barcode with its check-digit value (0–9 digits, 10 hyphen, 11–18 CC1–CC8) and its
 * three bars (郵便番号・バーコードマニュアル, バーコードの構成). Letters are not characters of their own: a letter is a
 * control code CC1–CC3 followed by a digit ({@link #forLetter(char)}).
 */
public enum BarcodeCharacter {
	D0("0", 0, LONG, TIMING, TIMING),
	D1("1", 1, LONG, LONG, TIMING),
	D2("2", 2, LONG, SEMI_LONG_LOWER, SEMI_LONG_UPPER),
	D3("3", 3, SEMI_LONG_LOWER, LONG, SEMI_LONG_UPPER),
	D4("4", 4, LONG, SEMI_LONG_UPPER, SEMI_LONG_LOWER),
	D5("5", 5, LONG, TIMING, LONG),
	D6("6", 6, SEMI_LONG_LOWER, SEMI_LONG_UPPER, LONG),
	D7("7", 7, SEMI_LONG_UPPER, LONG, SEMI_LONG_LOWER),
	D8("8", 8, SEMI_LONG_UPPER, SEMI_LONG_LOWER, LONG),
	D9("9", 9, TIMING, LONG, LONG),
	HYPHEN("-", 10, TIMING, LONG, TIMING),
	CC1("CC1", 11, SEMI_LONG_LOWER, SEMI_LONG_UPPER, TIMING),
	CC2("CC2", 12, SEMI_LONG_LOWER, TIMING, SEMI_LONG_UPPER),
	CC3("CC3", 13, SEMI_LONG_UPPER, SEMI_LONG_LOWER, TIMING),
	CC4("CC4", 14, TIMING, SEMI_LONG_LOWER, SEMI_LONG_UPPER),
	CC5("CC5", 15, SEMI_LONG_UPPER, TIMING, SEMI_LONG_LOWER),
	CC6("CC6", 16, TIMING, SEMI_LONG_UPPER, SEMI_LONG_LOWER),
	CC7("CC7", 17, TIMING, TIMING, LONG),
	CC8("CC8", 18, LONG, LONG, LONG);

	/** スタートコード: two bars before the first character. */
	public static final List<Bar> START = List.of(LONG, SEMI_LONG_LOWER);
	/** ストップコード: two bars after the check digit. */
	public static final List<Bar> STOP = List.of(SEMI_LONG_LOWER, LONG);

	private final String label;
	private final int value;
	private final List<Bar> bars;

	BarcodeCharacter(String label, int value, Bar first, Bar second, Bar third) {
		this.label = label;
		this.value = value;
		this.bars = List.of(first, second, third);
	}

	/** As the manual writes it: the digit, "-", or "CC1"… "CC8". */
	public String label() {
		return label;
	}

	/** Value for the check digit, 0–18. */
	public int value() {
		return value;
	}

	/** The three bars, left to right. */
	public List<Bar> bars() {
		return bars;
	}

	/** The character with this check-digit value (0–18). */
	public static BarcodeCharacter ofValue(int value) {
		if (value < 0 || value > 18) {
			throw new IllegalArgumentException("value " + value);
		}
		return values()[value];
	}

	/** The digit 0–9 or the hyphen. */
	public static BarcodeCharacter of(char c) {
		if (c == '-') {
			return HYPHEN;
		}
		if (c >= '0' && c <= '9') {
			return values()[c - '0'];
		}
		throw new IllegalArgumentException("not a digit or hyphen");
	}

	/** A–J are CC1 + 0–9, K–T are CC2 + 0–9, U–Z are CC3 + 0–5. */
	public static List<BarcodeCharacter> forLetter(char letter) {
		if (letter < 'A' || letter > 'Z') {
			throw new IllegalArgumentException("not a letter A-Z");
		}
		int index = letter - 'A';
		return List.of(ofValue(11 + index / 10), ofValue(index % 10));
	}

	/** The character whose three bars these are, or null if no character has them. */
	public static BarcodeCharacter ofBars(List<Bar> threeBars) {
		for (BarcodeCharacter c : values()) {
			if (c.bars.equals(threeBars)) {
				return c;
			}
		}
		return null;
	}
}
