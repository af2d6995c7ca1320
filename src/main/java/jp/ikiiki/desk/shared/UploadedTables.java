package jp.ikiiki.desk.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of a small table a person uploads (a pull-out list, the bank's 振込不能 file), as the city and banks make
 * them: CSV in UTF-8 (with or without BOM) or else Windows-31J, RFC 4180 quoting (a quoted cell may hold commas,
 * doubled quotes and line breaks); or the first sheet of an XLSX, each cell as the spreadsheet shows it and a formula
 * as written ({@code =…}), never evaluated, so that the caller's checks refuse it. Blank lines are kept as empty rows,
 * so that row numbers stay those the person sees in the file. Large files (the city's 別紙2/3) have their own
 * streaming readers; these are read whole, and the caller bounds their size first.
 */
public final class UploadedTables {

	private UploadedTables() {
	}

	/** The rows of a CSV file, each as its cells. */
	public static List<String[]> csv(byte[] bytes) {
		String text = decode(bytes);
		List<String[]> out = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cur.append('"');
					i++;
				} else if (ch == '"') {
					quoted = false;
				} else {
					cur.append(ch);
				}
			} else if (ch == '"') {
				quoted = true;
			} else if (ch == ',') {
				cells.add(cur.toString());
				cur.setLength(0);
			} else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cur.toString());
				cur.setLength(0);
				out.add(cells.toArray(String[]::new));
				cells = new ArrayList<>();
			} else {
				cur.append(ch);
			}
		}
		if (cur.length() > 0 || !cells.isEmpty()) {
			cells.add(cur.toString());
			out.add(cells.toArray(String[]::new));
		}
		return out;
	}

	/** The text of a file: UTF-8 (a BOM dropped) if it is valid UTF-8, else Windows-31J (Shift_JIS as Windows writes it). */
	public static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, Charset.forName("windows-31j"));
		}
	}

	/**
	 * The rows of the first sheet of an XLSX file, at most {@code maxRows} and {@code maxColumns} cells a row (what lies
	 * beyond is not read: the caller refuses a file with more rows than it allows).
	 *
	 * @param field what the refusal names (the file's field in the form or the API)
	 * @throws InvalidInputException if the content is no XLSX file
	 */
	public static List<String[]> xlsx(byte[] bytes, int maxRows, int maxColumns, String field) {
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter();
			List<String[]> out = new ArrayList<>();
			for (int r = 0; r <= Math.min(sheet.getLastRowNum(), maxRows - 1); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getLastCellNum() <= 0) {
					out.add(new String[0]);
					continue;
				}
				String[] cells = new String[Math.min(row.getLastCellNum(), maxColumns)];
				for (int c = 0; c < cells.length; c++) {
					var cell = row.getCell(c);
					cells[c] = cell == null ? "" : cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula()
							: fmt.formatCellValue(cell);
				}
				out.add(cells);
			}
			return out;
		} catch (IOException | RuntimeException e) {
			throw new InvalidInputException(field, "XLSX ファイルとして読めません");
		}
	}
}
