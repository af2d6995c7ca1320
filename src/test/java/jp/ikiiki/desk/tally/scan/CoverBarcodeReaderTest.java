package jp.ikiiki.desk.tally.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ikiiki.desk.subjects.ManagementNumber;
import jp.ikiiki.desk.tally.ScanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverBarcodeReaderTest {

	@TempDir
	Path dir;

	private final CoverBarcodeReader reader = new CoverBarcodeReader(200);

	private Path write(byte[] pdf) throws IOException {
		Path p = Files.createTempFile(dir, "booklet", ".pdf");
		Files.write(p, pdf);
		return p;
	}

	@ParameterizedTest(name = "{1}° at {0} dpi, noise {2}, JPEG {3}")
	@CsvSource({ "200, 1.0, 0.002, 0.75", "200, -2.0, 0.004, 0.6", "200, 3.0, 0.003, 0.7", "300, -3.0, 0.004, 0.7",
			"300, 2.5, 0.002, 0.8" })
	void a_skewed_noisy_jpeg_scan_of_the_cover_is_read(int dpi, double degrees, double noise, float quality)
			throws IOException {
		var cover = ScanFixtures.skewAndNoise(ScanFixtures.drawnCover("K2025000123", dpi), degrees, noise, 7);
		var reading = reader.read(write(ScanFixtures.scannedBooklet(cover, 2, quality)));
		assertThat(reading.reason()).isNull();
		assertThat(reading.number()).contains(new ManagementNumber("K2025000123"));
	}

	@Test
	void a_cover_scanned_upside_down_is_read() throws IOException {
		var cover = ScanFixtures.skewAndNoise(ScanFixtures.drawnCover("A0000042", 200), 181.5, 0.002, 3);
		assertThat(reader.read(write(ScanFixtures.scannedBooklet(cover, 1, 0.75f))).number())
				.contains(new ManagementNumber("A0000042"));
	}

	@Test
	void a_booklet_fed_back_to_front_is_read_from_its_last_page() throws IOException {
		byte[] pdf;
		try (var d = new org.apache.pdfbox.pdmodel.PDDocument()) {
			var front = org.apache.pdfbox.Loader.loadPDF(ScanFixtures.unreadableBooklet(5));
			var cover = org.apache.pdfbox.Loader.loadPDF(ScanFixtures.scannedBooklet("A0000077", 9));
			d.importPage(front.getPage(1));
			d.importPage(cover.getPage(0));
			var out = new java.io.ByteArrayOutputStream();
			d.save(out);
			pdf = out.toByteArray();
			front.close();
			cover.close();
		}
		assertThat(reader.read(write(pdf)).number()).contains(new ManagementNumber("A0000077"));
	}

	@Test
	void a_cover_without_a_readable_barcode_says_so() throws IOException {
		var reading = reader.read(write(ScanFixtures.unreadableBooklet(1)));
		assertThat(reading.number()).isEmpty();
		assertThat(reading.reason()).isEqualTo("表紙のバーコードを読み取れません");
	}
}
