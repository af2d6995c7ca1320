package jp.ikiiki.desk.reports.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ikiiki.reports}: when the reports to the city are generated and where they are mailed.
 *
 * @param scheduled         false: no generation after closing (tests); on-demand generation still works
 * @param delayAfterClosing how long after closing (17:15 Asia/Tokyo) the daily report is generated, so that calls
 *                          still in progress at closing are recorded
 * @param checkInterval     how often the scheduler looks at the clock (and retries mail)
 * @param catchUpDays       how many days back a missed report is still generated when the application comes back
 * @param definition        the answer-rate definition reports use; blank for telephony's default
 * @param mail              e-mail delivery
 */
@Validated
@ConfigurationProperties("ikiiki.reports")
public record ReportsProperties(@DefaultValue("true") boolean scheduled,
		@NotNull @DefaultValue("15m") Duration delayAfterClosing, @NotNull @DefaultValue("1m") Duration checkInterval,
		@DefaultValue("14") @Min(0) @Max(366) int catchUpDays, String definition, @Valid @NotNull @DefaultValue Mail mail) {

	/**
	 * @param to            the city's addresses; empty = no mail (even with SMTP configured)
	 * @param from          the sender address
	 * @param retryInterval wait after a failed send before the next try
	 * @param maxAttempts   tries before the report's mail is given up (shown as such in the inbox)
	 * @param sendingTimeout how long a mail may stay SENDING before it counts as 送信不明 (its node stopped before
	 *                      recording the outcome): never resent by itself; longer than an SMTP transaction can take
	 */
	public record Mail(@DefaultValue("") List<String> to,
			@NotNull @DefaultValue("ikiiki-desk@localhost") String from,
			@NotNull @DefaultValue("10m") Duration retryInterval, @DefaultValue("12") @Min(1) int maxAttempts,
			@NotNull @DefaultValue("10m") Duration sendingTimeout) {

		public Mail {
			to = to == null ? List.of() : to.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
		}
	}
}
