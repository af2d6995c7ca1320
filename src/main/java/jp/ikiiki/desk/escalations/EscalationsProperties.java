package jp.ikiiki.desk.escalations;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a case's age is shown in colour, in open days (開庁日, the city's working days) so that a weekend does not
 * turn every case red.
 *
 * @param waitingWarnDays  a case reported to the city and still without instruction after this many open days is
 *                         amber
 * @param waitingAlertDays ... after this many, red and "stale" (at least {@code waitingWarnDays})
 * @param openAlertDays    any case not closed after this many open days since it was opened is red and "stale"
 */
@Validated
@ConfigurationProperties("ikiiki.escalations")
public record EscalationsProperties(@Min(1) int waitingWarnDays, @Min(1) int waitingAlertDays,
		@Min(1) int openAlertDays) {

	public EscalationsProperties {
		if (waitingAlertDays < waitingWarnDays) {
			throw new IllegalArgumentException("ikiiki.escalations.waiting-alert-days (" + waitingAlertDays
					+ ") must not be below waiting-warn-days (" + waitingWarnDays + ")");
		}
	}
}
