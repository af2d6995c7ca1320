package jp.ikiiki.desk.mailings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.UploadedTables;

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
		List<String[]> cells = name.endsWith(".xlsx")
				? UploadedTables.xlsx(bytes, Integer.MAX_VALUE, 2, "引抜リスト") : UploadedTables.csv(bytes);
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
}
