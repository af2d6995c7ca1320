package jp.ikiiki.desk.tally.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ikiiki.desk.tally.ScanFixtures;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfCheckTest {

	private static final ScanLimits LIMITS = new ScanLimits(20L << 20, 120, 450, 40_000_000L);

	@TempDir
	Path dir;

	private final PdfCheck check = new PdfCheck(LIMITS);

	private Path file(byte[] content) throws IOException {
		Path p = Files.createTempFile(dir, "scan", ".pdf");
		Files.write(p, content);
		return p;
	}

	private static byte[] save(PDDocument d) throws IOException {
		var out = new ByteArrayOutputStream();
		d.save(out);
		d.close();
		return out.toByteArray();
	}

	private static byte[] pages(int n, PDRectangle size) throws IOException {
		var d = new PDDocument();
		for (int i = 0; i < n; i++) {
			d.addPage(new PDPage(size));
		}
		return save(d);
	}

	@Test
	void a_scanned_booklet_is_accepted_with_its_pages() throws IOException {
		var result = check.check(file(ScanFixtures.scannedBooklet("K0000001", 1)));
		assertThat(result.accepted()).isTrue();
		assertThat(result.pages()).isEqualTo(4);
	}

	@Test
	void a_file_that_is_not_a_pdf_is_refused() throws IOException {
		assertThat(check.check(file("これはPDFではありません".getBytes(StandardCharsets.UTF_8))).reason())
				.isEqualTo("PDFファイルではありません");
		assertThat(check.check(file(ScanFixtures.jpeg(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), 0.8f))).reason())
				.isEqualTo("PDFファイルではありません");
	}

	@Test
	void an_empty_file_and_a_broken_pdf_are_refused() throws IOException {
		assertThat(check.check(file(new byte[0])).reason()).isEqualTo("空のファイルです");
		assertThat(check.check(file("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.ISO_8859_1)))
				.reason()).contains("PDFとして読めません");
	}

	@Test
	void an_encrypted_pdf_is_refused_with_or_without_a_password_to_open_it() throws IOException {
		for (String userPassword : new String[] { "secret", "" }) {
			var d = new PDDocument();
			d.addPage(new PDPage(PDRectangle.A6));
			var policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
			policy.setEncryptionKeyLength(128);
			d.protect(policy);
			assertThat(check.check(file(save(d))).reason()).as("user password '%s'", userPassword).contains("暗号化");
		}
	}

	@Test
	void a_pdf_without_pages_is_refused() throws IOException {
		assertThat(check.check(file(pages(0, PDRectangle.A6))).reason()).isEqualTo("ページがないPDFです");
	}

	@Test
	void a_500_page_pdf_is_refused() throws IOException {
		assertThat(check.check(file(pages(500, PDRectangle.A6))).reason()).contains("ページ数が多すぎます").contains("500");
	}

	@Test
	void a_huge_page_is_refused() throws IOException {
		assertThat(check.check(file(pages(1, new PDRectangle(5_000, 5_000)))).reason()).contains("ページが大きすぎます");
	}

	@Test
	void an_image_declaring_a_huge_raster_is_refused_without_decoding_it() throws IOException {
		var d = new PDDocument();
		var page = new PDPage(PDRectangle.A6);
		d.addPage(page);
		PDImageXObject image = LosslessFactory.createFromImage(d, new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
		image.getCOSObject().setInt(COSName.WIDTH, 60_000);
		image.getCOSObject().setInt(COSName.HEIGHT, 60_000);
		try (var content = new PDPageContentStream(d, page)) {
			content.drawImage(image, 0, 0, 100, 100);
		}
		assertThat(check.check(file(save(d))).reason()).contains("画像が大きすぎます").contains("60000×60000");
	}

	@Test
	void a_jpeg_whose_own_header_declares_a_huge_raster_is_refused_though_its_dictionary_says_small() throws IOException {
		byte[] jpeg = ScanFixtures.jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), 0.8f);
		// Patch the frame header (SOF0: FF C0, length, precision, height, width) to 50000 × 50000.
		for (int i = 0; i + 8 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				jpeg[i + 5] = (byte) (50_000 >> 8);
				jpeg[i + 6] = (byte) 50_000;
				jpeg[i + 7] = (byte) (50_000 >> 8);
				jpeg[i + 8] = (byte) 50_000;
				break;
			}
		}
		var d = new PDDocument();
		var page = new PDPage(PDRectangle.A6);
		d.addPage(page);
		PDImageXObject image = new PDImageXObject(d, new java.io.ByteArrayInputStream(jpeg), COSName.DCT_DECODE, 16, 16,
				8, org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
		try (var content = new PDPageContentStream(d, page)) {
			content.drawImage(image, 0, 0, 100, 100);
		}
		assertThat(check.check(file(save(d))).reason()).contains("画像が大きすぎます").contains("50000×50000");
	}

	@Test
	void a_file_larger_than_allowed_is_refused() throws IOException {
		var small = new PdfCheck(new ScanLimits(1_000, 120, 450, 40_000_000L));
		assertThat(small.check(file(ScanFixtures.scannedBooklet("K0000001", 1))).reason()).contains("ファイルが大きすぎます");
	}

	@Test
	void a_normal_jpeg_scan_passes_the_jpeg_header_check() throws IOException {
		var d = new PDDocument();
		var page = new PDPage(PDRectangle.A6);
		d.addPage(page);
		var image = JPEGFactory.createFromByteArray(d,
				ScanFixtures.jpeg(ScanFixtures.drawnCover("K0000002", 300), 0.7f));
		try (var content = new PDPageContentStream(d, page)) {
			content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
		}
		assertThat(check.check(file(save(d))).accepted()).isTrue();
	}
}
