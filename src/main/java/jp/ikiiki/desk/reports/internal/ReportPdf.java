package jp.ikiiki.desk.reports.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The PDF of a report: A4 portrait, the bundled IPAex Gothic (embedded as a subset), the header naming the
 * answer-rate definition, the in-progress notice in blue and the gap warning in red, the whole period's figures,
 * the charts (PNG images), the breakdowns with their header repeated on a new page, the contributed sections, and
 * "page n / N" at the foot of each page.
 */
public final class ReportPdf {

	private static final float MARGIN = 40;
	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
	private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
	private static final float BOTTOM = MARGIN + 20;
	private static final float CELL = 8.5f;
	private static final float ROW = 15;
	private static final Color HEADER = new Color(0xD9, 0xD9, 0xD9);
	private static final Color MARKED = new Color(0xFF, 0xE0, 0xB2);
	private static final Color TOTAL = new Color(0xFF, 0xF8, 0xD0);
	private static final Color WARNING = new Color(0xC0, 0x00, 0x00);
	private static final Color PROGRESS = new Color(0x0B, 0x4F, 0x9C);
	private static final Color SUBSET = new Color(0xF3, 0xF6, 0xFA);
	private static final float CHART_HEIGHT = 190;

	/** Parsed once; a parsed font may not be shared by documents written at the same time, hence the lock. */
	private static TrueTypeFont gothic;

	private final PDDocument document;
	private final PDType0Font font;
	private PDPageContentStream out;
	private float y;

	private ReportPdf(PDDocument document, PDType0Font font) {
		this.document = document;
		this.font = font;
	}

	/** The report's PDF bytes. */
	public static byte[] write(ReportLayout.Layout layout) {
		synchronized (ReportPdf.class) {
			if (gothic == null) {
				gothic = JapaneseFonts.parse(JapaneseFonts.Face.GOTHIC);
			}
			try (PDDocument document = new PDDocument()) {
				PDDocumentInformation info = document.getDocumentInformation();
				info.setTitle(layout.title() + " " + layout.period());
				info.setCreator("いきいきデスク");
				ReportPdf pdf = new ReportPdf(document, JapaneseFonts.load(document, gothic));
				pdf.render(layout);
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
				document.save(bytes);
				return bytes.toByteArray();
			} catch (IOException e) {
				throw new UncheckedIOException("report PDF cannot be written", e);
			}
		}
	}

	private void render(ReportLayout.Layout layout) throws IOException {
		newPage();
		line(layout.title(), 15, Color.BLACK, 22);
		line(layout.period(), 12, Color.BLACK, 18);
		line(layout.headline(), 11, Color.BLACK, 17);
		for (String l : layout.lines()) {
			for (String w : wrap(l, 8.5f, WIDTH)) {
				line(w, 8.5f, Color.DARK_GRAY, 12);
			}
		}
		if (layout.progress() != null) {
			boxed(layout.progress(), PROGRESS);
		}
		if (layout.warning() != null) {
			boxed(layout.warning(), WARNING);
		}
		// The whole period's figures, then the charts, then the breakdowns.
		table(layout.tables().get(0));
		for (ReportLayout.Chart chart : layout.charts()) {
			chart(chart);
		}
		for (ReportLayout.Table table : layout.tables().subList(1, layout.tables().size())) {
			table(table);
		}
		if (!layout.sections().isEmpty()) {
			y -= 6;
			ensure(40);
			line("内訳", 12, Color.BLACK, 18);
			for (ReportLayout.Table table : layout.sections()) {
				table(table);
			}
		}
		out.close();
		footers(layout.title() + "　" + layout.period());
	}

	/** A framed sentence in a colour (the gap warning, the in-progress notice). */
	private void boxed(String sentence, Color colour) throws IOException {
		y -= 6;
		List<String> lines = wrap(sentence, 10, WIDTH - 12);
		float h = lines.size() * 14 + 8;
		ensure(h + 8);
		out.setStrokingColor(colour);
		out.setLineWidth(1.2f);
		out.addRect(MARGIN, y - h + 4, WIDTH, h);
		out.stroke();
		y -= 4;
		for (String w : lines) {
			text(w, MARGIN + 6, y - 10, 10, colour);
			y -= 14;
		}
		y -= 8;
	}

	/** A chart under its heading, as a PNG at twice the page's resolution. */
	private void chart(ReportLayout.Chart chart) throws IOException {
		y -= 8;
		ensure(CHART_HEIGHT + 20);
		line(chart.title(), 10.5f, Color.BLACK, 15);
		byte[] png = ReportCharts.png(chart, (int) WIDTH, (int) CHART_HEIGHT, 2);
		PDImageXObject image = PDImageXObject.createFromByteArray(document, png, chart.type().name());
		out.drawImage(image, MARGIN, y - CHART_HEIGHT, WIDTH, CHART_HEIGHT);
		y -= CHART_HEIGHT;
	}

