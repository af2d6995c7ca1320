package jp.ikiiki.desk.notices.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.YearPoints;

/** The print values of one person's 獲得ポイント通知 (第8章1: points per activity kind), as printed. */
final class NoticeFields {

	private NoticeFields() {
	}

	static String yen(long amount) {
		return String.format("%,d", amount);
	}

	static Map<String, String> of(YearPoints year, boolean withAccountForm, List<String> checkupLabels) {
		StampCounts c = year.counts();
		var f = new LinkedHashMap<String, String>();
		f.put(PrintFields.BUSINESS_YEAR, BusinessYear.labelOf(year.businessYear()));
		f.put(PrintFields.POINTS_4P, Integer.toString(4 * c.stamps4p()));
		f.put(PrintFields.POINTS_2P, Integer.toString(2 * c.stamps2p()));
		for (int k = 1; k <= 14; k++) {
			f.put(PrintFields.checkupPoints(k), Integer.toString(2 * c.checkups().get(k - 1)));
			String label = k <= checkupLabels.size() ? checkupLabels.get(k - 1) : "";
			if (!label.isBlank()) {
				f.put(PrintFields.checkupLabel(k), label);
			}
		}
		f.put(PrintFields.CHECKUP_POINTS, Integer.toString(2 * c.checkupStamps()));
		f.put(PrintFields.POINTS_1P, Integer.toString(c.stamps1p()));
		f.put(PrintFields.TOTAL_POINTS, Integer.toString(year.total()));
		f.put(PrintFields.CAP_POINTS, Integer.toString(year.cap()));
		f.put(PrintFields.CREDITED_POINTS, Integer.toString(year.credited()));
		f.put(PrintFields.PAYMENT_AMOUNT, yen(year.amountYen()));
		f.put(PrintFields.VOID_STAMPS, Integer.toString(c.voidStamps()));
		String note = note(year, withAccountForm);
		if (!note.isEmpty()) {
			f.put(PrintFields.NOTICE_NOTE, note);
		}
		return f;
	}

	/** The sentences for the person: every stamp void (第8章3), points above the cap, the account form enclosed. */
	static String note(YearPoints year, boolean withAccountForm) {
		var s = new StringBuilder();
		if (year.total() == 0 && year.counts().voidStamps() > 0) {
			s.append("押印されたスタンプはすべて無効（判読できない、同じ日に二つ目の押印など）のため、ポイントはありません。");
		}
		if (year.overCap() > 0) {
			s.append("上限を超えた").append(year.overCap()).append("ポイントは支払の対象になりません。");
		}
		if (withAccountForm) {
			s.append("同封の口座登録用紙に振込先口座をご記入のうえ、返信用封筒でご返送ください。");
		}
		return s.toString();
	}
}
