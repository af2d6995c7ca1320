package jp.ikiiki.desk.notices;

/** Which of a month's two notice runs (第8章2: 月2回, 中旬と下旬). */
public enum Half {
	/** 中旬. */
	MID("中旬"),
	/** 下旬. */
	LATE("下旬");

	private final String label;

	Half(String label) {
		this.label = label;
	}

	/** The Japanese name. */
	public String label() {
		return label;
	}
}
