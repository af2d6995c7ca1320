package jp.ikiiki.desk.tally.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** One page of a kept (already checked) scan as a PNG for the screens. */
public final class PageImages {

	/** Resolution of the screens' page image: a B6/A6 page fits a column of the keying screen. */
	public static final int SCREEN_DPI = 110;

	private PageImages() {
	}

	/**
	 * @param page 1-based
	 * @return the PNG, or null if the file has no such page
	 */
	public static byte[] png(Path file, int page) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			if (page < 1 || page > document.getNumberOfPages()) {
				return null;
			}
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			BufferedImage image = renderer.renderImageWithDPI(page - 1, SCREEN_DPI, ImageType.GRAY);
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
	}
}
