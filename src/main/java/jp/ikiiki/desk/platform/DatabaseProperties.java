package jp.ikiiki.desk.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Database settings.
 *
 * @param appRole  the PostgreSQL role the application connects as (never the schema owner when embedded)
 * @param embedded the embedded server, used only when {@code spring.datasource.url} is not set (and never under
 *                 the {@code prod} profile)
 */
@Validated
@ConfigurationProperties("ikiiki.database")
public record DatabaseProperties(
		@NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*", message = "must be a plain lower-case PostgreSQL role name") String appRole,
		Embedded embedded) {

	/**
	 * @param dataDir       data directory; blank for a throw-away one (tests). Holds the roles' passwords too
	 *                      ({@code ikiiki-secrets.properties}, owner only)
	 * @param port          TCP port on 127.0.0.1; 0 picks a free one
	 * @param rotateSecrets set new passwords for the roles at this start (also the way to recover from a lost
	 *                      secrets file); false by default
	 */
	public record Embedded(String dataDir, @Min(0) @Max(65535) int port, boolean rotateSecrets) {
	}
}
