package jp.ikiiki.desk.keying;

/** The two keyings of a document. */
public enum Pass {
	/** The first keying (エントリー). */
	ENTRY("エントリー"),
	/** The second keying, compared field by field with the first (ベリファイ). */
	VERIFY("ベリファイ");

	private final String label;

	Pass(String label) {
		this.label = label;
	}

	/** The Japanese label. */
	public String label() {
		return label;
	}
}
