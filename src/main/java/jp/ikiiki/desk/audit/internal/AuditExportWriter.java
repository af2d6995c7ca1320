package jp.ikiiki.desk.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import jp.ikiiki.desk.audit.AuditEntry;
import jp.ikiiki.desk.audit.AuditQueries.Format;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.JapaneseDates;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes audit entries as CSV (UTF-8 with a BOM so that Excel reads it as UTF-8, every text cell through
 * {@link CsvCells}, which neutralises a leading {@code = + - @}) or XLSX (SXSSF: a hundred rows in memory at a time).
 * Entries are read from a stream and never held all at once.
 */
final class AuditExportWriter {

	static final String[] HEADERS = { "日時", "ユーザー", "操作", "画面・API", "送信元", "対象者（宛名番号）", "ファイル", "内容" };

	private AuditExportWriter() {
	}

	static long write(Format format, Iterator<AuditEntry> entries, OutputStream out) {
		try {
			return format == Format.CSV ? csv(entries, out) : xlsx(entries, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String[] cells(AuditEntry e) {
		return new String[] { JapaneseDates.toWesternTimestamp(e.occurredAt()), e.username(), e.action().label(), e.channel(),
				e.sourceAddress(), String.join(" ", e.subjectIds()), e.fileName(), e.detail() };
	}

	private static long csv(Iterator<AuditEntry> entries, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(CsvCells.line((Object[]) HEADERS));
		writer.write("\r\n");
		long n = 0;
		while (entries.hasNext()) {
			writer.write(CsvCells.line((Object[]) cells(entries.next())));
			writer.write("\r\n");
			n++;
		}
		writer.flush();
		return n;
	}

	private static long xlsx(Iterator<AuditEntry> entries, OutputStream out) throws IOException {
		try (var workbook = new SXSSFWorkbook(100)) {
			var sheet = workbook.createSheet("監査ログ");
			var bold = workbook.createFont();
			bold.setBold(true);
			var header = workbook.createCellStyle();
			header.setFont(bold);
			Row first = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				var cell = first.createCell(i);
				cell.setCellValue(HEADERS[i]);
				cell.setCellStyle(header);
			}
			sheet.createFreezePane(0, 1);
			int rowIndex = 1;
			while (entries.hasNext()) {
				String[] cells = cells(entries.next());
				Row row = sheet.createRow(rowIndex++);
				for (int i = 0; i < cells.length; i++) {
					if (cells[i] != null) {
						// Text cells: XLSX keeps them as strings, never formulas.
						row.createCell(i).setCellValue(cells[i].length() > 32_000 ? cells[i].substring(0, 32_000) : cells[i]);
					}
				}
			}
			int[] widths = { 20, 14, 12, 24, 16, 24, 24, 60 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			workbook.write(out);
			workbook.dispose();
			return rowIndex - 1L;
		}
	}
}
