package jp.ikiiki.desk.agentdesk;

/** Who called: often not the subject but someone on their behalf. */
public enum CallerKind {
	SUBJECT("本人"),
	FAMILY("家族"),
	CARE_MANAGER("ケアマネジャー等"),
	GROUP("活動団体・医療機関等"),
	OTHER("その他");

	private final String label;

	CallerKind(String label) {
		this.label = label;
	}

	/** The Japanese label. */
	public String label() {
		return label;
	}
}
