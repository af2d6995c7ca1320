package jp.ikiiki.desk.deliverables.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ikiiki.deliverables}: the deliverables calendar.
 *
 * @param asNeededOpenDays open days after an occurrence (an applied import) by which a 随時 deliverable is due
 * @param lookbackMonths   how many months before the current one the home page's overdue count looks at
 */
@Validated
@ConfigurationProperties("ikiiki.deliverables")
public record DeliverablesProperties(@DefaultValue("3") @Min(0) @Max(20) int asNeededOpenDays,
		@DefaultValue("3") @Min(0) @Max(24) int lookbackMonths) {
}
