package jp.ikiiki.desk.telephony;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Telephony settings ({@code ikiiki.telephony.*}). The names the dialplan uses default to those of the recording
 * in {@code ../shared/fixtures/ami/} and of the configuration in {@code telephony/}.
 *
 * @param mode         {@code simulator} (the built-in AMI simulator, default) or {@code asterisk}
 * @param ami          where and as whom to connect
 * @param queue        the queue callers wait in
 * @param lineVariable the global dialplan variable holding the line limit
 * @param refusalEvent the {@code UserEvent} the dialplan raises when it refuses a call over the limit
 */
@Validated
@ConfigurationProperties("ikiiki.telephony")
public record TelephonyProperties(@NotNull Mode mode, @NotNull Ami ami, @NotBlank String queue,
		@NotBlank String lineVariable, @NotBlank String refusalEvent) {

	public enum Mode {
		SIMULATOR, ASTERISK
	}

	/**
	 * @param host     AMI host
	 * @param port     AMI port (5038)
	 * @param username manager user ({@code manager.conf})
	 * @param password its secret; never logged
	 */
	public record Ami(@NotBlank String host, @Min(0) @Max(65535) int port, @NotBlank String username,
			@NotBlank String password) {

		@Override
		public String toString() {
			return "Ami[host=" + host + ", port=" + port + ", username=" + username + "]";
		}
	}
}
