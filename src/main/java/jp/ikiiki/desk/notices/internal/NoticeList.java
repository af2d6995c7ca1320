package jp.ikiiki.desk.notices.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.YearPoints;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The 獲得ポイント通知一覧 (第8章1, 第9章1(2)) the city receives before the notices are posted: one row per notice with
 * what a city clerk checks (宛名番号, 氏名, 申請書管理番号, points per activity kind, total, cap, credited, amount,
 * account form yes/no, city receipt date, due date), and a second sheet of the booklets that get no notice with the
 * reason.
 */
final class NoticeList {

	/** One notice. */
	record Line(String addressNumber, String name, String managementNumber, YearPoints year, boolean accountForm,
			LocalDate receivedOn, LocalDate dueBy, String remark) {
	}

	/** One subject without a notice. */
	record Left(String addressNumber, String name, String managementNumber, LocalDate receivedOn, String reason) {
	}

	static final List<String> HEADERS;

	static {
		var h = new ArrayList<String>(List.of("宛名番号", "氏名", "申請書管理番号", "事業年度", "活動4P", "活動2P"));
		for (int k = 1; k <= 14; k++) {
			h.add("受診2P_" + k);
		}
		h.addAll(List.of("受診2P小計", "健康1P", "無効スタンプ数", "ポイント合計", "上限ポイント", "支払対象ポイント", "支払金額",
				"口座登録用紙", "手帳受付日", "通知期限", "備考"));
		HEADERS = List.copyOf(h);
	}

	private NoticeList() {
	}

	static byte[] write(String title, List<Line> lines, List<Left> left, Runnable rowWritten) {
		try (var wb = new SXSSFWorkbook(500); var out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			SXSSFSheet sheet = wb.createSheet("獲得ポイント通知一覧");
			sheet.createRow(0).createCell(0).setCellValue(title);
			header(sheet, 1, HEADERS, bold);
			int r = 2;
			for (Line l : lines) {
				Row row = sheet.createRow(r++);
				int c = 0;
				StampCounts s = l.year().counts();
				text(row, c++, l.addressNumber());
				text(row, c++, l.name());
				text(row, c++, l.managementNumber());
				text(row, c++, BusinessYear.labelOf(l.year().businessYear()));
				num(row, c++, 4 * s.stamps4p());
				num(row, c++, 2 * s.stamps2p());
				for (int k = 0; k < 14; k++) {
					num(row, c++, 2 * s.checkups().get(k));
				}
				num(row, c++, 2 * s.checkupStamps());
				num(row, c++, s.stamps1p());
				num(row, c++, s.voidStamps());
				num(row, c++, l.year().total());
				num(row, c++, l.year().cap());
				num(row, c++, l.year().credited());
				num(row, c++, l.year().amountYen());
				text(row, c++, l.accountForm() ? "有" : "無");
				text(row, c++, l.receivedOn().toString());
				text(row, c++, l.dueBy().toString());
				text(row, c++, l.remark() == null ? "" : l.remark());
				rowWritten.run();
			}
			sheet.createFreezePane(3, 2);
			Sheet other = wb.createSheet("通知対象外");
			header(other, 0, List.of("宛名番号", "氏名", "申請書管理番号", "手帳受付日", "理由"), bold);
			r = 1;
			for (Left l : left) {
				Row row = other.createRow(r++);
				text(row, 0, l.addressNumber());
				text(row, 1, l.name());
				text(row, 2, l.managementNumber());
				text(row, 3, l.receivedOn() == null ? "" : l.receivedOn().toString());
				text(row, 4, l.reason());
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void header(Sheet sheet, int r, List<String> names, CellStyle style) {
		Row row = sheet.createRow(r);
		for (int i = 0; i < names.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names.get(i));
			cell.setCellStyle(style);
		}
	}

	private static void text(Row row, int c, String value) {
		row.createCell(c).setCellValue(value == null ? "" : value);
	}

	private static void num(Row row, int c, long value) {
		row.createCell(c).setCellValue(value);
	}
}
