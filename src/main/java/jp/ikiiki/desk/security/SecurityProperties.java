package jp.ikiiki.desk.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in rules.
 *
 * @param maxFailedLogins consecutive wrong passwords after which the account is locked (≥ 1)
 * @param lockout         how long a locked account stays locked
 */
@Validated
@ConfigurationProperties("ikiiki.security")
public record SecurityProperties(@Min(1) int maxFailedLogins, @NotNull Duration lockout) {
}
