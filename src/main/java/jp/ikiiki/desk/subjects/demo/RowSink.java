package jp.ikiiki.desk.subjects.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes header and rows to a file, one row at a time. */
interface RowSink extends Closeable {

	void header(List<String> headers) throws IOException;

	/**
	 * @param text  every cell as text ("" for blank)
	 * @param dates per cell, a date to write as a typed date cell where the format has them (XLSX), else null
	 */
	void row(String[] text, LocalDate[] dates) throws IOException;

	/** Flushes what is left; does not close the caller's stream. */
	void finish() throws IOException;

	static RowSink open(OutputFormat format, OutputStream out, String sheetName) throws IOException {
		return format == OutputFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(format, out);
	}

	/** CSV with CRLF line ends; cells quoted only when they need it; an unencodable character is an error. */
	final class Csv implements RowSink {
		private final Writer writer;

		Csv(OutputFormat format, OutputStream out) throws IOException {
			var encoder = format.charset().newEncoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT);
			this.writer = new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16);
			if (format == OutputFormat.CSV_UTF8) {
				writer.write('\uFEFF');
			}
		}

		@Override
		public void header(List<String> headers) throws IOException {
			line(headers.toArray(String[]::new));
		}

		@Override
		public void row(String[] text, LocalDate[] dates) throws IOException {
			line(text);
		}

		private void line(String[] cells) throws IOException {
			for (int k = 0; k < cells.length; k++) {
				if (k > 0) {
					writer.write(',');
				}
				String c = cells[k] == null ? "" : cells[k];
				if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
					writer.write('"');
					writer.write(c.replace("\"", "\"\""));
					writer.write('"');
				}
				else {
					writer.write(c);
				}
			}
			writer.write("\r\n");
		}

		@Override
		public void finish() throws IOException {
			writer.flush();
		}

		@Override
		public void close() {
			// the caller owns the stream
		}
	}

	/** One sheet written through SXSSF: only a window of 100 rows is in memory, the rest in a compressed temp file. */
	final class Xlsx implements RowSink {
		private static final Date FIXED_CREATED = Date.from(LocalDateTime.of(2026, 9, 1, 0, 0).toInstant(ZoneOffset.UTC));

		private final OutputStream out;
		private final SXSSFWorkbook workbook;
		private final SXSSFSheet sheet;
		private final CellStyle dateStyle;
		private int next;

		Xlsx(OutputStream out, String sheetName) {
			this.out = out;
			this.workbook = new SXSSFWorkbook(100);
			workbook.setCompressTempFiles(true);
			// Fixed document dates, so that the same seed gives the same workbook content.
			var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
			core.setCreated(Optional.of(FIXED_CREATED));
			core.setModified(Optional.of(FIXED_CREATED));
			core.setCreator("Ikiiki Desk demo data");
			this.sheet = workbook.createSheet(sheetName);
			this.dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
		}

		@Override
		public void header(List<String> headers) {
			SXSSFRow row = sheet.createRow(next++);
			for (int k = 0; k < headers.size(); k++) {
				row.createCell(k).setCellValue(headers.get(k));
			}
		}

		@Override
		public void row(String[] text, LocalDate[] dates) {
			SXSSFRow row = sheet.createRow(next++);
			for (int k = 0; k < text.length; k++) {
				if (dates[k] != null) {
					var cell = row.createCell(k);
					cell.setCellValue(dates[k]);
					cell.setCellStyle(dateStyle);
				}
				else if (text[k] != null && !text[k].isEmpty()) {
					row.createCell(k).setCellValue(text[k]);
				}
			}
		}

		@Override
		public void finish() throws IOException {
			workbook.write(out);
			out.flush();
		}

		@Override
		public void close() throws IOException {
			workbook.close();
		}
	}
}
