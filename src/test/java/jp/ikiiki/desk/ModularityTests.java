package jp.ikiiki.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure (STYLE.md): no cycles, no reaching into another module's internals; docs in docs/modules. */
class ModularityTests {

	private static final Path JAVADOC_METADATA = Path.of("target/generated-spring-modulith/javadoc.json");

	private final ApplicationModules modules = ApplicationModules.of(IkiikiDeskApplication.class);

	@Test
	void modules_only_use_each_others_public_api_and_have_no_cycles() {
		modules.verify();
	}

	/**
	 * The documenter reads the Javadoc the build collected with Spring Boot's simple JSON parser, which counts brackets
	 * and braces even inside strings: one unbalanced {@code [} or {@code {} in a Javadoc sentence (an interval
	 * written as [from, to), say) makes it fail or drop entries. Named here, so the fix is obvious.
	 */
	@Test
	void javadoc_sentences_have_balanced_brackets_for_the_documenter() throws IOException {
		if (!Files.exists(JAVADOC_METADATA)) {
			return; // the annotation processor did not run (IDE build); the documenter then has nothing to read
		}
		List<String> unbalanced = new ArrayList<>();
		for (JsonNode type : new ObjectMapper().readTree(JAVADOC_METADATA.toFile())) {
			check(type.path("name").asText(), type.path("comment").asText(), unbalanced);
			for (JsonNode method : type.path("methods")) {
				check(type.path("name").asText() + "#" + method.path("name").asText(), method.path("comment").asText(),
						unbalanced);
			}
		}
		assertThat(unbalanced).as("Javadoc with unbalanced [ ] or { }").isEmpty();
	}

	@Test
	void writes_the_module_documentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}

	private static void check(String where, String comment, List<String> unbalanced) {
		if (count(comment, '[') != count(comment, ']') || count(comment, '{') != count(comment, '}')) {
			unbalanced.add(where + ": " + comment);
		}
	}

	private static long count(String s, char c) {
		return s.chars().filter(x -> x == c).count();
	}
}
