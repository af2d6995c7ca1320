package jp.ikiiki.desk.telephony;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of the line plan (第6章2) against its schedule, in line-days: one line for one open day; a half-day
 * counts 0.5 (※2). The month's total is rounded up to a whole line-day, as the contract's example does
 * (November, 19 open days, 5 lines in the morning and 2 in the afternoon: 19 × 0.5 × 5 + 19 × 0.5 × 2 = 47.5 + 19
 * = 66.5, stated as 67 with 午前 48).
 *
 * @param month             the month
 * @param plannedLineDays   the line-days the plan asks for; null when the month has no plan
 * @param scheduledLineDays the line-days the schedule holds on the month's open days: {@code amLineDays +
 *                          pmLineDays} rounded up to a whole line-day
 * @param amLineDays        the mornings' line-days (half the morning lines summed over the open days, not rounded)
 * @param pmLineDays        the afternoons' line-days (likewise)
 * @param openDays          the month's open days by the city's calendar
 * @param contractDays      the month's day count printed in the contract's table; null when none
 */
public record LinePlanMonth(YearMonth month, BigDecimal plannedLineDays, BigDecimal scheduledLineDays,
		BigDecimal amLineDays, BigDecimal pmLineDays, int openDays, Integer contractDays) {

	/** Scheduled minus planned line-days (positive: more lines than planned); null without a plan. */
	public BigDecimal difference() {
		return plannedLineDays == null ? null : scheduledLineDays.subtract(plannedLineDays);
	}

	/** True when the contract's day count differs from the calendar's. */
	public boolean contractDaysDiffer() {
		return contractDays != null && contractDays != openDays;
	}
}
