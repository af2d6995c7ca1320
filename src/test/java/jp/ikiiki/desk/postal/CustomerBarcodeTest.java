package jp.ikiiki.desk.postal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerBarcodeTest {

	/**
	 * Japan Post's published examples: 郵便番号・バーコードマニュアル, バーコードに必要な文字情報の抜き出し法 (9/9),
	 * https://www.post.japanpost.jp/zipcode/zipmanual/p25.html — 16 addresses with their barcode characters and check
	 * digits. The page itself was not in the reference store; the cases were read from two independent open-source test
	 * suites that cite that page (monmon/japanpost-customer-barcode test/customer_barcode.test.ts: all 22 codes per
	 * case; shimoning/postal-customer-barcode tests/ExtractorTest.php: the data), which agree, and cases 12, 15 and 16
	 * also appear on the manual's own page (4/9), p20.html. Columns: postcode, address, data, the 20 positions and the
	 * check digit (start and stop codes left out).
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			263-0023 | 千葉市稲毛区緑町3丁目30-8　郵便ビル403号 | 26300233-30-8-403 | 2 6 3 0 0 2 3 3 - 3 0 - 8 - 4 0 3 CC4 CC4 CC4 5
			014-0113 | 秋田県大仙市堀見内　南田茂木　添60-1 | 014011360-1 | 0 1 4 0 1 1 3 6 0 - 1 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC8
			110-0016 | 東京都台東区台東5-6-3　ABCビル10F | 11000165-6-3-10 | 1 1 0 0 0 1 6 5 - 6 - 3 - 1 0 CC4 CC4 CC4 CC4 CC4 9
			060-0906 | 北海道札幌市東区北六条東4丁目　郵便センター6号館 | 06009064-6 | 0 6 0 0 9 0 6 4 - 6 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 9
			065-0006 | 北海道札幌市東区北六条東8丁目　郵便センター10号館 | 06500068-10 | 0 6 5 0 0 0 6 8 - 1 0 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 9
			407-0033 | 山梨県韮崎市龍岡町下條南割　韮崎400 | 4070033400 | 4 0 7 0 0 3 3 4 0 0 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 -
			273-0102 | 千葉県鎌ケ谷市右京塚　東3丁目-20-5　郵便・A&bコーポB604号 | 27301023-20-5B604 | 2 7 3 0 1 0 2 3 - 2 0 - 5 CC1 1 6 0 4 CC4 CC4 0
			198-0036 | 東京都青梅市河辺町十一丁目六番地一号　郵便タワー601 | 198003611-6-1-601 | 1 9 8 0 0 3 6 1 1 - 6 - 1 - 6 0 1 CC4 CC4 CC4 CC8
			027-0203 | 岩手県宮古市大字津軽石第二十一地割大淵川480 | 027020321-480 | 0 2 7 0 2 0 3 2 1 - 4 8 0 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC5
			590-0016 | 大阪府堺市堺区中田出井町四丁六番十九号 | 59000164-6-19 | 5 9 0 0 0 1 6 4 - 6 - 1 9 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC2
			080-0831 | 北海道帯広市稲田町南七線　西28 | 08008317-28 | 0 8 0 0 8 3 1 7 - 2 8 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC4 CC7
			317-0055 | 茨城県日立市宮田町6丁目7-14　ABCビル2F | 31700556-7-14-2 | 3 1 7 0 0 5 5 6 - 7 - 1 4 - 2 CC4 CC4 CC4 CC4 CC4 CC1
			650-0046 | 神戸市中央区港島中町9丁目7-6　郵便シティA棟1F1号 | 65000469-7-6A1-1 | 6 5 0 0 0 4 6 9 - 7 - 6 CC1 0 1 - 1 CC4 CC4 CC4 5
			623-0011 | 京都府綾部市青野町綾部6-7　LプラザB106 | 62300116-7LB106 | 6 2 3 0 0 1 1 6 - 7 CC2 1 CC1 1 1 0 6 CC4 CC4 CC4 4
			064-0804 | 札幌市中央区南四条西29丁目1524-23　第2郵便ハウス501 | 064080429-1524-23-2- | 0 6 4 0 8 0 4 2 9 - 1 5 2 4 - 2 3 - 2 - 3
			910-0067 | 福井県福井市新田塚3丁目80-25　J1ビル2-B | 91000673-80-25J1-2 | 9 1 0 0 0 6 7 3 - 8 0 - 2 5 CC1 9 1 - 2 CC1 9
			""")
	void japan_posts_published_cases_give_the_published_characters_and_check_digit(String postcode, String address,
			String data, String codes) {
		CustomerBarcode barcode = CustomerBarcode.of(postcode, address);

		List<String> expected = Arrays.asList(codes.split(" "));
		assertThat(barcode.printable()).as(barcode.reason()).isTrue();
		assertThat(barcode.data()).isEqualTo(data);
		assertThat(barcode.characters()).extracting(BarcodeCharacter::label).containsExactlyElementsOf(expected.subList(0, 20));
		assertThat(barcode.checkLabel()).isEqualTo(expected.get(20));
		assertThat(barcode.bars()).hasSize(67);
	}

	@Test
	void check_digit_makes_the_sum_of_all_21_values_a_multiple_of_19() {
		// 2+6+3+0+0+2+3+3+0+3+0+8+4+0+3 = 37, three hyphens 30, three CC4 42: 109 = 5×19 + 14, so 19 − 14 = 5.
		CustomerBarcode barcode = CustomerBarcode.encode("2630023", "3-30-8-403");
		assertThat(barcode.check()).isEqualTo(BarcodeCharacter.D5);
		int sum = barcode.characters().stream().mapToInt(BarcodeCharacter::value).sum() + barcode.check().value();
		assertThat(sum % 19).isZero();
	}

	@Test
	void check_digit_is_zero_when_the_sum_is_already_a_multiple_of_19() {
		// digits 1+7 = 8 and 13 CC4 = 182: 190 = 10×19, so the check digit is 0.
		CustomerBarcode barcode = CustomerBarcode.encode("1000007", "");
		assertThat(barcode.characters().stream().mapToInt(BarcodeCharacter::value).sum()).isEqualTo(190);
		assertThat(barcode.check()).isEqualTo(BarcodeCharacter.D0);
	}

	@Test
	void letters_take_a_control_code_and_a_digit() {
		assertThat(BarcodeCharacter.forLetter('A')).containsExactly(BarcodeCharacter.CC1, BarcodeCharacter.D0);
		assertThat(BarcodeCharacter.forLetter('J')).containsExactly(BarcodeCharacter.CC1, BarcodeCharacter.D9);
		assertThat(BarcodeCharacter.forLetter('K')).containsExactly(BarcodeCharacter.CC2, BarcodeCharacter.D0);
		assertThat(BarcodeCharacter.forLetter('T')).containsExactly(BarcodeCharacter.CC2, BarcodeCharacter.D9);
		assertThat(BarcodeCharacter.forLetter('U')).containsExactly(BarcodeCharacter.CC3, BarcodeCharacter.D0);
		assertThat(BarcodeCharacter.forLetter('Z')).containsExactly(BarcodeCharacter.CC3, BarcodeCharacter.D5);
	}

	@Test
	void content_longer_than_20_positions_is_cut_at_20() {
		CustomerBarcode barcode = CustomerBarcode.encode("1000013", "1234-5678-9012-3456");
		assertThat(barcode.data()).isEqualTo("10000131234-5678-901");
		assertThat(barcode.characters()).hasSize(20).doesNotContain(BarcodeCharacter.CC4);
	}

	@Test
	void bars_are_start_code_three_bars_per_character_and_stop_code() {
		CustomerBarcode barcode = CustomerBarcode.of("2630023", "千葉市稲毛区緑町3丁目30-8　郵便ビル403号");
		List<Bar> bars = barcode.bars();
		assertThat(bars.subList(0, 2)).containsExactly(Bar.LONG, Bar.SEMI_LONG_LOWER);
		// first character "2": long, semi-long lower, semi-long upper
		assertThat(bars.subList(2, 5)).containsExactly(Bar.LONG, Bar.SEMI_LONG_LOWER, Bar.SEMI_LONG_UPPER);
		// check digit "5": long, timing, long
		assertThat(bars.subList(62, 65)).containsExactly(Bar.LONG, Bar.TIMING, Bar.LONG);
		assertThat(bars.subList(65, 67)).containsExactly(Bar.SEMI_LONG_LOWER, Bar.LONG);
	}

	@Test
	void every_character_has_its_own_bar_pattern() {
		assertThat(Arrays.stream(BarcodeCharacter.values()).map(BarcodeCharacter::bars).distinct()).hasSize(19);
		assertThat(BarcodeCharacter.ofBars(BarcodeCharacter.CC7.bars())).isEqualTo(BarcodeCharacter.CC7);
	}

	@Test
	void a_representative_postcode_gets_no_barcode() {
		CustomerBarcode barcode = CustomerBarcode.of("060-0000", "札幌市中央区1-2-3");
		assertThat(barcode.printable()).isFalse();
		assertThat(barcode.reason()).contains("代表番号");
		assertThat(barcode.bars()).isEmpty();
		assertThat(barcode.data()).isNull();
		assertThat(barcode.check()).isNull();
	}

	@Test
	void postcode_may_be_full_width_and_without_hyphen() {
		assertThat(CustomerBarcode.of("２６３－００２３", "緑町3丁目30-8").data()).isEqualTo("26300233-30-8");
		assertThat(CustomerBarcode.of("2630023", "緑町3丁目30-8").data()).isEqualTo("26300233-30-8");
	}

	@Test
	void a_postcode_that_is_not_seven_digits_is_refused_in_japanese() {
		for (String bad : new String[] { "263-002", "26300234", "abc-defg", "", "263 0023" }) {
			assertThatThrownBy(() -> CustomerBarcode.of(bad, "緑町3丁目30-8")).isInstanceOf(InvalidInputException.class)
					.hasMessageContaining("郵便番号は7けた")
					.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("郵便番号"));
		}
		assertThatThrownBy(() -> CustomerBarcode.of(null, "緑町3丁目30-8")).isInstanceOf(InvalidInputException.class);
	}
}
