package jp.ikiiki.desk.deliverables;

/**
 * When a kind is owed, as the contract's table says it (第9章1(2) 提出時期; 第1章5(1) for the work report). Due dates
 * fall on open days of the city: a date that is not one moves back to the open day before it.
 */
public enum DeliverableSchedule {
	/** 毎月(中旬): one period per month, due by the 20th. */
	MID_MONTH("毎月中旬"),
	/** 毎月(下旬): one period per month, due by the month's last day. */
	LATE_MONTH("毎月下旬"),
	/** 毎月2回(中旬、下旬): two periods per month, due by the 20th and by the last day. */
	TWICE_MONTHLY("毎月2回（中旬・下旬）"),
	/** 毎月初旬 (第1章5(1)): the previous month's report, due by the 10th. */
	EARLY_MONTH("毎月初旬（前月分）"),
	/** 随時: one period per occurrence the kind names (an applied import), due a few open days after it. */
	AS_NEEDED("随時");

	private final String label;

	DeliverableSchedule(String label) {
		this.label = label;
	}

	/** Japanese label as in the contract's table. */
	public String label() {
		return label;
	}
}
