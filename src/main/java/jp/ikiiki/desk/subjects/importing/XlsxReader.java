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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook with POI's event API (SAX over the sheet XML), one row in
 * memory at a time. Row 1 is the header. Cells come as the text the city means, not as Excel displays it:
 * a date cell becomes ISO {@code yyyy-MM-dd} whatever its display format, and a number becomes its plain
 * digits ({@code 1234567}, never {@code 1234567.0} or {@code 1.234567E6}), so that 宛名番号 and 郵便番号
 * typed as numbers survive. Shared strings are held by POI's read-only table.
 */
final class XlsxReader {

	private XlsxReader() {
	}

	/**
	 * Reads the first sheet of the workbook in {@code file}.
	 *
	 * @throws UnreadableFileException if the file is not a readable XLSX workbook
	 */
	static void read(File file, RowHandler handler) {
		try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			var strings = new ReadOnlySharedStringsTable(pkg, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFileException(1, "ブックにシートがありません。");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
						new CodeFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		} catch (UnreadableFileException e) {
			throw e;
		} catch (NotOfficeXmlFileException | InvalidFormatException | OpenXML4JRuntimeException e) {
			throw new UnreadableFileException(1, "XLSX形式のファイルとして読めません（Excel 97-2003 の .xls は未対応です。.xlsx か CSV で保存してください）。", e);
		} catch (SAXException e) {
			if (e.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new UnreadableFileException(1, "XLSXファイルのシートを読めません。", e);
		} catch (IOException | OpenXML4JException | javax.xml.parsers.ParserConfigurationException e) {
			throw new UnreadableFileException(1, "XLSXファイルを読めません。", e);
		}
	}

	/** Collects the cells of one row, filling the columns Excel leaves out (blank cells) with "". */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
		private final RowHandler handler;
		private final List<String> cells = new ArrayList<>();
		private int nextColumn;

		Rows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			cells.clear();
			nextColumn = 0;
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			if (cells.size() == column) {
				cells.add(formattedValue == null ? "" : formattedValue);
			} else {
				cells.set(column, formattedValue == null ? "" : formattedValue);
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
