package jp.ikiiki.desk.deliverables.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The checklist of the handover package (第9章1(4)) as XLSX: sheet 「未了の提出物」 lists every deliverable period not
 * yet delivered, sheet 「引継ぎ項目」 the parts of the package. Column A of both is the city's tick: a cell with a
 * drop-down of {@value #OPEN} and {@value #TICKED}, then 確認日, 確認者 and 備考 for whoever ticks it.
 */
final class HandoverChecklist {

	static final String OPEN = "☐";
	static final String TICKED = "☑";

	static final List<String> DELIVERABLE_HEADERS = List.of("市確認", "提出期限", "提出物", "分類", "対象期間", "状態",
			"期限超過", "作成機能", "最新ファイル", "SHA-256", "確認日", "確認者", "備考");
	static final List<String> PART_HEADERS = List.of("市確認", "項目", "パッケージ内の場所", "内容", "確認日", "確認者", "備考");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");

	/** One part of the package for the second sheet. */
	record Part(String name, String path, String description) {
	}

	private HandoverChecklist() {
	}

	static byte[] xlsx(String title, List<DeliverablePeriod> open, List<Part> parts) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = header(wb);
			CellStyle box = box(wb);
			Sheet deliverables = wb.createSheet("未了の提出物");
			deliverables.createRow(0).createCell(0).setCellValue(title + "　未了の提出物（第9章1(2)）");
			row(deliverables, 2, DELIVERABLE_HEADERS, header);
			int r = 3;
			for (DeliverablePeriod p : open) {
				row(deliverables, r++, List.of(OPEN, DAY.format(p.due()), p.kindLabel(), p.category(), p.periodLabel(),
						p.state().label(), p.overdue() ? "期限超過" : "", p.provided() ? "あり" : "作成機能なし",
						p.fileName() == null ? "" : p.fileName(), p.sha256() == null ? "" : p.sha256(), "", "", ""),
						null).getCell(0).setCellStyle(box);
			}
			if (open.isEmpty()) {
				deliverables.createRow(r).createCell(1).setCellValue("未了の提出物はありません。");
			}
			tick(deliverables, 3, Math.max(3, r - 1));
			widths(deliverables, 8, 12, 34, 24, 22, 22, 10, 12, 36, 20, 12, 14, 30);
			deliverables.createFreezePane(0, 3);
			printable(deliverables);

			Sheet list = wb.createSheet("引継ぎ項目");
			list.createRow(0).createCell(0).setCellValue(title + "　引継ぎ項目（第9章1(4)）");
			row(list, 2, PART_HEADERS, header);
			r = 3;
			for (Part part : parts) {
				row(list, r++, List.of(OPEN, part.name(), part.path(), part.description(), "", "", ""), null).getCell(0)
						.setCellStyle(box);
			}
			tick(list, 3, Math.max(3, r - 1));
			widths(list, 8, 28, 34, 70, 12, 14, 30);
			printable(list);
			wb.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Row row(Sheet sheet, int index, List<String> values, CellStyle style) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
			if (style != null) {
				row.getCell(i).setCellStyle(style);
			}
		}
		return row;
	}

	/** The drop-down that lets the city tick a line. */
	private static void tick(Sheet sheet, int first, int last) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(
				new String[] { OPEN, TICKED }), new CellRangeAddressList(first, last, 0, 0));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	/** Landscape, one page wide, so that the printed list keeps its columns together. */
	private static void printable(Sheet sheet) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(2, 2, -1, -1));
	}

	private static void widths(Sheet sheet, int... chars) {
		for (int i = 0; i < chars.length; i++) {
			sheet.setColumnWidth(i, chars[i] * 256);
		}
	}

	private static CellStyle header(XSSFWorkbook wb) {
		CellStyle style = wb.createCellStyle();
		Font bold = wb.createFont();
		bold.setBold(true);
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}

	private static CellStyle box(XSSFWorkbook wb) {
		CellStyle style = wb.createCellStyle();
		style.setAlignment(HorizontalAlignment.CENTER);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}
}
