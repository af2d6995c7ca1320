package jp.ikiiki.desk.postal;

/**
 * The four bar types of the customer barcode (郵便番号・バーコードマニュアル, バーコード). Heights and offsets are in
 * bar-width units: a bar is 1 unit wide, bars stand 2 units apart (pitch), the long bar is 6 units high (3.6 mm at
 * 10 point); the timing bar is the middle 2 units, the semi-long bars reach from the top or the bottom to the far edge
 * of the timing bar (4 units).
 */
public enum Bar {
	/** ロングバー: full height. */
	LONG(0, 6),
	/** セミロングバー（上）: top and middle. */
	SEMI_LONG_UPPER(0, 4),
	/** セミロングバー（下）: middle and bottom. */
	SEMI_LONG_LOWER(2, 4),
	/** タイミングバー: middle only. */
	TIMING(2, 2);

	/** Full height of the symbol in units. */
	public static final int SYMBOL_HEIGHT_UNITS = 6;

	private final int topUnits;
	private final int heightUnits;

	Bar(int topUnits, int heightUnits) {
		this.topUnits = topUnits;
		this.heightUnits = heightUnits;
	}

	/** Distance from the top of the symbol to the top of this bar, in units (0–2). */
	public int topUnits() {
		return topUnits;
	}

	/** Height of this bar in units (2–6). */
	public int heightUnits() {
		return heightUnits;
	}
}
