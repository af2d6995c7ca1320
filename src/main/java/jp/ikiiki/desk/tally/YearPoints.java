package jp.ikiiki.desk.tally;

/**
 * One subject's points for one business year over the VERIFIED booklets of that year (nothing unverified reaches a
 * total): points before the cap, the cap (上限ポイント) and the rule that set it, the credited points, the amount and
 * the points above the cap (listed for the 記念品抽選).
 *
 * @param addressNumber    宛名番号
 * @param businessYear     the year it begins in
 * @param counts           verified stamps per kind, summed over the year's verified booklets
 * @param total            points before the cap (別紙3 col 73)
 * @param cap              上限ポイント (col 74)
 * @param capRule          the name of the cap rule applied; null for the base cap
 * @param credited         min(total, cap)
 * @param overCap          total − credited (0 when under the cap)
 * @param amountYen        credited × yen per point (col 75)
 * @param state            whether the year's booklets are all verified
 * @param booklets         booklets of the year received
 * @param verifiedBooklets of them, verified
 */
public record YearPoints(String addressNumber, int businessYear, StampCounts counts, int total, int cap, String capRule,
		int credited, int overCap, long amountYen, State state, int booklets, int verifiedBooklets) {

	/** How far the year's booklets are. */
	public enum State {
		/** No booklet of the year received. */
		NONE("手帳未提出"),
		/** Booklets received, at least one not verified yet: the figures hold the verified ones only. */
		IN_PROGRESS("集計中"),
		/** Every booklet received for the year is verified. */
		VERIFIED("確定");

		private final String label;

		State(String label) {
			this.label = label;
		}

		/** The Japanese label. */
		public String label() {
			return label;
		}
	}
}
