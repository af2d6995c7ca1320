package jp.ikiiki.desk.mailings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.Postcodes;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The Excel files for the city: 後納郵便差出票 figures (第4章1(5)) and the 引受番号 list (第4章1(6)). */
final class Workbooks {

	private Workbooks() {
	}

	static byte[] postage(String title, String kindLabel, List<PostageLine> lines) {
		try (var wb = new SXSSFWorkbook(100)) {
			Sheet sheet = wb.createSheet("後納郵便差出票");
			int r = 0;
			row(sheet, r++, "後納郵便差出票 記入数値");
			row(sheet, r++, "バッチ", title);
			row(sheet, r++, "種類", kindLabel);
			r++;
			row(sheet, r++, "封筒", "区分", "重量", "特殊取扱", "通数");
			int total = 0;
			for (PostageLine l : lines) {
				Row row = row(sheet, r++, l.envelope(), l.sizeClass(), l.weightClass(), l.handling());
				row.createCell(4).setCellValue(l.count());
				total += l.count();
			}
			row(sheet, r, "合計").createCell(4).setCellValue(total);
			return bytes(wb);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @param subjects false for recipients a module gave: 宛先番号 and 宛先 head their columns */
	static byte[] registeredNumbers(String title, boolean subjects, List<Envelope> rows) {
		try (var wb = new SXSSFWorkbook(500)) {
			Sheet sheet = wb.createSheet("引受番号");
			row(sheet, 0, "簡易書留 引受番号一覧", title);
			row(sheet, 1, "連番", "引受番号", "郵便番号", subjects ? "宛名番号" : "宛先番号", "申請書管理番号",
					subjects ? "氏名" : "宛先", "束", "束内順");
			int r = 2;
			for (Envelope e : rows) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 1);
				row.createCell(1).setCellValue(RegisteredNumber.display(e.registeredNumber()));
				row.createCell(2).setCellValue(Postcodes.format(e.postalCode()));
				row.createCell(3).setCellValue(e.subjectId());
				row.createCell(4).setCellValue(e.fields().getOrDefault(PrintFields.APPLICATION_NUMBER, ""));
				row.createCell(5).setCellValue(e.fields().getOrDefault(PrintFields.NAME, ""));
				row.createCell(6).setCellValue(e.bundleNo());
				row.createCell(7).setCellValue(e.bundleSeq());
				r++;
			}
			return bytes(wb);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}

	private static byte[] bytes(SXSSFWorkbook wb) throws IOException {
		var out = new ByteArrayOutputStream();
		wb.write(out);
		wb.dispose();
		return out.toByteArray();
	}
}
