package jp.ikiiki.desk.progress.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * A one-sheet XLSX of text cells written as the rows come, straight into the zip: every cell an inline string with
 * the text format ({@code @}, built-in format 49), so that nothing is read as a number, a date or a formula and
 * 宛名番号 keep their leading zeros; the header row frozen. POI's SXSSF writes each row to a temporary file first and
 * then copies and compresses it, with one cell object per value: for 190,000 rows of 84 columns that took 32–40 s,
 * this writer a fraction of it (see the progress list benchmark). Characters XML 1.0 cannot hold are written as
 * {@code ?}, as POI does.
 */
final class TextSheetXlsx implements AutoCloseable {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

	private final ZipOutputStream zip;
	private final Writer xml;
	private final String[] columns;
	private final StringBuilder line = new StringBuilder(16 * 1024);
	private long row;

	/**
	 * Starts the file and the sheet.
	 *
	 * @param out       where the file goes; not closed
	 * @param sheetName the sheet's name (at most 31 characters)
	 * @param columns   the number of columns; each gets the text format
	 */
	TextSheetXlsx(OutputStream out, String sheetName, int columns) throws IOException {
		this.zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				out.flush();
			}
		}, StandardCharsets.UTF_8);
		zip.setLevel(Deflater.BEST_SPEED);
		this.columns = new String[columns];
		for (int i = 0; i < columns; i++) {
			this.columns[i] = CellReference.convertNumToColString(i);
		}
		this.xml = new java.io.BufferedWriter(new OutputStreamWriter(new java.io.FilterOutputStream(zip) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				zip.write(b, off, len);
			}

			@Override
			public void close() {
				// the zip stays open for the next part
			}
		}, StandardCharsets.UTF_8), 1 << 16);
		part("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/styles.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
				</Types>""");
		part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
				+ PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
				+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		part("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
				+ MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView/></bookViews><sheets><sheet name=\""
				+ escapeAttribute(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
				+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + REL
				+ "/styles\" Target=\"styles.xml\"/></Relationships>");
		// style 1: the built-in text format "@" (49)
		part("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
				+ MAIN + "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
				+ "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill>"
				+ "<patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/>"
				+ "<top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
				+ "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" "
				+ "fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" "
				+ "borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\">"
				+ "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
				+ "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
				+ "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
				+ "<sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"" + columns
				+ "\" width=\"12\" style=\"1\" customWidth=\"1\"/></cols><sheetData>");
	}

	private void part(String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		xml.write(content);
		xml.flush();
		zip.closeEntry();
	}

	/** Writes the next row; empty and null values leave their cell out. */
	void row(List<String> values) throws IOException {
		// one row is built in memory and handed to the encoder at once: a write per tag took a third of the time
		StringBuilder b = line;
		b.setLength(0);
		String r = Long.toString(++row);
		b.append("<row r=\"").append(r).append("\">");
		for (int i = 0; i < values.size() && i < columns.length; i++) {
			String v = values.get(i);
			if (v == null || v.isEmpty()) {
				continue;
			}
			b.append("<c r=\"").append(columns[i]).append(r).append("\" s=\"1\" t=\"inlineStr\"><is><t");
			if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
				b.append(" xml:space=\"preserve\"");
			}
			b.append('>');
			escapeText(v, b);
			b.append("</t></is></c>");
		}
		b.append("</row>");
		xml.append(b);
	}

	/** Rows written so far. */
	long rows() {
		return row;
	}

	private static void escapeText(String v, StringBuilder b) {
		int n = v.length();
		for (int i = 0; i < n; i++) {
			char c = v.charAt(i);
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '\t' -> b.append("&#x9;");
				case '\n' -> b.append("&#xa;");
				case '\r' -> b.append("&#xd;");
				default -> b.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '?' : c);
			}
		}
	}

	private static String escapeAttribute(String v) {
		return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** Ends the sheet and the file; the stream given is flushed, not closed. */
	@Override
	public void close() throws IOException {
		xml.write("</sheetData></worksheet>");
		xml.flush();
		zip.closeEntry();
		zip.finish();
		zip.flush();
	}
}
