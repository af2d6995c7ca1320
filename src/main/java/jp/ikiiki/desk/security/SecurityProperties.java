package jp.ikiiki.desk.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in rules (第11章).
 *
 * <p>Lock-out is per account <em>and source address</em>: {@code maxFailedLogins} wrong passwords in a row for one
 * account from one address lock that account for sign-ins from that address for {@code lockout}, so that a
 * stranger who fails someone's password does not lock the owner out at their own desk. Guessing spread over many
 * addresses is stopped by {@code accountMaxFailedLogins}: that many wrong passwords for one account from anywhere
 * lock it everywhere. And one address may fail at most {@code addressMaxFailures} sign-ins (any accounts) within
 * {@code addressWindow}; further attempts from it are refused without checking the password.
 *
 * @param maxFailedLogins        wrong passwords in a row for one account from one address before it is locked
 *                               there (≥ 1)
 * @param accountMaxFailedLogins wrong passwords in a row for one account from all addresses before it is locked
 *                               everywhere (≥ maxFailedLogins)
 * @param lockout                how long a lock lasts
 * @param addressMaxFailures     failed sign-ins from one address within {@code addressWindow} before the address is
 *                               refused (≥ 1)
 * @param addressWindow          the window of {@code addressMaxFailures}
 * @param secureCookie           the session cookie's {@code Secure} flag: {@code auto} (on under the {@code prod}
 *                               profile), {@code true} or {@code false}
 */
@Validated
@ConfigurationProperties("ikiiki.security")
public record SecurityProperties(@Min(1) int maxFailedLogins, @Min(1) int accountMaxFailedLogins,
		@NotNull Duration lockout, @Min(1) int addressMaxFailures, @NotNull Duration addressWindow,
		@NotNull @Pattern(regexp = "auto|true|false") String secureCookie) {
}
