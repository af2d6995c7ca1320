package jp.ikiiki.desk.subjects.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming XLSX workbook (SXSSF: only a window of rows in memory, the rest in temporary files)
 * made of simple tables: a bold header row, then values. A sheet that reaches Excel's row limit continues
 * on a sheet named "名前(2)", so nothing is cut off. Text is written as text cells, never as formulas, so a value
 * such as {@code =HYPERLINK(...)} from a city file stays text in Excel. Used by the subjects module's reports and
 * list exports (public for {@code subjects.internal}; not part of the module's API).
 */
public final class ReportWorkbook implements AutoCloseable {

	private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
	private final CellStyle headerStyle;

	public ReportWorkbook() {
		headerStyle = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		headerStyle.setFont(bold);
	}

	/** A new table; its header is repeated on continuation sheets. */
	public Table table(String name, int... columnWidths) {
		return new Table(name, columnWidths);
	}

	public void write(OutputStream out) {
		try {
			workbook.write(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			workbook.close(); // also removes SXSSF's temporary files
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One table of the workbook: a header row, then rows. */
	public final class Table {
		private final String name;
		private final int[] widths;
		private String[] header;
		private SXSSFSheet sheet;
		private int part = 1;
		private int next;

		private Table(String name, int[] widths) {
			this.name = name;
			this.widths = widths;
			this.sheet = workbook.createSheet(name);
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
		}

		public Table header(String... titles) {
			this.header = titles;
			writeHeader();
			return this;
		}

		private void writeHeader() {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < header.length; i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(header[i]);
				cell.setCellStyle(headerStyle);
			}
			sheet.createFreezePane(0, 1);
		}

		/** Appends a row: numbers as numbers, everything else as text (null as blank). */
		public Table row(Object... values) {
			if (next >= MAX_ROWS) {
				part++;
				sheet = workbook.createSheet(name + "(" + part + ")");
				for (int i = 0; i < widths.length; i++) {
					sheet.setColumnWidth(i, widths[i] * 256);
				}
				next = 0;
				if (header != null) {
					writeHeader();
				}
			}
			Row row = sheet.createRow(next++);
			for (int i = 0; i < values.length; i++) {
				Object v = values[i];
				if (v == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (v instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				} else {
					String s = v.toString();
					// Excel's cell limit; a longer value (never expected in these files) is marked as cut.
					cell.setCellValue(s.length() > 32_767 ? s.substring(0, 32_760) + "…(省略)" : s);
				}
			}
			return this;
		}
	}
}
