package jp.ikiiki.desk.mailings;

/** Why a subject is left out of a mailing batch (第4章3, 4 and the checks of 第4章1). Labels are shown to operators. */
public enum ExclusionReason {
	/** The item was already issued (ポイント手帳を交付済の者, 第4章3). */
	ALREADY_ISSUED("交付済"),
	/** Asked again before the first request was delivered (第4章3, 4): the person is in an open batch of this kind. */
	ASKED_AGAIN("交付前の再申出"),
	/** Already in another open (not yet dispatched) batch that sends the same item. */
	IN_OTHER_BATCH("他の未発送バッチに登録済"),
	/** The request was withdrawn before selection (申出を取り消すと連絡があつた者, 第4章3, 4). */
	CANCELLED("申出取消"),
	/** Not eligible for this mailing (ポイント事業対象外, 不交付, 交付停止, no ticket type …). */
	NOT_ELIGIBLE("対象外"),
	/** Absent from the city's latest files: moved out or otherwise no longer a subject. */
	MOVED_OUT("転出・資格喪失"),
	/** 死亡日 recorded. */
	DECEASED("死亡"),
	/** No postcode or no address to send to. */
	NO_ADDRESS("宛先不備"),
	/** A number of the city's list that matches no subject. */
	UNKNOWN_SUBJECT("対象者データなし"),
	/** The same number twice in the city's list: mailed once. */
	DUPLICATE_IN_LIST("リスト内重複");

	private final String label;

	ExclusionReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
