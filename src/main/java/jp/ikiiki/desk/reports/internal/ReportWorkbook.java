package jp.ikiiki.desk.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX of a report: sheet 日報 (or 月報) with the header, the in-progress notice, the gap warning and the call
 * figures; sheet グラフ with the charts as pictures; sheet 内訳 with the contributed sections. Real numbers with number formats (counts #,##0, shares 0.0%, seconds 0.0), printable
 * on A4 at page width. A report is a few hundred cells whatever the day's calls, so the plain (not streaming)
 * workbook is used.
 */
public final class ReportWorkbook {

	/**
	 * The font named in the file: the IPAex Gothic the application bundles for its PDFs (installable on the city's
	 * PCs with its licence); a spreadsheet program without it substitutes its own Japanese Gothic.
	 */
	static final String FONT = "IPAexゴシック";
	/** Size of a chart on sheet グラフ, in points (about the width of the tables on A4). */
	static final int CHART_WIDTH = 520;
	static final int CHART_HEIGHT = 220;

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final Map<ReportLayout.Kind, CellStyle> plain = new EnumMap<>(ReportLayout.Kind.class);
	private final Map<ReportLayout.Kind, CellStyle> marked = new EnumMap<>(ReportLayout.Kind.class);
	private final Map<ReportLayout.Kind, CellStyle> total = new EnumMap<>(ReportLayout.Kind.class);
	private final Map<ReportLayout.Kind, CellStyle> subset = new EnumMap<>(ReportLayout.Kind.class);
	private final CellStyle header;
	private final CellStyle title;
	private final CellStyle subtitle;
	private final CellStyle warning;
	private final CellStyle progress;
	private final CellStyle note;

	private ReportWorkbook() {
		Font normal = font(10, false, IndexedColors.BLACK);
		Font bold = font(10, true, IndexedColors.BLACK);
		Font italic = font(10, false, IndexedColors.GREY_80_PERCENT);
		italic.setItalic(true);
		title = workbook.createCellStyle();
		title.setFont(font(14, true, IndexedColors.BLACK));
		subtitle = workbook.createCellStyle();
		subtitle.setFont(font(11, true, IndexedColors.BLACK));
		warning = workbook.createCellStyle();
		warning.setFont(font(11, true, IndexedColors.RED));
		progress = workbook.createCellStyle();
		progress.setFont(font(11, true, IndexedColors.DARK_BLUE));
		note = workbook.createCellStyle();
		note.setFont(font(9, false, IndexedColors.GREY_80_PERCENT));
		header = bordered(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setVerticalAlignment(VerticalAlignment.CENTER);
		header.setWrapText(true);
		for (ReportLayout.Kind kind : ReportLayout.Kind.values()) {
			plain.put(kind, valueStyle(kind, normal, null));
			marked.put(kind, valueStyle(kind, normal, new java.awt.Color(0xFF, 0xE0, 0xB2)));
			total.put(kind, valueStyle(kind, bold, new java.awt.Color(0xFF, 0xF8, 0xD0)));
			CellStyle under = valueStyle(kind, italic, new java.awt.Color(0xF3, 0xF6, 0xFA));
			if (kind == ReportLayout.Kind.TEXT) {
				under.setIndention((short) 1);
			}
			subset.put(kind, under);
		}
	}

	/** The report's XLSX bytes. */
	public static byte[] write(ReportLayout.Layout layout) {
		ReportWorkbook w = new ReportWorkbook();
		try (XSSFWorkbook book = w.workbook) {
			w.figures(layout);
			w.charts(layout);
			w.sections(layout);
			ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("report workbook cannot be written", e);
		}
	}

	private void figures(ReportLayout.Layout layout) {
		Sheet sheet = sheet(layout.sheetName());
		int r = 0;
		text(sheet, r++, layout.title(), title);
		text(sheet, r++, layout.period(), subtitle);
		text(sheet, r++, layout.headline(), subtitle);
		for (String line : layout.lines()) {
			text(sheet, r++, line, note);
		}
		if (layout.progress() != null) {
			text(sheet, r++, layout.progress(), progress);
		}
		if (layout.warning() != null) {
			text(sheet, r++, layout.warning(), warning);
		}
		for (ReportLayout.Table table : layout.tables()) {
			r = table(sheet, r + 1, table);
		}
		widths(sheet, layout.tables());
	}

	/**
	 * Sheet グラフ: the charts as pictures, one under the other, each under its heading. A chart is rendered at twice
	 * the size it is shown at, so that it prints sharply.
	 */
	private void charts(ReportLayout.Layout layout) {
		Sheet sheet = sheet("グラフ");
		int r = 0;
		text(sheet, r++, layout.title() + "　グラフ", title);
		text(sheet, r++, layout.period(), subtitle);
		if (layout.progress() != null) {
			text(sheet, r++, layout.progress(), progress);
		}
		// Column widths before the pictures: a picture's anchor is computed from them.
		for (int c = 0; c < 12; c++) {
			sheet.setColumnWidth(c, 9 * 256 + 200);
		}
		XSSFDrawing drawing = (XSSFDrawing) sheet.createDrawingPatriarch();
		for (ReportLayout.Chart chart : layout.charts()) {
			r++;
			text(sheet, r++, chart.title(), subtitle);
			byte[] png = ReportCharts.png(chart, CHART_WIDTH, CHART_HEIGHT, 2);
			int picture = workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
			// The anchor's far corner from the chart's size in points (the PNG holds twice as many pixels).
			XSSFClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
			anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
			anchor.setCol1(0);
			anchor.setRow1(r);
			double width = CHART_WIDTH * Units.PIXEL_DPI / (double) Units.POINT_DPI;
			int col = 0;
			while (width > sheet.getColumnWidthInPixels(col)) {
				width -= sheet.getColumnWidthInPixels(col++);
			}
			anchor.setCol2(col);
			anchor.setDx2((int) Math.round(width * Units.EMU_PER_PIXEL));
			float rowHeight = sheet.getDefaultRowHeightInPoints();
			int rows = (int) (CHART_HEIGHT / rowHeight);
			anchor.setRow2(r + rows);
			anchor.setDy2((int) Math.round((CHART_HEIGHT - rows * rowHeight) * Units.EMU_PER_POINT));
			drawing.createPicture(anchor, picture);
			r += rows + 2;
		}
	}

	private void sections(ReportLayout.Layout layout) {
		Sheet sheet = sheet("内訳");
		int r = 0;
		text(sheet, r++, layout.title() + "　内訳", title);
		text(sheet, r++, layout.period(), subtitle);
		if (layout.sections().isEmpty()) {
			text(sheet, r, "内訳の項目はありません", note);
		}
		for (ReportLayout.Table table : layout.sections()) {
			r = table(sheet, r + 1, table);
		}
		widths(sheet, layout.sections());
	}

	private Sheet sheet(String name) {
		Sheet sheet = workbook.createSheet(name);
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(false);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		return sheet;
	}

	/** Writes one table from row {@code r}; returns the row after it. */
	private int table(Sheet sheet, int r, ReportLayout.Table table) {
		text(sheet, r++, table.title(), subtitle);
		if (table.note() != null) {
			text(sheet, r++, table.note(), note);
		}
		Row head = sheet.createRow(r++);
		boolean twoLines = table.columns().stream().anyMatch(c -> c.header().contains("\n"));
		head.setHeightInPoints(twoLines ? 28 : 16);
		for (int c = 0; c < table.columns().size(); c++) {
			Cell cell = head.createCell(c);
			cell.setCellValue(table.columns().get(c).header());
			cell.setCellStyle(header);
		}
		for (ReportLayout.Row line : table.rows()) {
			List<Object> values = line.values();
			Map<ReportLayout.Kind, CellStyle> styles = switch (line.style()) {
				case TOTAL -> total;
				case MARKED -> marked;
				case SUBSET -> subset;
				case PLAIN -> plain;
			};
			Row row = sheet.createRow(r++);
			for (int c = 0; c < values.size(); c++) {
				Object value = values.get(c);
				ReportLayout.Kind kind = ReportLayout.kindOf(table.columns().get(c), value);
				if (value instanceof ReportLayout.Typed typed) {
					value = typed.value();
				}
				Cell cell = row.createCell(c);
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
					cell.setCellStyle(styles.get(kind));
				} else {
					cell.setCellValue(value == null ? ReportLayout.NONE : value.toString());
					cell.setCellStyle(value == null && kind != ReportLayout.Kind.TEXT ? styles.get(kind)
							: styles.get(ReportLayout.Kind.TEXT));
				}
			}
		}
		return r;
	}

	private static void widths(Sheet sheet, List<ReportLayout.Table> tables) {
		int[] widths = new int[16];
		for (ReportLayout.Table t : tables) {
			for (int c = 0; c < t.columns().size(); c++) {
				widths[c] = Math.max(widths[c], t.columns().get(c).width());
			}
		}
		for (int c = 0; c < widths.length && widths[c] > 0; c++) {
			sheet.setColumnWidth(c, widths[c] * 256 + 200);
		}
	}

	private static void text(Sheet sheet, int r, String text, CellStyle style) {
		Cell cell = sheet.createRow(r).createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(style);
	}

	private Font font(int points, boolean bold, IndexedColors colour) {
		Font f = workbook.createFont();
		f.setFontName(FONT);
		f.setFontHeightInPoints((short) points);
		f.setBold(bold);
		f.setColor(colour.getIndex());
		return f;
	}

	private CellStyle bordered(Font font) {
		CellStyle s = workbook.createCellStyle();
		s.setFont(font);
		s.setBorderTop(BorderStyle.THIN);
		s.setBorderBottom(BorderStyle.THIN);
		s.setBorderLeft(BorderStyle.THIN);
		s.setBorderRight(BorderStyle.THIN);
		s.setVerticalAlignment(VerticalAlignment.CENTER);
		return s;
	}

	private CellStyle valueStyle(ReportLayout.Kind kind, Font font, java.awt.Color fill) {
		CellStyle s = bordered(font);
		if (fill != null) {
			((org.apache.poi.xssf.usermodel.XSSFCellStyle) s).setFillForegroundColor(
					new org.apache.poi.xssf.usermodel.XSSFColor(fill, null));
			s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		}
		String format = ReportLayout.numberFormat(kind);
		if (format != null) {
			s.setDataFormat(workbook.createDataFormat().getFormat(format));
			s.setAlignment(HorizontalAlignment.RIGHT);
		}
		return s;
	}
}
