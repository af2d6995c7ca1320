package jp.ikiiki.desk.groups.publiclists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The searchable public list of one category as XLSX (第9章1(6) イ): every ward's groups of the category, the headings
 * in row 1 frozen, an autofilter over the whole table, every value a text cell (a value starting with = is never a
 * formula). Streamed (SXSSF): a category of thousands of groups keeps 100 rows in memory.
 */
final class PublicListXlsx {

	private PublicListXlsx() {
	}

	static byte[] write(String sheetName, List<String> headings, List<Integer> widths, List<List<String>> rows) {
		var wb = new SXSSFWorkbook(100);
		try (var out = new ByteArrayOutputStream()) {
			SXSSFSheet sheet = wb.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
			CellStyle head = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			head.setFont(bold);
			head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			Row header = sheet.createRow(0);
			for (int i = 0; i < headings.size(); i++) {
				header.createCell(i).setCellValue(headings.get(i));
				header.getCell(i).setCellStyle(head);
				sheet.setColumnWidth(i, Math.min(80, 6 + widths.get(i) * 7) * 256);
			}
			int r = 1;
			for (List<String> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i).setCellValue(values.get(i) == null ? "" : values.get(i));
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headings.size() - 1));
			wb.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			wb.dispose();
		}
	}
}
