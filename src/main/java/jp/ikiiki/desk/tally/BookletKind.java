package jp.ikiiki.desk.tally;

/** The main booklet of a year or the additional one (追加手帳): a second booklet of the same year, not a duplicate. */
public enum BookletKind {
	/** The year's booklet (別紙3 col 76 names its scan). */
	MAIN("本手帳"),
	/** 追加手帳 (別紙3 col 77 names its scan). */
	ADDITIONAL("追加手帳");

	private final String label;

	BookletKind(String label) {
		this.label = label;
	}

	/** 本手帳 or 追加手帳. */
	public String label() {
		return label;
	}

	/** ADDITIONAL for true. */
	public static BookletKind of(boolean additional) {
		return additional ? ADDITIONAL : MAIN;
	}
}
