package jp.ikiiki.desk.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.ikiiki.desk.reports.ReportsFiles;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX and PDF of a hand-made report, read back; the files are kept in target/reports/ to look at. */
class ReportFilesTest {

	static final Path OUT = Path.of("target", "reports");

	@Test
	void the_workbook_holds_real_numbers_with_formats_and_japanese_sheets() throws Exception {
		byte[] xlsx = ReportWorkbook.write(ReportLayout.of(SampleReports.daily(true)));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-daily.xlsx"), xlsx);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("日報");
			assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("内訳");
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("令和8年11月24日（火）");
			Row total = find(sheet, "終日");
			assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(120);
			assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(107 / 120.0);
			assertThat(total.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(find(sheet, "14時台").getCell(11).getStringCellValue()).isEqualTo("欠落");
			assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("グラフ");
			Sheet sections = book.getSheet("内訳");
			assertThat(find(sections, "交通費助成").getCell(2).getNumericCellValue()).isEqualTo(30);
			assertThat(find(sections, "合計").getCell(2).getNumericCellValue()).isEqualTo(82);
			assertThat(find(sections, "うち手動記録（電話システム外）").getCell(2).getNumericCellValue()).isEqualTo(5);
			Row days = find(sections, "最も古い未完了案件の経過日数");
			assertThat(days.getCell(1).getNumericCellValue()).isEqualTo(3);
			assertThat(days.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0\" 開庁日\"");
		}
	}

	@Test
	void the_charts_are_pictures_on_their_own_sheet_and_images_on_the_first_pdf_page() throws Exception {
		ReportLayout.Layout layout = ReportLayout.of(SampleReports.daily(false));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportWorkbook.write(layout)))) {
			var drawing = book.getSheet("グラフ").getDrawingPatriarch();
			assertThat(drawing).isNotNull();
			List<XSSFPicture> pictures = drawing.getShapes().stream().filter(XSSFPicture.class::isInstance)
					.map(XSSFPicture.class::cast).toList();
			assertThat(pictures).hasSize(2);
			for (XSSFPicture picture : pictures) {
				assertThat(picture.getPictureData().getMimeType()).isEqualTo("image/png");
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.getPictureData().getData()));
				assertThat(image.getWidth()).isEqualTo(ReportWorkbook.CHART_WIDTH * 2);
			}
		}
		byte[] pdf = ReportPdf.write(layout);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDResources resources = doc.getPage(0).getResources();
			long images = 0;
			for (COSName name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					images++;
					assertThat(image.getWidth()).isGreaterThan(1000);
				}
			}
			assertThat(images).isEqualTo(2);
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("応答率の推移（30分ごと・累計）と目標 90.0%", "30分ごとの受電数（応答・未応答）");
		}
	}

	@Test
	void a_chart_without_calls_is_drawn_as_a_chart_saying_so() throws Exception {
		ReportLayout.Chart chart = new ReportLayout.Chart("空", ReportLayout.ChartType.ANSWER_RATE, "時刻",
				List.of(new ReportLayout.Point("8:30", 0, 0), new ReportLayout.Point("9:00", 0, 0)), 0.9);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(ReportCharts.png(chart, 400, 200, 1)));
		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(ReportCharts.build(chart).getCategoryPlot().getDataset().getRowCount()).isZero();
	}

	@Test
	void the_pdf_is_a4_with_the_japanese_text_the_definition_and_the_gap_warning() throws Exception {
		byte[] pdf = ReportPdf.write(ReportLayout.of(SampleReports.daily(true)));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-daily.pdf"), pdf);
		ReportsFiles.png(OUT.resolve("sample-daily.pdf"), OUT.resolve("sample-daily"));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.5f));
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("コールセンター日報", "令和8年11月24日（火）", "応答率の定義: contract",
					"【注意】", "89.2%", "問合せ区分別件数", "交通費助成", "14時台", "欠落");
		}
	}

	@Test
	void the_monthly_pdf_lists_every_open_day_and_the_total() throws Exception {
		byte[] pdf = ReportPdf.write(ReportLayout.of(SampleReports.monthly()));
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("sample-monthly.pdf"), pdf);
		ReportsFiles.png(OUT.resolve("sample-monthly.pdf"), OUT.resolve("sample-monthly"));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("コールセンター月報", "令和8年11月", "日別", "11月2日(月)", "11月30日(月)", "合計",
					"94.2%");
			assertThat(text).doesNotContain("11月3日(火)", "【注意】");
		}
	}

	static Row find(Sheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& label.equals(first.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + label);
	}
}
