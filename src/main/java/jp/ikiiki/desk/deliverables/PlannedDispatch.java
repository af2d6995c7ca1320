package jp.ikiiki.desk.deliverables;

import java.time.LocalDate;
import java.util.List;

/**
 * One dispatch the contract plans (第4章1(2) 封入封かん時期): what goes out, in which part of the month, and the day by
 * which it must be handed to the post office (an open day of the city).
 *
 * @param kind   {@link #BOOKLET}, {@link #APPLICATION} or {@link #DECISION}
 * @param label  what goes out, in Japanese (「ポイント手帳（初回送付）」)
 * @param window 中旬, 下旬 or 月内 (the contract names only the month)
 * @param due    the last open day of the window: the 20th for 中旬, the month's last day otherwise, moved back to the
 *               open day on or before it
 * @param mailingKinds the codes of the mailing kinds whose dispatched batches fulfil it (第4章2–9:
 *               {@code BOOKLET_INITIAL}, {@code SUBSIDY_APPLICATION}, …)
 */
public record PlannedDispatch(String kind, String label, String window, LocalDate due, List<String> mailingKinds) {

	public PlannedDispatch {
		mailingKinds = List.copyOf(mailingKinds);
	}

	/** ポイント手帳 (第4章1(2)ア). */
	public static final String BOOKLET = "BOOKLET";
	/** 交通費助成申請書 (第4章1(2)イ). */
	public static final String APPLICATION = "APPLICATION";
	/** 交通費助成決定通知書 (第4章1(2)ウ). */
	public static final String DECISION = "DECISION";
	/** 獲得ポイント通知 (第8章), made by the notice run: measured as a kind of its own, not in the contract's table. */
	public static final String NOTICE = "NOTICE";
}
