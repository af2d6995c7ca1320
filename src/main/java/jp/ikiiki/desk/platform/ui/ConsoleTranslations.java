package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The console's labels: every {@code i18n/*.properties} file on the class path (UTF-8), one per module
 * ({@code i18n/subjects.properties} holds the {@code subjects.*} keys), merged into one table. The console is
 * Japanese only. A key defined in two files stops the start-up, naming both, so that modules cannot silently
 * overwrite each other's labels. A missing key shows as {@code !key!}, which the browser tests look for.
 */
@Component
class ConsoleTranslations implements I18NProvider {

	static final String LOCATION = "classpath*:i18n/*.properties";

	private final Map<String, String> labels;

	ConsoleTranslations() {
		this.labels = load();
	}

	@Override
	public List<Locale> getProvidedLocales() {
		return List.of(Locale.JAPAN);
	}

	@Override
	public String getTranslation(String key, Locale locale, Object... params) {
		String label = labels.get(key);
		if (label == null) {
			return "!" + key + "!";
		}
		return params.length == 0 ? label : new MessageFormat(label, Locale.JAPAN).format(params);
	}

	/** Every key with its label, for tests. */
	Map<String, String> labels() {
		return Map.copyOf(labels);
	}

	static Map<String, String> load() {
		Map<String, String> all = new HashMap<>();
		Map<String, String> origin = new HashMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				var properties = new Properties();
				try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				for (String key : properties.stringPropertyNames()) {
					String before = origin.putIfAbsent(key, file.getFilename());
					if (before != null) {
						throw new IllegalStateException("Console label " + key + " is defined in both " + before + " and "
								+ file.getFilename());
					}
					all.put(key, properties.getProperty(key));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Console labels cannot be read", e);
		}
		return all;
	}
}
