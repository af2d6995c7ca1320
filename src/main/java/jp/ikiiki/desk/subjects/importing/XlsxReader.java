package jp.ikiiki.desk.subjects.importing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of an XLSX workbook with POI's event API (SAX over the sheet XML), one row in
 * memory at a time. Row 1 is the header. Cells come as the text the city means, not as Excel displays it:
 * a date cell becomes ISO {@code yyyy-MM-dd} whatever its display format, and a number becomes its plain
 * digits ({@code 1234567}, never {@code 1234567.0} or {@code 1.234567E6}), so that 宛名番号 and 郵便番号
 * typed as numbers survive. Shared strings are held by POI's read-only table.
 * <p>
 * A hostile workbook is refused while it is read: POI's zip-bomb check (an entry inflating more than a hundred
 * times) applies; the unpacked sheet may not exceed {@link Limits#maxPartBytes}, the shared strings (held in
 * memory) and the styles not {@link Limits#maxSharedStringsBytes}; a cell may not hold more than
 * {@link ReadLimits#maxCellLength()} characters — counted as the XML streams, before the cell is built — nor a row
 * more than {@link ReadLimits#maxColumns()} cells.
 */
final class XlsxReader {

	/**
	 * @param row            the per-row limits
	 * @param maxPartBytes   unpacked bytes of the sheet
	 * @param maxSharedStringsBytes unpacked bytes of the shared strings and of the styles, which POI holds in memory
	 */
	record Limits(ReadLimits row, long maxPartBytes, long maxSharedStringsBytes) {
	}

	private XlsxReader() {
	}

	/**
	 * Reads the first sheet of the workbook in {@code file}.
	 *
	 * @throws UnreadableFileException if the file is not a readable XLSX workbook
	 * @throws LimitExceededException  if it is beyond a limit
	 */
	static void read(File file, Limits limits, RowHandler handler) {
		try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles;
			try (InputStream in = reader.getStylesData()) {
				styles = in == null ? new StylesTable() : new StylesTable(bounded(in, limits.maxSharedStringsBytes(),
						"スタイル（styles.xml）"));
			}
			ReadOnlySharedStringsTable strings;
			try (InputStream in = reader.getSharedStringsData()) {
				// Without a shared-strings part, the package constructor finds none and the table is empty.
				strings = in == null ? new ReadOnlySharedStringsTable(pkg, false)
						: new ReadOnlySharedStringsTable(bounded(in, limits.maxSharedStringsBytes(), "共有文字列（sharedStrings.xml）"),
								false);
			}
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFileException(1, "ブックにシートがありません。");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				var rows = new Rows(handler, limits.row());
				parser.setContentHandler(new CellLengthGuard(new XSSFSheetXMLHandler(styles, null, strings, rows,
						new CodeFormatter(), false), limits.row()));
				parser.parse(new InputSource(bounded(sheet, limits.maxPartBytes(), "シート")));
			}
		} catch (UnreadableFileException | LimitExceededException e) {
			throw e;
		} catch (NotOfficeXmlFileException | InvalidFormatException | OpenXML4JRuntimeException e) {
			throw new UnreadableFileException(1, "XLSX形式のファイルとして読めません（Excel 97-2003 の .xls は未対応です。.xlsx か CSV で保存してください）。", e);
		} catch (SAXException e) {
			if (e.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new UnreadableFileException(1, "XLSXファイルのシートを読めません。", e);
		} catch (IOException e) {
			if (isZipBomb(e)) {
				throw new LimitExceededException(0, "max-xlsx-part-size", "XLSXファイルの圧縮率が異常です（展開すると極端に大きくなる"
						+ "ファイルです）。Excel で開いて保存し直してください。取込は中止しました。");
			}
			throw new UnreadableFileException(1, "XLSXファイルを読めません。", e);
		} catch (OpenXML4JException | javax.xml.parsers.ParserConfigurationException e) {
			throw new UnreadableFileException(1, "XLSXファイルを読めません。", e);
		}
	}

	private static boolean isZipBomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String m = t.getMessage();
			if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb"))) {
				return true;
			}
		}
		return false;
	}

	/** The stream, refused beyond {@code max} bytes. */
	private static InputStream bounded(InputStream in, long max, String part) {
		return new BoundedInputStream(in, max, total -> new LimitExceededException(0, "max-xlsx-part-size",
				"XLSXファイルの" + part + "が大きすぎます（展開後 " + (max / (1024 * 1024)) + " MB まで）。取込は中止しました。"));
	}

	/**
	 * Counts the characters of each cell as the sheet XML streams, and refuses a cell beyond the limit before POI
	 * has collected it into one string.
	 */
	private static final class CellLengthGuard extends DefaultHandler {
		private final DefaultHandler inner;
		private final ReadLimits limits;
		private long row;
		private String cell;
		private boolean inCell;
		private int length;

		CellLengthGuard(DefaultHandler inner, ReadLimits limits) {
			this.inner = inner;
			this.limits = limits;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
			if ("row".equals(localName)) {
				String r = atts.getValue("r");
				row = r == null ? row + 1 : parseRow(r, row + 1);
			} else if ("c".equals(localName)) {
				cell = atts.getValue("r");
				inCell = true;
				length = 0;
			}
			inner.startElement(uri, localName, qName, atts);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			if ("c".equals(localName)) {
				inCell = false;
			}
			inner.endElement(uri, localName, qName);
		}

		@Override
		public void characters(char[] ch, int start, int len) throws SAXException {
			length += inCell ? len : 0;
			if (length > limits.maxCellLength()) {
				int column = cell == null ? 0 : new CellReference(cell).getCol() + 1;
				throw limits.cellTooLong(row, column);
			}
			inner.characters(ch, start, len);
		}

		private static long parseRow(String r, long fallback) {
			try {
				return Long.parseLong(r);
			} catch (NumberFormatException e) {
				return fallback;
			}
		}
	}

	/** Collects the cells of one row, filling the columns Excel leaves out (blank cells) with "". */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
		private final RowHandler handler;
		private final ReadLimits limits;
		private final List<String> cells = new ArrayList<>();
		private int nextColumn;
		private long row;

		Rows(RowHandler handler, ReadLimits limits) {
			this.handler = handler;
			this.limits = limits;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
			nextColumn = 0;
			row = rowNum + 1L;
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
			String value = formattedValue == null ? "" : formattedValue;
			if (column >= limits.maxColumns()) {
				if (value.isEmpty()) {
					return; // a formatted but empty cell far to the right is no column
				}
				throw limits.tooManyColumns(row);
			}
			if (value.length() > limits.maxCellLength()) {
				throw limits.cellTooLong(row, column + 1);
			}
			while (cells.size() < column) {
				cells.add("");
			}
			if (cells.size() == column) {
				cells.add(value);
			} else {
				cells.set(column, value);
			}
			nextColumn = column + 1;
		}

		@Override
		public void endRow(int rowNum) {
			handler.row(new SourceRow(rowNum + 1L, List.copyOf(cells)));
		}
	}

	/**
	 * Formats numeric cells for import: dates as ISO dates (the 1900 date system), other numbers as plain
	 * digits without a trailing ".0", grouping or exponent.
	 */
	static final class CodeFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return format(value, formatIndex, formatString);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			return format(value, formatIndex, formatString);
		}

		static String format(double value, int formatIndex, String formatString) {
			if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, false).toLocalDate().toString();
			}
			return plain(value);
		}

		static String plain(double value) {
			BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
			return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
		}
	}
}
