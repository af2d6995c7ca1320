package jp.ikiiki.desk.telephony.lines;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import jp.ikiiki.desk.telephony.LinePlans;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Line pool settings ({@code ikiiki.lines.*}).
 *
 * @param outOfHoursLimit  lines while the city is closed (nights, weekends, holidays, 12/29–1/3) and no "resize now"
 *                         holds; default 0, so that the dialplan refuses every call out of hours
 * @param unscheduledLimit lines during opening hours of a half-day the schedule has no lines for (a fiscal year
 *                         without a plan); default 2, the contract's smallest daily average (第6章2)
 * @param checkInterval    how often the scheduler looks at the clock between boundaries (it also wakes at each
 *                         boundary); default 30 s
 * @param advice           line advice settings
 */
@Validated
@ConfigurationProperties("ikiiki.lines")
public record LinesProperties(@DefaultValue("0") @Min(0) @Max(LinePlans.MAX_LINES) int outOfHoursLimit,
		@DefaultValue("2") @Min(0) @Max(LinePlans.MAX_LINES) int unscheduledLimit,
		@DefaultValue("30s") @NotNull Duration checkInterval, @DefaultValue @NotNull @Valid Advice advice) {

	/**
	 * @param target          answer rate to keep (第6章2 ※1: 9割), default 0.9
	 * @param historyDays     past open days the forecast averages (same half-day), default 20
	 * @param defaultHandling mean talk time when the history has no answered call, default 180 s
	 * @param defaultPatience mean patience when nobody in the history gave up, default 60 s
	 * @param surgeDays       open days after a dispatch whose forecast the dispatch raises (第6章2 ※1), default 20
	 * @param surgeBaselineDays open days before a past dispatch whose median daily calls are its baseline, default 10
	 * @param defaultCallsPerThousand extra calls per 1,000 pieces over the surge days while no past dispatch has been
	 *                        measured, default 120: the contract's line table (第6章2) plans 11 lines a day in July
	 *                        after the 190,000 applications of June and 9 in September after the 190,000 booklets of
	 *                        late August, against 2 in quiet months; with 180 s talk and 60 s patience 2, 9 and 11
	 *                        lines answer 90 % of about 92, 1,015 and 1,316 calls an open day, so the two surges are
	 *                        about (1,316 − 92) × 22 ≈ 26,900 and (1,015 − 92) × 19 ≈ 17,500 calls, 142 and 92 per
	 *                        1,000 pieces; 120 is about their mean
	 */
	public record Advice(@DefaultValue("0.9") @DecimalMin("0.5") @DecimalMax("0.999") double target,
			@DefaultValue("20") @Min(1) @Max(120) int historyDays,
			@DefaultValue("180s") @NotNull Duration defaultHandling,
			@DefaultValue("60s") @NotNull Duration defaultPatience,
			@DefaultValue("20") @Min(1) @Max(60) int surgeDays,
			@DefaultValue("10") @Min(3) @Max(60) int surgeBaselineDays,
			@DefaultValue("120") @DecimalMin("0") @DecimalMax("10000") double defaultCallsPerThousand) {
	}
}
