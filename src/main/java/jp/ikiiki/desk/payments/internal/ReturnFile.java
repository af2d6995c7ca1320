package jp.ikiiki.desk.payments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.UploadedTables;

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
		List<String[]> lines = name.endsWith(".xlsx") ? UploadedTables.xlsx(bytes, MAX_ROWS + 11, 50, "file")
				: UploadedTables.csv(bytes);
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
}
