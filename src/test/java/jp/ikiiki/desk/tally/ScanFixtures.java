package jp.ikiiki.desk.tally;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Scanned booklets as a scanner delivers them, for tests and benchmarks: a cover (the printing module's PDF, or a
 * plain drawing of the same barcode) rasterised at a scanner's resolution, rotated by a few degrees, with noise,
 * JPEG-compressed and wrapped in a PDF with further blank pages for the booklet's inside.
 */
public final class ScanFixtures {

	/** A6, the booklet cover's size. */
	public static final float A6_WIDTH_MM = 105;
	public static final float A6_HEIGHT_MM = 148;

	private ScanFixtures() {
	}

	/** A cover drawn like the booklet-cover form: a Code 128 of the number at 12 mm, 113 mm, 0.33 mm modules. */
	public static BufferedImage drawnCover(String number, int dpi) {
		int w = px(A6_WIDTH_MM, dpi);
		int h = px(A6_HEIGHT_MM, dpi);
		var image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setFont(g.getFont().deriveFont((float) px(5, dpi)));
		g.drawString("IKIIKI POINT BOOKLET", px(20, dpi), px(30, dpi));
		g.drawString(number, px(12, dpi), px(108, dpi));
		try {
			BitMatrix bars = new MultiFormatWriter().encode(number, BarcodeFormat.CODE_128, 1, 1);
			double module = 0.33 / 25.4 * dpi;
			int x0 = px(12, dpi);
			int y0 = px(113, dpi);
			int height = px(10, dpi);
			for (int x = 0; x < bars.getWidth(); x++) {
				if (bars.get(x, 0)) {
					int from = x0 + (int) Math.round(x * module);
					int to = x0 + (int) Math.round((x + 1) * module);
					g.fillRect(from, y0, Math.max(1, to - from), height);
				}
			}
		} catch (WriterException e) {
			throw new IllegalArgumentException(e);
		}
		g.dispose();
		return image;
	}

	/** Page {@code page} (0-based) of a PDF rasterised in grey, as a scanner would. */
	public static BufferedImage rasterise(byte[] pdf, int page, int dpi) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.GRAY);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The image turned by {@code degrees} about its centre on a white ground, with salt-and-pepper and grey noise. */
	public static BufferedImage skewAndNoise(BufferedImage source, double degrees, double noise, long seed) {
		int w = source.getWidth();
		int h = source.getHeight();
		var out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0), null);
		g.dispose();
		Random r = new Random(seed);
		var raster = out.getRaster();
		int[] px = new int[1];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				raster.getPixel(x, y, px);
				int v = px[0] + (int) (r.nextGaussian() * 18);
				double p = r.nextDouble();
				if (p < noise / 2) {
					v = 0;
				} else if (p < noise) {
					v = 255;
				}
				px[0] = Math.max(0, Math.min(255, v));
				raster.setPixel(x, y, px);
			}
		}
		return out;
	}

	/** JPEG bytes of the image at {@code quality} (0–1). */
	public static byte[] jpeg(BufferedImage image, float quality) {
		try {
			Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
			ImageWriter writer = writers.next();
			var out = new ByteArrayOutputStream();
			try (var stream = new MemoryCacheImageOutputStream(out)) {
				writer.setOutput(stream);
				ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(quality);
				writer.write(null, new IIOImage(image, null, null), param);
			} finally {
				writer.dispose();
			}
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A scanned booklet: the cover image as a JPEG page of A6 size, then {@code insidePages} blank scanned pages.
	 */
	public static byte[] scannedBooklet(BufferedImage cover, int insidePages, float quality) {
		try (PDDocument document = new PDDocument()) {
			addImagePage(document, jpeg(cover, quality));
			if (insidePages > 0) {
				var blank = new BufferedImage(cover.getWidth() / 4, cover.getHeight() / 4, BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = blank.createGraphics();
				g.setColor(new Color(245, 245, 245));
				g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
				g.dispose();
				byte[] inside = jpeg(blank, 0.6f);
				for (int i = 0; i < insidePages; i++) {
					addImagePage(document, inside);
				}
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void addImagePage(PDDocument document, byte[] jpeg) throws IOException {
		var page = new PDPage(new PDRectangle(mmToPt(A6_WIDTH_MM), mmToPt(A6_HEIGHT_MM)));
		document.addPage(page);
		PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
		try (var content = new PDPageContentStream(document, page)) {
			content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
		}
	}

	/** A scanned booklet of the number with a drawn cover: 200 dpi, 2° skew, light noise, JPEG 0.75. */
	public static byte[] scannedBooklet(String number, long seed) {
		return scannedBooklet(skewAndNoise(drawnCover(number, 200), 2.0, 0.002, seed), 3, 0.75f);
	}

	/** A scan whose cover carries no barcode (a smudged or torn cover). */
	public static byte[] unreadableBooklet(long seed) {
		var blank = new BufferedImage(px(A6_WIDTH_MM, 200), px(A6_HEIGHT_MM, 200), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = blank.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
		g.setColor(Color.DARK_GRAY);
		g.fillRect(px(12, 200), px(113, 200), px(50, 200), px(10, 200)); // ink over the barcode
		g.dispose();
		return scannedBooklet(skewAndNoise(blank, 1.5, 0.002, seed), 2, 0.75f);
	}

	static int px(double mm, int dpi) {
		return (int) Math.round(mm / 25.4 * dpi);
	}

	static float mmToPt(double mm) {
		return (float) (mm / 25.4 * 72);
	}
}
