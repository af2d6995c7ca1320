package jp.ikiiki.desk.payments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the bank's 振込不能 result as the centre receives it: the 全銀 result of a 総合振込 is bank-specific, so the
 * operator saves it as CSV (UTF-8 with or without BOM, else Windows-31J) or XLSX with a header row naming the columns
 * (any order; names as listed in {@link Column}). Cells are returned as found; checking is the caller's.
 */
final class ReturnFile {

	static final int MAX_BYTES = 5 * 1024 * 1024;
	static final int MAX_ROWS = 100_000;

	/** The columns, with the header names accepted for each. */
	enum Column {
		ADDRESS_NUMBER("宛名番号", "顧客コード", "顧客コード1"),
		BANK_CODE("金融機関コード", "銀行コード", "被仕向銀行番号"),
		BRANCH_CODE("店舗コード", "支店コード", "被仕向支店番号"),
		ACCOUNT_NUMBER("口座番号"),
		AMOUNT("金額", "振込金額"),
		REASON_CODE("不能事由コード", "事由コード"),
		REASON("不能事由", "理由", "振込不能理由");

		private final List<String> names;

		Column(String... names) {
			this.names = List.of(names);
		}

		/** The column's first name, as refusals name it. */
		String label() {
			return names.get(0);
		}
	}

	/** A data row: its line in the file (header = 1) and its cells by column (absent columns: ""). */
	record Row(int line, Map<Column, String> cells) {

		String get(Column c) {
			return cells.getOrDefault(c, "");
		}
	}

	private ReturnFile() {
	}

	/** @throws InvalidInputException the file cannot be read, is too large, or has no header naming a column */
	static List<Row> read(String fileName, byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException("file", "振込不能ファイルが大きすぎます（5MBまで）");
		}
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		List<String[]> lines = name.endsWith(".xlsx") ? xlsx(bytes) : csv(bytes);
		int header = -1;
		for (int i = 0; i < lines.size() && header < 0; i++) {
			if (lines.get(i).length > 0 && String.join("", lines.get(i)).strip().length() > 0) {
				header = i;
			}
		}
		if (header < 0) {
			throw new InvalidInputException("file", "振込不能ファイルに行がありません");
		}
		Map<Integer, Column> columns = new HashMap<>();
		String[] head = lines.get(header);
		for (int c = 0; c < head.length; c++) {
			String h = head[c].strip().replace("\uFEFF", "");
			for (Column col : Column.values()) {
				if (col.names.contains(h)) {
					if (columns.containsValue(col)) {
						throw new InvalidInputException("file", "見出し（" + (header + 1) + "行目）に「" + col.label()
								+ "」の列が二つあります");
					}
					columns.put(c, col);
				}
			}
		}
		if (!columns.containsValue(Column.AMOUNT) || !(columns.containsValue(Column.ADDRESS_NUMBER)
				|| columns.containsValue(Column.ACCOUNT_NUMBER))
				|| !(columns.containsValue(Column.REASON) || columns.containsValue(Column.REASON_CODE))) {
			throw new InvalidInputException("file", "見出し（" + (header + 1) + "行目）に必要な列がありません："
					+ "宛名番号または口座番号（金融機関コード・店舗コードと）、金額、不能事由または不能事由コード");
		}
		List<Row> rows = new ArrayList<>();
		for (int i = header + 1; i < lines.size(); i++) {
			String[] cells = lines.get(i);
			if (String.join("", cells).strip().isEmpty()) {
				continue;
			}
			if (rows.size() >= MAX_ROWS) {
				throw new InvalidInputException("file", "振込不能ファイルの行が多すぎます（" + MAX_ROWS + "行まで）");
			}
			Map<Column, String> byColumn = new HashMap<>();
			columns.forEach((index, col) -> byColumn.put(col, index < cells.length ? cells[index] : ""));
			rows.add(new Row(i + 1, byColumn));
		}
		return rows;
	}

	private static List<String[]> csv(byte[] bytes) {
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

	private static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
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
			for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS + 10); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				if (row == null || row.getLastCellNum() <= 0) {
					out.add(new String[0]);
					continue;
				}
				String[] cells = new String[Math.min(row.getLastCellNum(), 50)];
				for (int c = 0; c < cells.length; c++) {
					var cell = row.getCell(c);
					// a formula is read as written (=…), never evaluated: the check refuses it
					cells[c] = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
							? "=" + cell.getCellFormula() : fmt.formatCellValue(cell);
				}
				out.add(cells);
			}
			return out;
		} catch (IOException | RuntimeException e) {
			throw new InvalidInputException("file", "XLSX ファイルとして読めません");
		}
	}
}
