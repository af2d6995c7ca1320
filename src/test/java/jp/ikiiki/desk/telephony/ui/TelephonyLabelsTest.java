package jp.ikiiki.desk.telephony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every telephony label the code names exists (also those chosen at run time, which the console-wide check of
 * literal {@code getTranslation("…")} calls cannot see) and every label is a valid MessageFormat pattern.
 */
class TelephonyLabelsTest {

	private static final Pattern KEY = Pattern.compile("\"(telephony\\.[a-z0-9.-]*[a-z0-9])\"");

	static Properties labels() throws IOException {
		Properties labels = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n/telephony.properties")),
				StandardCharsets.UTF_8)) {
			labels.load(in);
		}
		return labels;
	}

	@Test
	void every_label_key_in_the_telephony_code_exists_and_every_label_formats() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/ikiiki/desk/telephony"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				var m = KEY.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		Properties labels = labels();
		assertThat(used).hasSizeGreaterThan(50);
		assertThat(labels.stringPropertyNames()).containsAll(used);
		for (String key : labels.stringPropertyNames()) {
			assertThat(new MessageFormat(labels.getProperty(key)).format(new Object[] { 1, 2, 3, 4, 5 })).isNotBlank();
		}
	}
}
