package jp.ikiiki.desk.platform;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether demo users and demo subjects are loaded. {@code ikiiki.demo.enabled=auto} (the default) means: only
 * with the embedded database and never in the {@code prod} profile; {@code true} or {@code false} decide
 * explicitly. Demo users have the well-known password {@code demo}, so this must never be on by accident.
 */
@Component
public class DemoMode {

	private final boolean enabled;

	DemoMode(Environment env) {
		String setting = env.getProperty("ikiiki.demo.enabled", "auto").trim().toLowerCase(java.util.Locale.ROOT);
		boolean embedded = !env.containsProperty("spring.datasource.url")
				|| "embedded".equals(env.getProperty("spring.datasource.url"));
		this.enabled = switch (setting) {
			case "true" -> true;
			case "false" -> false;
			default -> embedded && !env.acceptsProfiles(Profiles.of("prod"));
		};
	}

	/** True when demo users and data are to be loaded. */
	public boolean enabled() {
		return enabled;
	}
}
