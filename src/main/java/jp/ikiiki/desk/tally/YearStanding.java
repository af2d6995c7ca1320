package jp.ikiiki.desk.tally;

/** Where an open business year stands among the three the contract keeps open at once (第7章1(2)). */
public enum YearStanding {
	/** 旧々事業年度: the oldest, its booklets' deadline passing and its last payments due. */
	OLDEST("旧々"),
	/** 旧事業年度. */
	OLD("旧"),
	/** 新事業年度: the newest. */
	NEW("新");

	private final String label;

	YearStanding(String label) {
		this.label = label;
	}

	/** 旧々, 旧 or 新. */
	public String label() {
		return label;
	}
}
