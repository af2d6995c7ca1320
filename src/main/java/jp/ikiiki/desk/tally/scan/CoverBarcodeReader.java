package jp.ikiiki.desk.tally.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.subjects.ManagementNumber;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads the 申請書管理番号 from the barcode the booklet-cover form prints (Code 128; Code 39 also accepted) on a
 * scanned booklet: the first page's scanned image as it is (or the page rendered in grey at the configured resolution
 * when it is not a single scanned image), read by ZXing along its rows (a
 * skew of a few degrees keeps a 10 mm high bar code within one row), first with a global threshold, then with a local
 * one for unevenly lit scans, and if the first page holds no barcode, the last (a booklet fed back to front). The
 * text must read as a {@link ManagementNumber}.
 */
public final class CoverBarcodeReader {

	private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

	static {
		HINTS.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.CODE_39));
		HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
	}

	/** Larger images (a 600 dpi scan) are rendered at the configured resolution instead, with subsampling. */
	private static final long MAX_DIRECT_PIXELS = 12_000_000L;

	private final int dpi;

	public CoverBarcodeReader(int dpi) {
		this.dpi = dpi;
	}

	/**
	 * What was read.
	 *
	 * @param number the 申請書管理番号 read; empty if none
	 * @param reason why not, in Japanese; null if read
	 */
	public record Reading(Optional<ManagementNumber> number, String reason) {
	}

	/** Reads the cover of the (already checked) PDF at {@code file}. */
	public Reading read(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			return read(document);
		} catch (IOException | RuntimeException e) {
			return new Reading(Optional.empty(), "表紙を画像にできません");
		}
	}

	/** Reads the cover of an open (already checked) document. */
	public Reading read(PDDocument document) {
		try {
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			int pages = document.getNumberOfPages();
			String text = null;
			for (int page : pages > 1 ? new int[] { 0, pages - 1 } : new int[] { 0 }) {
				BufferedImage image = scannedImage(document.getPage(page));
				text = image == null ? null : decode(image).orElse(null);
				if (text == null) {
					// Not a plain scanned page, or the image as stored did not read (a Decode array, a transform):
					// the page as it is shown.
					text = decode(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY)).orElse(null);
				}
				if (text != null) {
					break;
				}
			}
			if (text == null) {
				return new Reading(Optional.empty(), "表紙のバーコードを読み取れません");
			}
			Optional<ManagementNumber> number = ManagementNumber.tryParse(text);
			return number.isPresent() ? new Reading(number, null)
					: new Reading(Optional.empty(), "バーコードが申請書管理番号ではありません");
		} catch (IOException | RuntimeException e) {
			return new Reading(Optional.empty(), "表紙を画像にできません");
		}
	}

	/**
	 * A scanner's page is one image covering the page: read that image as it is (no resampling, which costs more than
	 * the barcode search). Null when the page is anything else (drawn text, several images, an image too large), which
	 * is then rendered.
	 */
	private static BufferedImage scannedImage(PDPage page) throws IOException {
		PDResources resources = page.getResources();
		if (resources == null || page.getRotation() != 0) {
			return null;
		}
		PDImageXObject only = null;
		for (COSName name : resources.getXObjectNames()) {
			PDXObject x = resources.getXObject(name);
			if (!(x instanceof PDImageXObject image) || only != null) {
				return null;
			}
			only = image;
		}
		if (only == null || (long) only.getWidth() * only.getHeight() > MAX_DIRECT_PIXELS || only.isStencil()) {
			return null;
		}
		if ("jpg".equals(only.getSuffix())) {
			// The JPEG decoded as it is: five times faster than PDFBox's conversion to RGB, and grey stays grey. A JPEG
			// ImageIO cannot read (CMYK) takes the general path.
			try (var in = only.createInputStream(List.of(COSName.DCT_DECODE.getName()))) {
				BufferedImage direct = ImageIO.read(in);
				if (direct != null) {
					return direct;
				}
			} catch (IOException | RuntimeException e) {
				// below
			}
		}
		return only.getImage();
	}

	/** The text of the first Code 128 or Code 39 barcode found in the image. */
	public static Optional<String> decode(BufferedImage image) {
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		MultiFormatReader reader = new MultiFormatReader();
		reader.setHints(HINTS);
		for (int attempt = 0; attempt < 2; attempt++) {
			BinaryBitmap bitmap = new BinaryBitmap(attempt == 0 ? new GlobalHistogramBinarizer(source)
					: new HybridBinarizer(source));
			try {
				Result result = reader.decodeWithState(bitmap);
				return Optional.of(result.getText());
			} catch (NotFoundException e) {
				// try the next binarizer
			} finally {
				reader.reset();
			}
		}
		return Optional.empty();
	}
}
