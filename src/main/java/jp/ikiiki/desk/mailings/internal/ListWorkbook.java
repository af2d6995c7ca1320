package jp.ikiiki.desk.mailings.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list for people to take elsewhere (Excel): a title row, a bold header row with a filter and frozen, then one row
 * per item, streamed (SXSSF keeps 200 rows in memory, the rest in a temporary file that {@link #close} removes). Text
 * cells are text: a value starting with = + - @ is not a formula in XLSX.
 */
final class ListWorkbook implements AutoCloseable {

	private final SXSSFWorkbook book = new SXSSFWorkbook(200);
	private final SXSSFSheet sheet;
	private final int columns;
	private int next;

	ListWorkbook(String sheetName, String title, List<String> headers) {
		this.sheet = book.createSheet(sheetName);
		this.columns = headers.size();
		sheet.createRow(next++).createCell(0).setCellValue(title);
		Font bold = book.createFont();
		bold.setBold(true);
		CellStyle header = book.createCellStyle();
		header.setFont(bold);
		Row row = sheet.createRow(next++);
		for (int i = 0; i < headers.size(); i++) {
			Cell c = row.createCell(i);
			c.setCellValue(headers.get(i));
			c.setCellStyle(header);
			sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3) * 256);
		}
		sheet.createFreezePane(0, next);
	}

	/** One row; numbers stay numbers, everything else is written as text. */
	void row(Object... values) {
		Row row = sheet.createRow(next++);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v instanceof Number n) {
				row.createCell(i).setCellValue(n.doubleValue());
			} else {
				row.createCell(i).setCellValue(v == null ? "" : v.toString());
			}
		}
	}

	void writeTo(OutputStream out) {
		sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next - 1), 0, columns - 1));
		try {
			book.write(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		book.dispose();
		try {
			book.close();
		} catch (IOException e) {
			// temporary files are removed by dispose; nothing else to release
		}
	}
}
