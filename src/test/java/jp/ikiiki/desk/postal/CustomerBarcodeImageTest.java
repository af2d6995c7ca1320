package jp.ikiiki.desk.postal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Draws barcodes into images and reads them back with a decoder that knows only the image and the bar table. */
class CustomerBarcodeImageTest {

	/** What the decoder reads from an image. */
	record Decoded(List<BarcodeCharacter> positions, BarcodeCharacter check, String data, boolean checkDigitValid) {
	}

	/**
	 * Finds the bars as runs of dark columns, classifies each by whether it reaches the top and/or the bottom of the
	 * symbol, drops start and stop code, reads the characters three bars at a time and checks the check digit.
	 */
	static Decoded decode(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int symbolTop = Integer.MAX_VALUE;
		int symbolBottom = -1;
		List<int[]> runs = new ArrayList<>();
		int runStart = -1;
		for (int x = 0; x <= width; x++) {
			boolean dark = false;
			for (int y = 0; x < width && y < height; y++) {
				if (isDark(image, x, y)) {
					dark = true;
					symbolTop = Math.min(symbolTop, y);
					symbolBottom = Math.max(symbolBottom, y);
				}
			}
			if (dark && runStart < 0) {
				runStart = x;
			}
			else if (!dark && runStart >= 0) {
				runs.add(new int[] { runStart, x - 1 });
				runStart = -1;
			}
		}
		int tolerance = Math.max(1, (symbolBottom - symbolTop + 1) / 6);
		List<Bar> bars = new ArrayList<>();
		for (int[] run : runs) {
			int x = (run[0] + run[1]) / 2;
			int top = -1;
			int bottom = -1;
			for (int y = 0; y < height; y++) {
				if (isDark(image, x, y)) {
					top = top < 0 ? y : top;
					bottom = y;
				}
			}
			boolean reachesTop = top - symbolTop < tolerance;
			boolean reachesBottom = symbolBottom - bottom < tolerance;
			bars.add(reachesTop && reachesBottom ? Bar.LONG
					: reachesTop ? Bar.SEMI_LONG_UPPER : reachesBottom ? Bar.SEMI_LONG_LOWER : Bar.TIMING);
		}
		assertThat(bars).hasSize(67);
		assertThat(bars.subList(0, 2)).isEqualTo(BarcodeCharacter.START);
		assertThat(bars.subList(65, 67)).isEqualTo(BarcodeCharacter.STOP);
		List<BarcodeCharacter> characters = new ArrayList<>();
		for (int i = 2; i < 65; i += 3) {
			BarcodeCharacter c = BarcodeCharacter.ofBars(bars.subList(i, i + 3));
			assertThat(c).as("bars %d-%d form no character", i, i + 2).isNotNull();
			characters.add(c);
		}
		List<BarcodeCharacter> positions = characters.subList(0, 20);
		BarcodeCharacter check = characters.get(20);
		int sum = characters.stream().mapToInt(BarcodeCharacter::value).sum();
		return new Decoded(List.copyOf(positions), check, text(positions), sum % 19 == 0);
	}

	/** Digits and hyphens as they are, control code + digit as a letter, CC4 padding and a cut control code dropped. */
	private static String text(List<BarcodeCharacter> positions) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < positions.size(); i++) {
			BarcodeCharacter c = positions.get(i);
			if (c.value() <= 10) {
				b.append(c.label());
			}
			else if (c.value() <= 13 && i + 1 < positions.size()) {
				b.append((char) ('A' + (c.value() - 11) * 10 + positions.get(++i).value()));
			}
		}
		return b.toString();
	}

	private static boolean isDark(BufferedImage image, int x, int y) {
		return (image.getRGB(x, y) & 0xff) < 128;
	}

	@ParameterizedTest(name = "{0} {1} at {2} px per unit")
	@CsvSource(delimiter = '|', textBlock = """
			263-0023 | 千葉市稲毛区緑町3丁目30-8　郵便ビル403号 | 1
			263-0023 | 千葉市稲毛区緑町3丁目30-8　郵便ビル403号 | 4
			623-0011 | 京都府綾部市青野町綾部6-7　LプラザB106 | 2
			910-0067 | 福井県福井市新田塚3丁目80-25　J1ビル2-B | 3
			014-0113 | 秋田県大仙市堀見内　南田茂木　添60-1 | 5
			""")
	void a_rendered_barcode_reads_back_as_its_data_and_check_digit(String postcode, String address, int unitPixels) {
		CustomerBarcode barcode = CustomerBarcode.of(postcode, address);

		Decoded decoded = decode(CustomerBarcodeImage.render(barcode.bars(), unitPixels, 4));

		assertThat(decoded.positions()).isEqualTo(barcode.characters());
		assertThat(decoded.check()).isEqualTo(barcode.check());
		assertThat(decoded.data()).isEqualTo(barcode.data());
		assertThat(decoded.checkDigitValid()).isTrue();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void random_address_numbers_round_trip_through_the_image(long seed) {
		Random random = new Random(seed);
		StringBuilder number = new StringBuilder();
		String alphabet = "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		for (int i = random.nextInt(14); i > 0; i--) {
			number.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		String postcode = String.format("%07d", random.nextInt(10_000_000));
		CustomerBarcode barcode = CustomerBarcode.encode(postcode, number.toString());

		Decoded decoded = decode(CustomerBarcodeImage.render(barcode.bars(), 2, 3));

		assertThat(decoded.data()).isEqualTo(barcode.data());
		assertThat(decoded.check()).isEqualTo(barcode.check());
		assertThat(decoded.checkDigitValid()).isTrue();
	}

	@ParameterizedTest(name = "bar {0} changed")
	@ValueSource(ints = { 2, 10, 33, 61 })
	void one_changed_character_is_caught_by_the_check_digit(int barIndex) {
		CustomerBarcode barcode = CustomerBarcode.of("263-0023", "千葉市稲毛区緑町3丁目30-8　郵便ビル403号");
		List<Bar> bars = new ArrayList<>(barcode.bars());
		// replace the whole character that holds this bar by another valid character
		int first = 2 + (barIndex - 2) / 3 * 3;
		BarcodeCharacter original = BarcodeCharacter.ofBars(bars.subList(first, first + 3));
		BarcodeCharacter other = BarcodeCharacter.ofValue((original.value() + 1) % 19);
		for (int k = 0; k < 3; k++) {
			bars.set(first + k, other.bars().get(k));
		}

		Decoded decoded = decode(CustomerBarcodeImage.render(bars, 2, 2));

		assertThat(decoded.checkDigitValid()).isFalse();
	}
}
