package jp.ikiiki.desk.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The 21 figures of 別紙3 columns 55–75 of one subject and business year, derived from the verified keying and never
 * typed. Columns 55–72 hold points per activity kind (第7章1(1): ポイント数を活動の種類ごとに集計): 活動4P = 4 × the
 * 4P stamps, 活動2P = 2 × the 2P stamps, 受診2P_1 … 受診2P_14 = 2 × the stamps of each check-up kind, 受診2P小計 their
 * sum, 健康1P = the 1P stamps; 73 ポイント合計 is their total before the cap, 74 上限ポイント the cap and 75 支払金額
 * the amount in yen (min(total, cap) × yen per point).
 *
 * @param addressNumber 宛名番号
 * @param businessYear  the year it begins in
 * @param points        the subject's year, from which every column is derived
 */
public record ProgressFigures(String addressNumber, int businessYear, YearPoints points) {

	/** The first column these figures fill. */
	public static final int FIRST_COLUMN = 55;
	/** The last column these figures fill. */
	public static final int LAST_COLUMN = 75;

	/** The 21 values of columns 55 to 75, in column order. */
	public List<Integer> columns() {
		StampCounts c = points.counts();
		var values = new ArrayList<Integer>(21);
		values.add(4 * c.stamps4p());
		values.add(2 * c.stamps2p());
		for (int n : c.checkups()) {
			values.add(2 * n);
		}
		values.add(2 * c.checkupStamps());
		values.add(c.stamps1p());
		values.add(points.total());
		values.add(points.cap());
		values.add(Math.toIntExact(points.amountYen()));
		return List.copyOf(values);
	}

	/** The value of one column, 55 to 75. */
	public int column(int number) {
		if (number < FIRST_COLUMN || number > LAST_COLUMN) {
			throw new IllegalArgumentException("別紙3 columns 55–75 only: " + number);
		}
		return columns().get(number - FIRST_COLUMN);
	}
}
