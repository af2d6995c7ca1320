package jp.ikiiki.desk.groups.duplicates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 重複チェックリスト (第9章1(2), 毎月下旬; 第5章2) as an XLSX file for the city: one row per likely pair of the month,
 * best first, with the score, the fields that matched, both sides side by side (the new group; the registered group
 * or the town's entry it resembles) and the city's decision where made. Autofilter, frozen header; every value a text
 * cell (a name starting with = stays text).
 */
final class DuplicateChecklist {

	static final List<String> HEADINGS = List.of("No.", "一致度", "一致した項目", "新規団体番号", "新規 名称", "新規 カナ",
			"新規 区", "新規 代表者", "新規 電話番号", "新規 住所", "照合先", "照合先 団体番号", "照合先 名称", "照合先 カナ",
			"照合先 区・町", "照合先 代表者", "照合先 電話番号", "照合先 住所", "市の判断", "判断日時");

	private DuplicateChecklist() {
	}

	static String fileName(YearMonth month) {
		return "重複チェックリスト_" + month + ".xlsx";
	}

	static byte[] write(YearMonth month, List<DuplicateChecks.Pair> pairs) {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("重複チェックリスト");
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle head = wb.createCellStyle();
			head.cloneStyleFrom(bold);
			head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			sheet.createRow(0).createCell(0).setCellValue("重複チェックリスト（" + month.getYear() + "年"
					+ month.getMonthValue() + "月 新規登録分）　件数: " + pairs.size());
			sheet.getRow(0).getCell(0).setCellStyle(bold);
			Row header = sheet.createRow(1);
			for (int i = 0; i < HEADINGS.size(); i++) {
				header.createCell(i).setCellValue(HEADINGS.get(i));
				header.getCell(i).setCellStyle(head);
			}
			int r = 2;
			for (DuplicateChecks.Pair p : pairs) {
				List<String> v = new ArrayList<>();
				v.add(Integer.toString(r - 1));
				v.add(String.format("%.3f", p.score()));
				v.add(String.join("・", p.matched().stream().map(MatchField::heading).toList()));
				side(v, p.a());
				v.add(source(p.b()));
				side(v, p.b());
				v.add(p.duplicate() == null ? "未判断" : p.duplicate() ? "重複" : "重複でない");
				v.add(p.decidedAt() == null ? ""
						: java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
								.format(p.decidedAt().atZone(jp.ikiiki.desk.shared.JapanTime.ZONE)));
				Row row = sheet.createRow(r++);
				for (int i = 0; i < v.size(); i++) {
					row.createCell(i).setCellValue(v.get(i) == null ? "" : v.get(i));
				}
			}
			if (pairs.isEmpty()) {
				sheet.createRow(r).createCell(0).setCellValue("重複の可能性がある組はありません。");
			}
			sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, HEADINGS.size() - 1));
			sheet.createFreezePane(0, 2);
			int[] widths = {6, 8, 22, 12, 28, 24, 10, 14, 16, 34, 10, 12, 28, 24, 10, 14, 16, 34, 12, 18};
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			wb.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String source(DuplicateChecks.Side s) {
		return switch (s.source()) {
			case "GROUP" -> "登録団体";
			case "FUCHU" -> Town.FUCHU.japaneseName();
			case "KAITA" -> Town.KAITA.japaneseName();
			default -> s.source();
		};
	}

	private static void side(List<String> v, DuplicateChecks.Side s) {
		v.add(s.groupId() == null ? s.ref().substring(s.ref().indexOf(':') + 1).replaceFirst("^[NH]:", "")
				: s.groupId().toString());
		v.add("REMOVED".equals(s.state()) ? "（町の一覧から削除済み）" : s.name());
		v.add(s.nameKana());
		v.add(s.area());
		v.add(s.representative());
		v.add(s.phone());
		v.add(s.address());
	}
}
