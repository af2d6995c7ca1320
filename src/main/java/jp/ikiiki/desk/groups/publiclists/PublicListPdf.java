package jp.ikiiki.desk.groups.publiclists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.shared.JapaneseFonts;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The public list of one ward and one category as PDF (第9章1(6) ア): A4 landscape, the title (ward, category, as-of
 * date), the configured columns with their headings repeated on every page, every value wrapped within its column,
 * page numbers. IPAex Gothic (bundled) for the text; a character it lacks is drawn in IPAmj Mincho when installed
 * (Debian {@code fonts-ipamj-mincho}, as the print files do), else as 〓. Each cell's lines are written one after the
 * other in the content stream, so a text extractor reads a wrapped value as one piece — what the private-field check
 * relies on.
 */
final class PublicListPdf {

	static final Path IPAMJ = Path.of("/usr/share/fonts/truetype/ipamj/ipamjm.ttf");

	private static final float MARGIN = 36;
	private static final float SIZE = 9;
	private static final float LEADING = 12;
	private static final float PAD = 3;

	private PublicListPdf() {
	}

	/** The heading and the rows (one string per column) of the list. */
	record Table(String title, String subtitle, List<String> headings, List<Integer> widths, List<List<String>> rows) {
	}

	static byte[] write(Table table) {
		try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(table.title());
			info.setCreator("いきいきデスク");
			var face = new Face(doc);
			PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
			float usable = size.getWidth() - 2 * MARGIN;
			int total = table.widths().stream().mapToInt(Integer::intValue).sum();
			float[] col = new float[table.widths().size()];
			for (int i = 0; i < col.length; i++) {
				col[i] = usable * table.widths().get(i) / total;
			}
			List<List<String>> header = wrapRow(face, table.headings(), col);
			// Lay the rows out into pages first, so that each page can say "n / N".
			List<List<List<List<String>>>> pages = new ArrayList<>();
			List<List<List<String>>> page = new ArrayList<>();
			float top = size.getHeight() - MARGIN - 44;
			float bottom = MARGIN + 20;
			float y = top - height(header);
			for (List<String> row : table.rows()) {
				List<List<String>> wrapped = wrapRow(face, row, col);
				float h = height(wrapped);
				if (y - h < bottom && !page.isEmpty()) {
					pages.add(page);
					page = new ArrayList<>();
					y = top - height(header);
				}
				page.add(wrapped);
				y -= h;
			}
			pages.add(page);
			for (int p = 0; p < pages.size(); p++) {
				var pdPage = new PDPage(size);
				doc.addPage(pdPage);
				try (var cs = new PDPageContentStream(doc, pdPage)) {
					text(cs, face, table.title(), MARGIN, size.getHeight() - MARGIN - 14, 14);
					text(cs, face, table.subtitle(), MARGIN, size.getHeight() - MARGIN - 32, SIZE);
					float yy = top;
					yy = drawRow(cs, face, header, col, yy, true);
					for (List<List<String>> row : pages.get(p)) {
						yy = drawRow(cs, face, row, col, yy, false);
					}
					if (pages.get(p).isEmpty()) {
						text(cs, face, "該当する団体はありません。", MARGIN + PAD, yy - LEADING, SIZE);
					}
					String footer = (p + 1) + " / " + pages.size();
					text(cs, face, footer, size.getWidth() / 2 - face.width(footer, SIZE) / 2, MARGIN, SIZE);
				}
			}
			doc.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static float height(List<List<String>> row) {
		int lines = row.stream().mapToInt(List::size).max().orElse(1);
		return Math.max(1, lines) * LEADING + 2 * PAD;
	}

	private static float drawRow(PDPageContentStream cs, Face face, List<List<String>> row, float[] col, float y,
			boolean header) throws IOException {
		float h = height(row);
		float x = MARGIN;
		if (header) {
			cs.setNonStrokingColor(0.88f, 0.88f, 0.88f);
			cs.addRect(MARGIN, y - h, sum(col), h);
			cs.fill();
			cs.setNonStrokingColor(0f, 0f, 0f);
		}
		cs.setLineWidth(0.5f);
		for (int i = 0; i < col.length; i++) {
			cs.addRect(x, y - h, col[i], h);
			cs.stroke();
			float ly = y - PAD - SIZE;
			for (String line : row.get(i)) {
				text(cs, face, line, x + PAD, ly, SIZE);
				ly -= LEADING;
			}
			x += col[i];
		}
		return y - h;
	}

	private static float sum(float[] col) {
		float s = 0;
		for (float c : col) {
			s += c;
		}
		return s;
	}

	private static void text(PDPageContentStream cs, Face face, String s, float x, float y, float size)
			throws IOException {
		if (s == null || s.isEmpty()) {
			return;
		}
		cs.beginText();
		cs.newLineAtOffset(x, y);
		face.show(cs, s, size);
		cs.endText();
	}

	private static List<List<String>> wrapRow(Face face, List<String> row, float[] col) throws IOException {
		List<List<String>> cells = new ArrayList<>();
		for (int i = 0; i < col.length; i++) {
			cells.add(wrap(face, i < row.size() ? row.get(i) : "", col[i] - 2 * PAD));
		}
		return cells;
	}

	/** The text broken into lines that fit the width (by character: Japanese has no spaces to break at). */
	static List<String> wrap(Face face, String text, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			lines.add("");
			return lines;
		}
		String clean = text.replaceAll("\\p{Cntrl}", " ");
		var line = new StringBuilder();
		for (int i = 0; i < clean.length(); ) {
			int cp = clean.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			if (line.length() > 0 && face.width(line + ch, SIZE) > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(ch);
			i += Character.charCount(cp);
		}
		lines.add(line.toString());
		return lines;
	}

	/** IPAex Gothic loaded into the document, with IPAmj Mincho for what it lacks (loaded when first needed). */
	static final class Face {
		private final PDDocument doc;
		private final PDType0Font primary;
		private final CmapLookup cmap;
		private PDType0Font fallback;
		private CmapLookup fallbackCmap;
		private boolean fallbackTried;

		Face(PDDocument doc) throws IOException {
			this.doc = doc;
			TrueTypeFont ttf = JapaneseFonts.parse(JapaneseFonts.Face.GOTHIC);
			this.primary = JapaneseFonts.load(doc, ttf);
			this.cmap = ttf.getUnicodeCmapLookup();
		}

		float width(String s, float size) throws IOException {
			float w = 0;
			for (var run : runs(s)) {
				w += run.font().getStringWidth(run.text()) / 1000 * size;
			}
			return w;
		}

		void show(PDPageContentStream cs, String s, float size) throws IOException {
			for (var run : runs(s)) {
				cs.setFont(run.font(), size);
				cs.showText(run.text());
			}
		}

		private record Run(PDType0Font font, String text) {
		}

		private List<Run> runs(String s) throws IOException {
			List<Run> out = new ArrayList<>();
			var sb = new StringBuilder();
			PDType0Font current = null;
			for (int i = 0; i < s.length(); ) {
				int cp = s.codePointAt(i);
				i += Character.charCount(cp);
				PDType0Font f = primary;
				if (cmap.getGlyphId(cp) == 0) {
					PDType0Font fb = fallback();
					if (fb != null && fallbackCmap.getGlyphId(cp) != 0) {
						f = fb;
					} else {
						cp = '〓';
					}
				}
				if (current != null && f != current) {
					out.add(new Run(current, sb.toString()));
					sb.setLength(0);
				}
				current = f;
				sb.appendCodePoint(cp);
			}
			if (current != null) {
				out.add(new Run(current, sb.toString()));
			}
			return out;
		}

		private PDType0Font fallback() throws IOException {
			if (!fallbackTried) {
				fallbackTried = true;
				if (Files.isReadable(IPAMJ)) {
					TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(IPAMJ.toFile()));
					fallbackCmap = ttf.getUnicodeCmapLookup();
					fallback = PDType0Font.load(doc, ttf, true);
				}
			}
			return fallback;
		}
	}
}