	private void table(ReportLayout.Table table) throws IOException {
		y -= 8;
		ensure(ROW * 3 + 20);
		line(table.title(), 10.5f, Color.BLACK, 15);
		if (table.note() != null) {
			line(table.note(), 8, Color.DARK_GRAY, 11);
		}
		float[] widths = widths(table.columns());
		head(table, widths);
		for (int i = 0; i < table.rows().size(); i++) {
			if (y - ROW < BOTTOM) {
				newPage();
				head(table, widths);
			}
			ReportLayout.Row row = table.rows().get(i);
			boolean isTotal = row.style() == ReportLayout.Style.TOTAL;
			Color fill = switch (row.style()) {
				case TOTAL -> TOTAL;
				case MARKED -> MARKED;
				case SUBSET -> SUBSET;
				case PLAIN -> null;
			};
			float x = MARGIN;
			for (int c = 0; c < row.values().size(); c++) {
				ReportLayout.Column column = table.columns().get(c);
				Object value = row.values().get(c);
				String text = ReportLayout.text(column.kind(), value);
				if (c == 0 && row.style() == ReportLayout.Style.SUBSET) {
					text = "　" + text;
				}
				cell(x, widths[c], ROW, fill, List.of(text), ReportLayout.kindOf(column, value) != ReportLayout.Kind.TEXT,
						isTotal);
				x += widths[c];
			}
			y -= ROW;
		}
	}

	private void head(ReportLayout.Table table, float[] widths) throws IOException {
		boolean twoLines = table.columns().stream().anyMatch(c -> c.header().contains("\n"));
		float h = twoLines ? ROW * 1.8f : ROW;
		float x = MARGIN;
		for (int c = 0; c < widths.length; c++) {
			cell(x, widths[c], h, HEADER, List.of(table.columns().get(c).header().split("\n")), false, true);
			x += widths[c];
		}
		y -= h;
	}

	/** A bordered cell whose top is at {@code y}; text centred (header, multi-line), right- or left-aligned. */
	private void cell(float x, float w, float h, Color fill, List<String> lines, boolean right, boolean centre)
			throws IOException {
		if (fill != null) {
			out.setNonStrokingColor(fill);
			out.addRect(x, y - h, w, h);
			out.fill();
		}
		out.setStrokingColor(Color.GRAY);
		out.setLineWidth(0.5f);
		out.addRect(x, y - h, w, h);
		out.stroke();
		float lineHeight = CELL + 2;
		float first = y - (h - lines.size() * lineHeight) / 2 - CELL;
		for (int i = 0; i < lines.size(); i++) {
			String s = fit(safe(lines.get(i)), CELL, w - 6);
			float tw = width(s, CELL);
			float tx = centre && lines.size() > 1 ? x + (w - tw) / 2 : right ? x + w - 3 - tw : x + 3;
			text(s, tx, first - i * lineHeight + 1, CELL, Color.BLACK);
		}
	}

	private void line(String s, float size, Color colour, float advance) throws IOException {
		ensure(advance);
		text(safe(s), MARGIN, y - size, size, colour);
		y -= advance;
	}

	private void text(String s, float x, float baseline, float size, Color colour) throws IOException {
		out.beginText();
		out.setFont(font, size);
		out.setNonStrokingColor(colour);
		out.newLineAtOffset(x, baseline);
		out.showText(safe(s));
		out.endText();
	}

	private void ensure(float height) throws IOException {
		if (y - height < BOTTOM) {
			newPage();
		}
	}

	private void newPage() throws IOException {
		if (out != null) {
			out.close();
		}
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		out = new PDPageContentStream(document, page);
		y = TOP;
	}

	private void footers(String title) throws IOException {
		int n = document.getNumberOfPages();
		for (int i = 0; i < n; i++) {
			try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
					PDPageContentStream.AppendMode.APPEND, true)) {
				out = foot;
				String page = (i + 1) + " / " + n;
				text(title, MARGIN, MARGIN, 8, Color.GRAY);
				text(page, MARGIN + WIDTH - width(page, 8), MARGIN, 8, Color.GRAY);
			}
		}
	}

	private float[] widths(List<ReportLayout.Column> columns) {
		int sum = columns.stream().mapToInt(ReportLayout.Column::width).sum();
		float[] w = new float[columns.size()];
		for (int c = 0; c < w.length; c++) {
			w[c] = WIDTH * columns.get(c).width() / sum;
		}
		return w;
	}

	private float width(String s, float size) throws IOException {
		return font.getStringWidth(s) / 1000 * size;
	}

	/** Cuts a text that does not fit its cell, marking the cut with …. */
	private String fit(String s, float size, float max) throws IOException {
		if (width(s, size) <= max) {
			return s;
		}
		int end = s.length();
		while (end > 0 && width(s.substring(0, end) + "…", size) > max) {
			end--;
		}
		return s.substring(0, end) + "…";
	}

	List<String> wrap(String s, float size, float max) throws IOException {
		String text = safe(s);
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = start + 1;
			while (end < text.length() && width(text.substring(start, end + 1), size) <= max) {
				end++;
			}
			lines.add(text.substring(start, end));
			start = end;
		}
		return lines;
	}

	/** Replaces characters the font has no glyph for (an unusual 外字 in a contributed label) by 〓. */
	private String safe(String s) {
		try {
			font.encode(s);
			return s;
		} catch (IOException | IllegalArgumentException e) {
			StringBuilder b = new StringBuilder();
			s.codePoints().forEach(cp -> {
				String ch = new String(Character.toChars(cp));
				try {
					font.encode(ch);
					b.append(ch);
				} catch (IOException | IllegalArgumentException ex) {
					b.append('〓');
				}
			});
			return b.toString();
		}
	}
}
