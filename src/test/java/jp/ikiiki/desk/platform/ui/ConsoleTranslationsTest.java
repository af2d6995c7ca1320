package jp.ikiiki.desk.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsoleTranslationsTest {

	private static final Pattern KEY_IN_CODE = Pattern.compile("getTranslation\\(\"([a-zA-Z0-9_.-]+)\"");

	private final ConsoleTranslations translations = new ConsoleTranslations();

	@Test
	void every_label_key_the_console_asks_for_exists() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				var m = KEY_IN_CODE.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(translations.labels().keySet()).containsAll(used);
	}

	@Test
	void labels_are_japanese_and_take_parameters() {
		assertThat(translations.getTranslation("platform.app.title", Locale.JAPAN)).isEqualTo("いきいきデスク");
		assertThat(translations.getTranslation("no.such.key", Locale.JAPAN)).isEqualTo("!no.such.key!");
		assertThat(translations.getProvidedLocales()).containsExactly(Locale.JAPAN);
	}
}
