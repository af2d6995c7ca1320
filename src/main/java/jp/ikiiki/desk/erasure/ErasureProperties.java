package jp.ikiiki.desk.erasure;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the erasure.
 *
 * @param confirmationWindow how long a request waits for the second administrator's confirmation (default 30 minutes)
 */
@Validated
@ConfigurationProperties("ikiiki.erasure")
public record ErasureProperties(@NotNull Duration confirmationWindow) {
	public ErasureProperties {
		if (confirmationWindow == null) {
			confirmationWindow = Duration.ofMinutes(30);
		}
		if (confirmationWindow.isNegative() || confirmationWindow.isZero() || confirmationWindow.toHours() > 24) {
			throw new IllegalArgumentException("ikiiki.erasure.confirmation-window must be between 1 second and 24 hours");
		}
	}
}
