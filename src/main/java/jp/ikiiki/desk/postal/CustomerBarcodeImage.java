package jp.ikiiki.desk.postal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a bar sequence into an image: black bars on white, one bar-width unit = {@code unitPixels} pixels, bars at a
 * pitch of two units, a quiet zone of {@code quietUnits} units on every side. For previews and tests; the print module
 * draws the same {@link Bar} list into its PDF.
 */
public final class CustomerBarcodeImage {

	private CustomerBarcodeImage() {
	}

	/**
	 * @param bars       the bars, e.g. {@link CustomerBarcode#bars()}
	 * @param unitPixels pixels per bar-width unit, at least 1
	 * @param quietUnits blank units around the symbol, at least 0
	 */
	public static BufferedImage render(List<Bar> bars, int unitPixels, int quietUnits) {
		if (unitPixels < 1 || quietUnits < 0 || bars.isEmpty()) {
			throw new IllegalArgumentException("unitPixels >= 1, quietUnits >= 0 and at least one bar");
		}
		int widthUnits = 2 * bars.size() - 1 + 2 * quietUnits;
		int heightUnits = Bar.SYMBOL_HEIGHT_UNITS + 2 * quietUnits;
		BufferedImage image = new BufferedImage(widthUnits * unitPixels, heightUnits * unitPixels,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.setColor(Color.BLACK);
			for (int i = 0; i < bars.size(); i++) {
				Bar bar = bars.get(i);
				int x = (quietUnits + 2 * i) * unitPixels;
				int y = (quietUnits + bar.topUnits()) * unitPixels;
				g.fillRect(x, y, unitPixels, bar.heightUnits() * unitPixels);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}
}
