package jp.ikiiki.desk.shared;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
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
 * A one-sheet XLSX written row by row straight into the zip, for the large lists the city receives (支払データ,
 * 対象者別進捗状況一覧): text cells as inline strings with the text format ({@code @}, built-in format 49, also the
 * columns' format), so that codes, 宛名番号 and account numbers keep their leading zeros and are never read as numbers,
 * dates or formulas; whole numbers as number cells where the caller says so; the header row frozen. POI's SXSSF wrote
 * each row to a temporary file first with one object per cell, then copied and compressed it: for 190,000 rows of 84
 * columns that took 32–40 s, this writer a fraction of it (see the progress list and payment run benchmarks).
 * Characters XML 1.0 cannot hold are written as {@code ?}, as POI does.
 */
public final class StreamingXlsx implements AutoCloseable {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
	private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

	private final ZipOutputStream zip;
	private final Writer xml;
	private final String[] columns;
	private final StringBuilder line = new StringBuilder(2048);
	private long rows;
	private String rowNumber;
	private int cell;

	/**
	 * Starts the file and the sheet.
	 *
	 * @param out       where the file goes; flushed, not closed
	 * @param sheetName the sheet's name (at most 31 characters)
	 * @param columns   the number of columns
	 */
	public StreamingXlsx(OutputStream out, String sheetName, int columns) throws IOException {
		this.zip = new ZipOutputStream(new FilterOutputStream(out) {
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
		this.xml = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				zip.write(b, off, len);
			}

			@Override
			public void close() {
				// the zip stays open for the next part
			}
		}, StandardCharsets.UTF_8), 1 << 16);
		part("[Content_Types].xml", XML
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" "
				+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
				+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ "<Override PartName=\"/xl/styles.xml\" "
				+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
		part("_rels/.rels", XML + "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL
				+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
		part("xl/workbook.xml", XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews>"
				+ "<workbookView/></bookViews><sheets><sheet name=\"" + escapeAttribute(sheetName)
				+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		part("xl/_rels/workbook.xml.rels", XML + "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship Id=\"rId1\" "
				+ "Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\""
				+ REL + "/styles\" Target=\"styles.xml\"/></Relationships>");
		// style 0: general (numbers); style 1: the built-in text format "@" (49)
		part("xl/styles.xml", XML + "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font><sz val=\"11\"/>"
				+ "<name val=\"Calibri\"/><family val=\"2\"/></font></fonts><fills count=\"2\"><fill>"
				+ "<patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
				+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
				+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
				+ "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
				+ "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
				+ "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
				+ "</styleSheet>");
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		xml.write(XML + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView "
				+ "tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
				+ "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView>"
				+ "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"" + columns
				+ "\" width=\"14\" style=\"1\" customWidth=\"1\"/></cols><sheetData>");
	}

	private void part(String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		xml.write(content);
		xml.flush();
		zip.closeEntry();
	}

	/** Writes the next row of text cells; empty and null values leave their cell empty. */
	public void row(List<String> values) throws IOException {
		startRow();
		for (String v : values) {
			text(v);
		}
		endRow();
	}

	/** Starts the next row (the first is row 1, the header); end it with {@link #endRow()}. */
	public StreamingXlsx startRow() {
		// one row is built in memory and handed to the encoder at once (a write per tag costs a third more)
		line.setLength(0);
		rowNumber = Long.toString(++rows);
		cell = 0;
		line.append("<row r=\"").append(rowNumber).append("\">");
		return this;
	}

	/** The row's next cell as text; null or empty leaves the cell empty. */
	public StreamingXlsx text(String v) {
		int i = next();
		if (v == null || v.isEmpty()) {
			return this;
		}
		StringBuilder b = line;
		b.append("<c r=\"").append(columns[i]).append(rowNumber).append("\" s=\"1\" t=\"inlineStr\"><is><t");
		if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
			b.append(" xml:space=\"preserve\"");
		}
		b.append('>');
		escapeText(v, b);
		b.append("</t></is></c>");
		return this;
	}

	/** The row's next cell as a whole number. */
	public StreamingXlsx number(long v) {
		int i = next();
		line.append("<c r=\"").append(columns[i]).append(rowNumber).append("\"><v>").append(v).append("</v></c>");
		return this;
	}

	private int next() {
		if (cell >= columns.length) {
			// a programming error: the caller's columns and values disagree (nothing may be cut off silently)
			throw new IllegalStateException("more cells than columns");
		}
		return cell++;
	}

	/** Ends the row started by {@link #startRow}. */
	public void endRow() throws IOException {
		line.append("</row>");
		xml.append(line);
	}

	/** Rows written so far, the header included. */
	public long rows() {
		return rows;
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
