package jp.ikiiki.desk.deliverables.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The configuration in force for the handover package (第9章1(4)), without secrets: every {@code ikiiki.*} property
 * (and every {@code IKIIKI_*} environment variable) with the value the application resolves and the source that
 * supplies it. A value is masked when any word of its name says it is a secret (password, secret, token, key,
 * credential …), and a password inside a URL ({@code scheme://user:password@host}) is masked wherever it appears.
 * Masking goes by name on purpose: a secret under a name we did not foresee is still masked if its name says what it
 * is, and an over-masked harmless value costs nothing.
 */
final class HandoverConfiguration {

	static final String MASK = "********";

	/** Words of a property name that mark its value as secret. */
	private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret", "secrets",
			"token", "tokens", "key", "keys", "apikey", "credential", "credentials", "private", "privatekey", "salt",
			"pepper");

	/**
	 * What the handover command sets for itself on its command line (no telephony, no scheduled reports: see
	 * {@code IkiikiDeskApplication.commandLine}): the package lists the configuration the application runs with, so
	 * these come from the next source.
	 */
	private static final Set<String> COMMAND_ONLY = Set.of("ikiiki.telephony.enabled", "ikiiki.reports.scheduled");

	private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]*:)[^@\\s/]*@");

	/** One property as the package lists it. */
	record Property(String name, String value, boolean masked, String source) {
	}

	private HandoverConfiguration() {
	}

	static List<Property> inForce(ConfigurableEnvironment environment) {
		Map<String, Property> properties = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (!ours(name) || properties.containsKey(name)
						|| "commandLineArgs".equals(source.getName()) && COMMAND_ONLY.contains(name)) {
					continue;
				}
				String value = resolved(environment, source, name);
				boolean secret = secretName(name);
				properties.put(name, new Property(name, secret ? MASK : maskUrlPasswords(value), secret,
						source.getName()));
			}
		}
		List<Property> list = new ArrayList<>(properties.values());
		list.sort(java.util.Comparator.comparing(Property::name));
		return list;
	}

	/**
	 * The effective values of every {@code @ConfigurationProperties} record under {@code ikiiki}, defaults included
	 * (what the application actually runs with), flattened to {@code prefix.property[index].property}; masked by the
	 * same rule, once by the report's sanitizer on the leaf name and again on the whole path.
	 */
	static List<Property> bound(ApplicationContext context) {
		ConfigurationPropertiesReportEndpoint report = new ConfigurationPropertiesReportEndpoint(
				List.<SanitizingFunction>of(data -> secretName(data.getKey()) ? data.withValue(MASK) : data), Show.ALWAYS);
		report.setApplicationContext(context);
		List<Property> list = new ArrayList<>();
		for (var ctx : report.configurationPropertiesWithPrefix("ikiiki").getContexts().values()) {
			for (var bean : ctx.getBeans().values()) {
				flatten(bean.getPrefix(), bean.getProperties(), bean.getPrefix(), list);
			}
		}
		list.sort(java.util.Comparator.comparing(Property::name));
		return list;
	}

	private static void flatten(String name, Object value, String source, List<Property> out) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> flatten(name + "." + k, v, source, out));
		} else if (value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				flatten(name + "[" + i + "]", items.get(i), source, out);
			}
		} else {
			boolean secret = secretName(name) || MASK.equals(value);
			String text = value == null ? "" : value.toString();
			out.add(new Property(name, secret ? MASK : maskUrlPasswords(text), secret, "@ConfigurationProperties(\""
					+ source + "\")"));
		}
	}

	static boolean ours(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("ikiiki.") || lower.startsWith("ikiiki_");
	}

	/** Whether any word of the name (split on dots, dashes, underscores, brackets and camel case) marks a secret. */
	static boolean secretName(String name) {
		String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		for (String word : words.split("[^a-z0-9]+")) {
			if (SECRET_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	static String maskUrlPasswords(String value) {
		return value == null ? null : URL_PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
	}

	/** The value the application sees; the raw value when a placeholder cannot be resolved. */
	private static String resolved(ConfigurableEnvironment environment, PropertySource<?> source, String name) {
		try {
			String value = environment.getProperty(name);
			if (value != null) {
				return value;
			}
		} catch (RuntimeException e) {
			// An unresolvable placeholder: list the raw text, which names the variable it waits for.
		}
		Object raw = source.getProperty(name);
		return raw == null ? "" : raw.toString();
	}
}
