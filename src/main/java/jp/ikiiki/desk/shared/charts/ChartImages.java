package jp.ikiiki.desk.shared.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.ViewBox;
import org.jfree.svg.SVGUnits;

/**
 * Renders a JFreeChart for the three places charts go: SVG for the console (scales with its box, text stays text),
 * PNG for XLSX and PDF. Every chart is themed the same way first — the bundled IPAex Gothic for Japanese labels
 * (so that a PNG made on a server without Japanese fonts shows text, not boxes), white background, light grid —
 * so a chart looks alike on the wallboard, in the report and in print.
 *
 * <p>Charts are built by the module that owns the figures; this class only draws them. Thread-safe.
 */
public final class ChartImages {

	/** The answer-rate target line colour and other accents, shared so the console and the reports agree. */
	public static final Color TARGET = new Color(0xC6, 0x28, 0x28);
	/** The main series colour (Lumo primary). */
	public static final Color PRIMARY = new Color(0x1A, 0x73, 0xE8);
	/** A second series. */
	public static final Color SECONDARY = new Color(0x7C, 0x8A, 0x9B);

	private static final Font BASE = loadFont();

	private ChartImages() {
	}

	/** The bundled Japanese font at a size, for titles or annotations a chart builder adds itself. */
	public static Font font(float size, boolean bold) {
		return BASE.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
	}

	/** Applies the common look (fonts, colours) to a chart; returns it. */
	public static JFreeChart themed(JFreeChart chart) {
		StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
		theme.setExtraLargeFont(font(18f, true));
		theme.setLargeFont(font(14f, true));
		theme.setRegularFont(font(12f, false));
		theme.setSmallFont(font(10f, false));
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
		theme.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
		theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
		theme.setShadowVisible(false);
		theme.apply(chart);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		return chart;
	}

	/**
	 * The chart as an {@code <svg>} element that scales to the width of its container (viewBox, no fixed size).
	 *
	 * @param width  drawing width in px (the aspect ratio and the text size relative to it)
	 * @param height drawing height in px
	 */
	public static String svg(JFreeChart chart, int width, int height) {
		SVGGraphics2D g = new SVGGraphics2D(width, height, SVGUnits.PX);
		chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
		String element = g.getSVGElement(null, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
				MeetOrSlice.MEET);
		return element.replaceFirst("<svg ", "<svg width=\"100%\" role=\"img\" ");
	}

	/**
	 * The chart as PNG.
	 *
	 * @param width  width in points of the place it goes
	 * @param height height in points
	 * @param scale  pixels per point (2 for print-quality in a PDF, 1 for a spreadsheet)
	 */
	public static byte[] png(JFreeChart chart, int width, int height, double scale) {
		int w = (int) Math.round(width * scale);
		int h = (int) Math.round(height * scale);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.scale(scale, scale);
			chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
		} finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static Font loadFont() {
		try {
			Font font = Font.createFont(Font.TRUETYPE_FONT,
					new ByteArrayInputStream(JapaneseFonts.bytes(JapaneseFonts.Face.GOTHIC)));
			GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
			return font;
		} catch (FontFormatException | IOException e) {
			throw new IllegalStateException("Bundled IPAex Gothic cannot be used for charts", e);
		}
	}
}
