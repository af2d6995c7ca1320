package jp.ikiiki.desk.mailings.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.DataFormatter;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the city's pull-out list (引抜対象者リスト): CSV (UTF-8 with or without BOM, else Windows-31J) or XLSX, first
 * column the number (宛名番号, 申請書管理番号 or 引受番号), second the reason. A first row whose number cell holds no
 * digit is a header and skipped; blank rows are skipped.
 */
final class PullOutFile {

	/** One row, numbered as the operator sees it in the file (1-based). */
	record Row(int line, String number, String reason) {
	}

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private PullOutFile() {
	}

	/** @throws InvalidInputException if the file cannot be read at all (message for the operator) */
	static List<Row> read(String fileName, InputStream in) {
		byte[] bytes;
		try {
			bytes = in.readNBytes(MAX_BYTES + 1);
		} catch (IOException e) {
			throw new InvalidInputException("引抜リスト", "ファイルを読めません: " + fileName);
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException("引抜リスト", "引抜リストが大きすぎます（10MBまで）");
		}
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		List<String[]> cells = name.endsWith(".xlsx") ? xlsx(bytes) : csv(bytes);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String[] c = cells.get(i);
			String number = c.length > 0 ? c[0].strip() : "";
			String reason = c.length > 1 ? c[1].strip() : "";
			if (number.isEmpty() && reason.isEmpty()) {
				continue;
			}
			if (i == 0 && !number.matches(".*[0-9０-９].*")) {
				continue; // header
			}
			rows.add(new Row(i + 1, number, reason));
		}
		return rows;
	}

	private static List<String[]> csv(byte[] bytes) {
		String text = decode(bytes);
		List<String[]> out = new ArrayList<>();
		for (String line : text.split("\\r?\\n", -1)) {
			List<String> cells = new ArrayList<>();
			StringBuilder cur = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char ch = line.charAt(i);
				if (quoted) {
					if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
				} else {
					cur.append(ch);
				}
			}
			cells.add(cur.toString());
			out.add(cells.toArray(String[]::new));
		}
		return out;
	}

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, Charset.forName("windows-31j"));
		}
	}

	private static List<String[]> xlsx(byte[] bytes) {
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter();
			List<String[]> out = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				if (row == null) {
					out.add(new String[0]);
					continue;
				}
				out.add(new String[] { fmt.formatCellValue(row.getCell(0)), fmt.formatCellValue(row.getCell(1)) });
			}
			return out;
		} catch (IOException | RuntimeException e) {
			throw new InvalidInputException("引抜リスト", "XLSX ファイルとして読めません");
		}
	}
}
