package jp.ikiiki.desk.deliverables;

import java.time.LocalDate;

/**
 * One dispatch the contract plans (第4章1(2) 封入封かん時期): what goes out, in which part of the month, and the day by
 * which it must be handed to the post office (an open day of the city).
 *
 * @param kind   {@link #BOOKLET}, {@link #APPLICATION} or {@link #DECISION}
 * @param label  what goes out, in Japanese (「ポイント手帳（初回送付）」)
 * @param window 中旬, 下旬 or 月内 (the contract names only the month)
 * @param due    the last open day of the window: the 20th for 中旬, the month's last day otherwise, moved back to the
 *               open day on or before it
 */
public record PlannedDispatch(String kind, String label, String window, LocalDate due) {

	/** ポイント手帳 (第4章1(2)ア). */
	public static final String BOOKLET = "BOOKLET";
	/** 交通費助成申請書 (第4章1(2)イ). */
	public static final String APPLICATION = "APPLICATION";
	/** 交通費助成決定通知書 (第4章1(2)ウ). */
	public static final String DECISION = "DECISION";
}
